package org.spiketc.tensor;

import java.util.Arrays;

/**
 * A float32 tensor in row-major order. {@link #data()} may be computed on first use (seeded random
 * weights are), so code that needs only shapes never materialises the values.
 */
public interface Tensor {
    Shape shape();

    /** The values, row-major. Callers must not modify the returned array. */
    float[] data();

    static Tensor of(Shape shape, float[] data) {
        return new DenseTensor(shape, data);
    }

    static Tensor filled(Shape shape, float value) {
        float[] d = new float[shape.size()];
        Arrays.fill(d, value);
        return new DenseTensor(shape, d);
    }
}
