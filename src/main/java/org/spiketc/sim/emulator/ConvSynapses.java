package org.spiketc.sim.emulator;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.hw.LoihiArithmetic;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.spiketc.compiler.codegen.BinaryProgram.Group;

/**
 * The synapses of one convolution group, laid out for event-driven accumulation: an input event adds
 * one contiguous run of weights per kernel row to a position-major accumulator.
 *
 * <p>The accumulator packs several output channels into each {@code long} as signed lanes: four
 * 16-bit lanes ({@code word = s0 + s1·2^16 + s2·2^32 + s3·2^48}), else three of 21 bits, else two of 32,
 * else one channel per word. One 64-bit add then performs up to four synaptic additions. Integer addition and
 * multiplication distribute over that sum, so the packed total equals the exact sums as long as each
 * stays within its lane: {@link #accumulate} bounds every sum by the input's largest magnitude times the
 * largest L1 norm of an output channel's weights and picks the widest packing that bound allows. Every
 * sum is exact whichever packing runs, so the choice never changes a result.
 *
 * <p>Why pack rather than vectorize: HotSpot's auto-vectorizer gives up on {@code acc[o + i] += w[b + i]}
 * (two arrays at unrelated offsets may alias), and the Vector API is still an incubator module on Java 17.
 */
final class ConvSynapses {
    private final int cin;
    private final int h;
    private final int w;
    private final int co;
    private final int ho;
    private final int wo;
    private final int k;
    private final int stride;
    private final int pad;
    private final int planes;
    /** Mantissas as [Cin][ky][k−1−kx][Cout]: with the taps of a row reversed, one input reaches adjacent outputs. */
    private final byte[] taps;
    /** The largest sum of |mantissa| over one output channel's synapses. */
    private final long maxL1;
    /** Packed weights per lane count (index 1..3), built when first needed (threads share them). */
    private final AtomicReferenceArray<long[]> packed = new AtomicReferenceArray<>(LANE_BITS.length);

    /** Positions unpacked together: 16 ints or 8 longs per channel, a cache line. */
    private static final int TILE = 16;
    /** Bits per lane for 1, 2, 3 and 4 lanes per word. */
    private static final int[] LANE_BITS = {0, 64, 32, 21, 16};

    /**
     * @param mantissas the block's mantissas as [Cout][Cin][ky][kx]
     * @param in        source dimensions [C, H, W]
     * @param out       population dimensions [C, H, W]
     */
    ConvSynapses(Group g, byte[] mantissas, int[] in, int[] out) {
        cin = in[0];
        h = in[1];
        w = in[2];
        co = out[0];
        ho = out[1];
        wo = out[2];
        k = g.k();
        stride = g.s();
        pad = g.p();
        planes = g.planes();
        int kk = k * k;
        taps = new byte[mantissas.length];
        long l1 = 0;
        for (int o = 0; o < co; o++) {
            long sum = 0;
            for (int i = 0; i < cin; i++) {
                for (int q = 0; q < kk; q++) {
                    byte m = mantissas[(o * cin + i) * kk + q];
                    sum += Math.abs(m);
                    taps[((i * k + q / k) * k + (k - 1 - q % k)) * co + o] = m;
                }
            }
            l1 = Math.max(l1, sum);
        }
        maxL1 = l1;
    }

    private static int words(int channels, int lanes) {
        return (channels + lanes - 1) / lanes;
    }

    /** Weights with {@code lanes} channels per word: channel c in word c % words, lane c / words. */
    private long[] packed(int lanes) {
        long[] ready = packed.get(lanes);
        return ready != null ? ready : pack(lanes);
    }

    private synchronized long[] pack(int lanes) {
        if (packed.get(lanes) == null) {
            int words = words(co, lanes);
            int rows = taps.length / co;
            long[] p = new long[rows * words];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < co; c++) {
                    p[r * words + c % words] += (long) taps[r * co + c] << (LANE_BITS[lanes] * (c / words) & 63);
                }
            }
            packed.set(lanes, p);
        }
        return packed.get(lanes);
    }

    /** Accumulator words needed for {@link #accumulate}'s scratch. */
    int scratchWords() {
        return ho * wo * co;
    }

    /**
     * Adds this step's synaptic input from {@code x} (source values, [C][H][W]) to {@code cur} ([C][H][W]).
     *
     * @param scratch at least {@link #scratchWords()} words, any content
     * @param reached  set per output position [H][W]: events that reached it (each reaches every channel there)
     * @return synaptic operations: one per reached neuron and event (per set bit when values travel as bit planes)
     */
    long accumulate(int[] x, long[] scratch, long[] cur, int[] reached) {
        int lanes = lanes(x);
        if (lanes == 0) {
            Arrays.fill(reached, 0, ho * wo, 0);
            return 0;
        }
        long ops = scatter(x, scratch, lanes, reached);
        unpack(scratch, words(co, lanes), LANE_BITS[lanes], cur);
        return ops;
    }

    /**
     * Like {@link #accumulate}, for a population fed only by this convolution: writes each neuron's sum
     * shifted by its channel's weight exponent and wrapped to 24 bits, as the LIF update takes it.
     *
     * @param u   overwritten: [C][H][W]
     * @param exp per output channel
     */
    long accumulateActivation(int[] x, long[] scratch, int[] u, int[] exp, int[] reached) {
        int lanes = lanes(x);
        if (lanes == 0) {
            Arrays.fill(u, 0, co * ho * wo, 0);
            Arrays.fill(reached, 0, ho * wo, 0);
            return 0;
        }
        long ops = scatter(x, scratch, lanes, reached);
        int plane = ho * wo;
        int words = words(co, lanes);
        int bits = LANE_BITS[lanes];
        for (int q0 = 0; q0 < plane; q0 += TILE) {
            int q1 = Math.min(plane, q0 + TILE);
            for (int j = 0; j < words; j++) {
                for (int q = q0; q < q1; q++) {
                    long s = scratch[q * words + j];
                    for (int c = j; c < co; c += words) {
                        long lane = (s << (64 - bits)) >> (64 - bits); // the lane's low bits, sign-extended
                        u[c * plane + q] = LoihiArithmetic.activation(lane, exp[c]);
                        s = (s - lane) >> bits; // exact: the lane's bits are now zero (a no-op shift for one lane)
                    }
                }
            }
        }
        return ops;
    }

    /** Lanes per word this input allows (see the class comment); 0 when the input is all zero. */
    private int lanes(int[] x) {
        long maxAbs = 0;
        for (int v : x) {
            maxAbs = Math.max(maxAbs, Math.abs((long) v));
        }
        if (maxAbs == 0) {
            return 0;
        }
        long bound = maxAbs * maxL1; // no sum of products can reach beyond it
        int lanes = LANE_BITS.length - 1;
        while (lanes > 1 && bound >= 1L << (LANE_BITS[lanes] - 1)) {
            lanes--;
        }
        return lanes;
    }

    /** Adds the events of {@code x} to {@code acc}, cleared first, as words of {@code lanes} channels. */
    private long scatter(int[] x, long[] acc, int lanes, int[] reached) {
        int words = words(co, lanes);
        Arrays.fill(acc, 0, ho * wo * words, 0L);
        Arrays.fill(reached, 0, ho * wo, 0);
        return scatter(x, packed(lanes), words, acc, reached);
    }

    private long scatter(int[] x, long[] weights, int words, long[] acc, int[] reached) {
        long ops = 0;
        for (int ci = 0; ci < cin; ci++) {
            for (int iy = 0; iy < h; iy++) {
                int row = (ci * h + iy) * w;
                for (int ix = 0; ix < w; ix++) {
                    int v = x[row + ix];
                    if (v == 0) {
                        continue;
                    }
                    long events = planes > 1 ? Integer.bitCount(Math.abs(v)) : 1;
                    for (int ky = 0; ky < k; ky++) {
                        int ny = iy - ky + pad;
                        if (ny < 0 || ny % stride != 0 || ny / stride >= ho) {
                            continue;
                        }
                        int oy = ny / stride;
                        if (stride == 1) {
                            // Reversed taps 0..k-1 reach outputs oxStart .. oxStart+k-1: one run, clipped at the edges.
                            int oxStart = ix + pad - (k - 1);
                            int a = Math.max(0, -oxStart);
                            int b = Math.min(k - 1, wo - 1 - oxStart);
                            if (a > b) {
                                continue;
                            }
                            int taps = b - a + 1;
                            int first = oy * wo + oxStart + a;
                            addRun(acc, first * words, weights, ((ci * k + ky) * k + a) * words, taps * words, v);
                            for (int q = first; q < first + taps; q++) {
                                reached[q] += events;
                            }
                            ops += taps * co * events;
                            continue;
                        }
                        for (int kx = 0; kx < k; kx++) {
                            int nx = ix - kx + pad;
                            if (nx < 0 || nx % stride != 0 || nx / stride >= wo) {
                                continue;
                            }
                            int q = oy * wo + nx / stride;
                            addRun(acc, q * words, weights, ((ci * k + ky) * k + (k - 1 - kx)) * words, words, v);
                            reached[q] += events;
                            ops += co * events;
                        }
                    }
                }
            }
        }
        return ops;
    }

    /** acc[o..o+n) += weights[b..b+n) · v: the emulator's innermost loop; a spike (v = 1) needs no multiply. */
    private static void addRun(long[] acc, int o, long[] weights, int b, int n, int v) {
        if (v == 1) {
            for (int i = 0; i < n; i++) {
                acc[o + i] += weights[b + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc[o + i] += weights[b + i] * v;
            }
        }
    }

    /**
     * Splits each word into its lane sums and adds them to the channel-major currents, a tile of positions
     * at a time so that the writes of each channel stay within a cache line or two.
     */
    private void unpack(long[] acc, int words, int bits, long[] cur) {
        int plane = ho * wo;
        for (int q0 = 0; q0 < plane; q0 += TILE) {
            int q1 = Math.min(plane, q0 + TILE);
            for (int j = 0; j < words; j++) {
                for (int q = q0; q < q1; q++) {
                    long s = acc[q * words + j];
                    for (int c = j; c < co; c += words) {
                        long lane = (s << (64 - bits)) >> (64 - bits);
                        cur[c * plane + q] += lane;
                        s = (s - lane) >> bits;
                    }
                }
            }
        }
    }
}
