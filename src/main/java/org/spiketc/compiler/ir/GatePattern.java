package org.spiketc.compiler.ir;

import org.spiketc.tensor.Shape;

/**
 * Which operand elements a {@link Gate} pairs. With Q, K, V as [C, H, W] (d = C / heads,
 * N = H·W tokens), each gate compartment g multiplies one element of each operand.
 */
public enum GatePattern {
    /** g[c, h, w] = a[c, h, w] · b[c, h, w]. */
    ELEMENTWISE,
    /** g[c, h, w] = a[c, h, w] · b[c, 0, 0] (b broadcast over tokens). */
    BROADCAST,
    /** g[h, n, m, j] = Q[h·d+j, n] · K[h·d+j, m]: the products summed by Q·Kᵀ. */
    QK,
    /** g[h, n, m, j] = A[h, n, m] · V[h·d+j, m]: the products summed by A·V. */
    AV,
    /** g[h, i, j, n] = K[h·d+i, n] · V[h·d+j, n]: the products summed by Kᵀ·V. */
    KV,
    /** g[h, n, i, j] = Q[h·d+i, n] · M[h, i, j]: the products summed by Q·M. */
    QM;

    /** Shape of the gate population for operand shapes a and b. */
    public Shape outShape(Shape a, Shape b, int heads) {
        switch (this) {
            case ELEMENTWISE, BROADCAST:
                return a;
            case QK: {
                int n = a.dim(1) * a.dim(2);
                return Shape.of(heads, n, n, a.dim(0) / heads);
            }
            case AV: {
                int n = b.dim(1) * b.dim(2);
                return Shape.of(heads, n, n, b.dim(0) / heads);
            }
            case KV: {
                int d = a.dim(0) / heads;
                return Shape.of(heads, d, d, a.dim(1) * a.dim(2));
            }
            case QM: {
                int d = a.dim(0) / heads;
                return Shape.of(heads, a.dim(1) * a.dim(2), d, d);
            }
            default:
                throw new AssertionError(this);
        }
    }
}
