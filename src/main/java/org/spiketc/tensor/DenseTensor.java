package org.spiketc.tensor;

/** A tensor whose values are in memory. */
public record DenseTensor(Shape shape, float[] data) implements Tensor {
    public DenseTensor {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape " + shape);
        }
    }
}
