package org.spiketc.tensor;

/** Small tensor utilities. */
public final class Tensors {
    private Tensors() {
    }

    /** The same values under another shape of equal size; stays lazy if the source is. */
    public static Tensor reshape(Tensor t, Shape shape) {
        if (t.shape().longSize() != shape.longSize()) {
            throw new IllegalArgumentException("cannot reshape " + t.shape() + " to " + shape);
        }
        if (t instanceof DenseTensor d) {
            return new DenseTensor(shape, d.data());
        }
        return LazyTensor.regenerating(shape, t::data);
    }
}
