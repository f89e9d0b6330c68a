package org.spiketc.compiler.ir;

/** Output extent of a windowed op, as PyTorch computes it (floor mode). */
public final class Geometry {
    private Geometry() {
    }

    public static int out(int in, int kernel, int stride, int padding) {
        int o = (in + 2 * padding - kernel) / stride + 1;
        if (o <= 0) {
            throw new IrException("window " + kernel + " stride " + stride + " pad " + padding + " does not fit extent " + in);
        }
        return o;
    }
}
