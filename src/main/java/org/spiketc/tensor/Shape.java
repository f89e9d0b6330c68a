package org.spiketc.tensor;

import java.util.Arrays;

/** Dimensions of a tensor, outermost first. Immutable. */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("dimension must be positive: " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements; throws if it would not fit a Java array. */
    public int size() {
        long n = longSize();
        if (n > Integer.MAX_VALUE) {
            throw new ArithmeticException("tensor too large: " + this);
        }
        return (int) n;
    }

    public long longSize() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Stable text form used in IR dumps and error messages, e.g. {@code [384, 8, 8]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
