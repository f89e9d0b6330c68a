package org.spiketc.sim;

/**
 * Stride-1 convolution kernels shared by both engines. The dense form runs, for every weight, a
 * contiguous loop over an output row (the JIT vectorizes it); the engines use it when enough inputs
 * are non-zero that skipping zeros no longer pays. {@link #events} counts the synaptic events an
 * event-driven chip would perform all the same: non-zero inputs times the outputs each reaches.
 */
public final class ConvKernels {
    private ConvKernels() {
    }

    /** out[o][y][x] += Σ w[o][i][ky][kx] · in[i][y+ky−p][x+kx−p] over the valid window, float. */
    public static void dense(float[] x, int cin, int h, int w, float[] wt, int co, int k, int p, float[] out, int ho, int wo) {
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < cin; i++) {
                for (int ky = 0; ky < k; ky++) {
                    int oy0 = Math.max(0, p - ky);
                    int oy1 = Math.min(ho, h + p - ky);
                    for (int kx = 0; kx < k; kx++) {
                        float wv = wt[((o * cin + i) * k + ky) * k + kx];
                        if (wv == 0f) {
                            continue;
                        }
                        int ox0 = Math.max(0, p - kx);
                        int ox1 = Math.min(wo, w + p - kx);
                        for (int oy = oy0; oy < oy1; oy++) {
                            row(out, (o * ho + oy) * wo, x, (i * h + oy + ky - p) * w + kx - p, ox0, ox1, wv);
                        }
                    }
                }
            }
        }
    }

    private static void row(float[] out, int oRow, float[] x, int xRow, int from, int to, float wv) {
        for (int ox = from; ox < to; ox++) {
            out[oRow + ox] += wv * x[xRow + ox];
        }
    }

    /** The same in integers (mantissas times values), accumulating in 32 bits: callers check the bound. */
    public static void dense(int[] x, int cin, int h, int w, byte[] wt, int co, int k, int p, int[] out, int ho, int wo) {
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < cin; i++) {
                for (int ky = 0; ky < k; ky++) {
                    int oy0 = Math.max(0, p - ky);
                    int oy1 = Math.min(ho, h + p - ky);
                    for (int kx = 0; kx < k; kx++) {
                        int wv = wt[((o * cin + i) * k + ky) * k + kx];
                        if (wv == 0) {
                            continue;
                        }
                        int ox0 = Math.max(0, p - kx);
                        int ox1 = Math.min(wo, w + p - kx);
                        for (int oy = oy0; oy < oy1; oy++) {
                            row(out, (o * ho + oy) * wo, x, (i * h + oy + ky - p) * w + kx - p, ox0, ox1, wv);
                        }
                    }
                }
            }
        }
    }

    private static void row(int[] out, int oRow, int[] x, int xRow, int from, int to, int wv) {
        for (int ox = from; ox < to; ox++) {
            out[oRow + ox] += wv * x[xRow + ox];
        }
    }

    /** Synaptic events on this input: each non-zero input times the outputs its window reaches times the channels. */
    public static long events(float[] x, int cin, int h, int w, int[] rowTaps, int[] colTaps, int co) {
        long s = 0;
        for (int i = 0; i < cin; i++) {
            for (int y = 0; y < h; y++) {
                int base = (i * h + y) * w;
                for (int xx = 0; xx < w; xx++) {
                    if (x[base + xx] != 0f) {
                        s += rowTaps[y] * colTaps[xx];
                    }
                }
            }
        }
        return s * co;
    }

    /** The same for integer values; with bit planes each value counts once per set bit. */
    public static long events(int[] x, int cin, int h, int w, int[] rowTaps, int[] colTaps, int co, boolean bitPlanes) {
        long s = 0;
        for (int i = 0; i < cin; i++) {
            for (int y = 0; y < h; y++) {
                int base = (i * h + y) * w;
                for (int xx = 0; xx < w; xx++) {
                    int v = x[base + xx];
                    if (v != 0) {
                        s += (long) rowTaps[y] * colTaps[xx] * (bitPlanes ? Integer.bitCount(Math.abs(v)) : 1);
                    }
                }
            }
        }
        return s * co;
    }

    /** Outputs reached by an input at (iy, ix): valid window taps along each axis, multiplied. */
    public static int[] taps(int extent, int outExtent, int k, int p) {
        int[] t = new int[extent];
        for (int i = 0; i < extent; i++) {
            int n = 0;
            for (int q = 0; q < k; q++) {
                int o = i - q + p;
                n += o >= 0 && o < outExtent ? 1 : 0;
            }
            t[i] = n;
        }
        return t;
    }
}
