package org.spiketc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvKernelsTest {
    static final int CIN = 3;
    static final int CO = 4;
    static final int H = 6;
    static final int W = 5;
    static final int K = 3;
    static final int P = 1;

    /** The textbook definition, gathered per output. */
    static double naive(double[] x, double[] w, int o, int oy, int ox) {
        double s = 0;
        for (int i = 0; i < CIN; i++) {
            for (int ky = 0; ky < K; ky++) {
                for (int kx = 0; kx < K; kx++) {
                    int iy = oy + ky - P;
                    int ix = ox + kx - P;
                    if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
                        s += w[((o * CIN + i) * K + ky) * K + kx] * x[(i * H + iy) * W + ix];
                    }
                }
            }
        }
        return s;
    }

    @Test
    void denseKernelsMatchTheDefinitionAndCountEvents() {
        SplittableRandom r = new SplittableRandom(2);
        float[] xf = new float[CIN * H * W];
        int[] xi = new int[xf.length];
        double[] xd = new double[xf.length];
        for (int i = 0; i < xf.length; i++) {
            xi[i] = r.nextInt(4) == 0 ? r.nextInt(-3, 4) : 0;
            xf[i] = xi[i];
            xd[i] = xi[i];
        }
        float[] wf = new float[CO * CIN * K * K];
        byte[] wb = new byte[wf.length];
        double[] wd = new double[wf.length];
        for (int i = 0; i < wf.length; i++) {
            wb[i] = (byte) r.nextInt(-127, 128);
            wf[i] = wb[i];
            wd[i] = wb[i];
        }
        float[] of = new float[CO * H * W];
        int[] oi = new int[of.length];
        ConvKernels.dense(xf, CIN, H, W, wf, CO, K, P, of, H, W);
        ConvKernels.dense(xi, CIN, H, W, wb, CO, K, P, oi, H, W);
        long expectedEvents = 0;
        for (int o = 0; o < CO; o++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double e = naive(xd, wd, o, y, x);
                    assertThat(oi[(o * H + y) * W + x]).isEqualTo((int) e);
                    assertThat((double) of[(o * H + y) * W + x]).isCloseTo(e, within(1e-3));
                }
            }
        }
        // events: every non-zero input times the outputs whose window covers it, times the channels
        for (int i = 0; i < CIN; i++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (xi[(i * H + y) * W + x] != 0) {
                        int rows = (y > 0 ? 1 : 0) + 1 + (y < H - 1 ? 1 : 0);
                        int cols = (x > 0 ? 1 : 0) + 1 + (x < W - 1 ? 1 : 0);
                        expectedEvents += (long) rows * cols * CO;
                    }
                }
            }
        }
        int[] rt = ConvKernels.taps(H, H, K, P);
        int[] ct = ConvKernels.taps(W, W, K, P);
        assertThat(ConvKernels.events(xf, CIN, H, W, rt, ct, CO)).isEqualTo(expectedEvents);
        assertThat(ConvKernels.events(xi, CIN, H, W, rt, ct, CO, false)).isEqualTo(expectedEvents);
    }
}
