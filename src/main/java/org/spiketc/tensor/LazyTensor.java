package org.spiketc.tensor;

import java.util.function.Supplier;

/**
 * A tensor whose values are produced on first {@link #data()} call and then kept. Used for seeded
 * random weights so that listing a model's statistics never allocates its weights.
 */
public final class LazyTensor implements Tensor {
    private final Shape shape;
    private Supplier<float[]> source;
    private float[] data;

    public LazyTensor(Shape shape, Supplier<float[]> source) {
        this.shape = shape;
        this.source = source;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public synchronized float[] data() {
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
