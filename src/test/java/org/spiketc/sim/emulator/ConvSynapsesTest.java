package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.compiler.codegen.ConnectionKind;
import org.spiketc.hw.LoihiArithmetic;

/**
 * The packed convolution equals a plain 64-bit convolution whatever lane packing the input allows:
 * spikes (four 16-bit lanes), small graded values (three or two lanes), values too large for lanes
 * (one channel per word), negative values, strides and borders.
 */
class ConvSynapsesTest {
    /** A direct convolution in longs: out[o][y][x] = Σ m[o][i][ky][kx] · in[i][y·s − p + ky][x·s − p + kx]. */
    static long[] direct(byte[] m, int[] x, int cin, int h, int w, int co, int ho, int wo, int k, int s, int p) {
        long[] out = new long[co * ho * wo];
        for (int o = 0; o < co; o++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    long sum = 0;
                    for (int i = 0; i < cin; i++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * s - p + ky;
                                int ix = ox * s - p + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    sum += (long) m[((o * cin + i) * k + ky) * k + kx] * x[(i * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                    out[(o * ho + oy) * wo + ox] = sum;
                }
            }
        }
        return out;
    }

    /** Per output position: the non-zero inputs in its window, each an event that reaches all its channels. */
    static int[] reached(int[] x, int cin, int h, int w, int ho, int wo, int k, int s, int p) {
        int[] reached = new int[ho * wo];
        for (int oy = 0; oy < ho; oy++) {
            for (int ox = 0; ox < wo; ox++) {
                for (int i = 0; i < cin; i++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * s - p + ky;
                            int ix = ox * s - p + kx;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w && x[(i * h + iy) * w + ix] != 0) {
                                reached[oy * wo + ox]++;
                            }
                        }
                    }
                }
            }
        }
        return reached;
    }

    @ParameterizedTest(name = "{0}: {1}ch {2}x{2} -> {3}ch k{4} s{5} p{6}, |x| <= {7}")
    @CsvSource({
        "spikes,        16, 12, 32, 3, 1, 1, 1",
        "spikes-1x1,    64,  7, 96, 1, 1, 0, 1",
        "graded,         8, 10, 13, 3, 1, 1, 300",
        "large,          8,  9, 20, 3, 1, 1, 2000000",
        "negative,       4,  9,  7, 3, 1, 1, -300",
        "stride2,        6, 11, 10, 3, 2, 1, 1",
        "stride2-graded, 5, 12,  9, 5, 2, 2, 40",
        "no-padding,     3,  8,  5, 3, 1, 0, 7"})
    void packedSumsEqualTheDirectConvolution(String name, int cin, int h, int co, int k, int s, int p, int maxValue) {
        Random r = new Random(name.hashCode());
        int w = h;
        int ho = (h + 2 * p - k) / s + 1;
        int wo = ho;
        byte[] m = new byte[co * cin * k * k];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (r.nextInt(255) - 127);
        }
        int[] x = new int[cin * h * w];
        int max = Math.abs(maxValue);
        for (int i = 0; i < x.length; i++) {
            if (r.nextDouble() < 0.2) {
                int v = 1 + r.nextInt(max);
                x[i] = maxValue < 0 && r.nextBoolean() ? -v : v;
            }
        }
        Group g = new Group(ConnectionKind.CONV, 8, 1, 0, 0, k, s, p, 0, 1f);
        ConvSynapses conv = new ConvSynapses(g, m, new int[] {cin, h, w}, new int[] {co, ho, wo});
        long[] scratch = new long[conv.scratchWords()];
        long[] cur = new long[co * ho * wo];
        int[] reached = new int[ho * wo];
        long ops = conv.accumulate(x, scratch, cur, reached);

        long[] expected = direct(m, x, cin, h, w, co, ho, wo, k, s, p);
        assertThat(cur).containsExactly(expected);
        int[] expectedReached = reached(x, cin, h, w, ho, wo, k, s, p);
        assertThat(reached).containsExactly(expectedReached);
        assertThat(ops).isEqualTo((long) co * Arrays.stream(expectedReached).sum());

        int[] exp = new int[co];
        for (int o = 0; o < co; o++) {
            exp[o] = r.nextInt(11) - 8; // Loihi's weight exponents, -8..2 here
        }
        int[] u = new int[co * ho * wo];
        assertThat(conv.accumulateActivation(x, scratch, u, exp, reached)).isEqualTo(ops);
        assertThat(reached).containsExactly(expectedReached);
        for (int i = 0; i < u.length; i++) {
            assertThat(u[i]).as("neuron %d", i).isEqualTo(LoihiArithmetic.activation(expected[i], exp[i / (ho * wo)]));
        }
    }
}
