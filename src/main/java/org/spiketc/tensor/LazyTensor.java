package org.spiketc.tensor;

import java.util.function.Supplier;

/**
 * A tensor whose values are computed when asked for. A caching one keeps them after the first
 * {@link #data()} call; a regenerating one computes them on every call and holds nothing, which
 * suits seeded random weights (listing a model never allocates them, and a graph a pass has
 * replaced does not keep them alive) and dequantized views of integer weights.
 */
public final class LazyTensor implements Tensor {
    private final Shape shape;
    private final boolean cache;
    private Supplier<float[]> source;
    private float[] data;

    /** A caching lazy tensor. */
    public LazyTensor(Shape shape, Supplier<float[]> source) {
        this(shape, source, true);
    }

    private LazyTensor(Shape shape, Supplier<float[]> source, boolean cache) {
        this.shape = shape;
        this.source = source;
        this.cache = cache;
    }

    /** A tensor that recomputes its values (deterministically) on every {@link #data()} call. */
    public static LazyTensor regenerating(Shape shape, Supplier<float[]> source) {
        return new LazyTensor(shape, source, false);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public synchronized float[] data() {
        if (!cache) {
            float[] d = source.get();
            if (d.length != shape.size()) {
                throw new IllegalStateException("lazy tensor produced " + d.length + " values for " + shape);
            }
            return d;
        }
        if (data == null) {
            float[] d = source.get();
            if (d.length != shape.size()) {
                throw new IllegalStateException("lazy tensor produced " + d.length + " values for " + shape);
            }
            data = d;
            source = null;
        }
        return data;
    }
}
