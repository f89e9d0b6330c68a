package org.spiketc.sim.emulator;

import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.compiler.codegen.BinaryProgram.Population;

/**
 * The event-driven synapse operations of each connection kind, in integers. A non-zero source value
 * is an event; it adds mantissa × value to every neuron it reaches (one synaptic operation each, or
 * one per set bit when graded values travel as bit planes). Currents are in mantissa units; the
 * neuron applies its channel's weight exponent.
 */
final class SynapseKernels {
    private final BinaryProgram program;
    /**
     * Per weight block of a convolution: mantissas as [Cin][ky][k−1−kx][Cout] ints. With the taps of a
     * kernel row reversed, the outputs one input reaches through that row are adjacent in the [y][x][co]
     * accumulator, so an event adds one contiguous run of k·Cout values per kernel row.
     */
    private final int[][] convRows;

    SynapseKernels(BinaryProgram program) {
        this.program = program;
        this.convRows = new int[program.blocks().size()][];
        for (Population pop : program.populations()) {
            for (Group g : pop.groups()) {
                if (g.connection() == BinaryProgram.CONV) {
                    byte[] m = program.blocks().get(g.block()).mantissas();
                    int co = pop.channels();
                    int kk = g.k() * g.k();
                    int cin = m.length / (co * kk);
                    int[] t = new int[m.length];
                    for (int o = 0; o < co; o++) {
                        for (int i = 0; i < cin; i++) {
                            for (int q = 0; q < kk; q++) {
                                int ky = q / g.k();
                                int kx = q % g.k();
                                t[((i * g.k() + ky) * g.k() + (g.k() - 1 - kx)) * co + o] = m[(o * cin + i) * kk + q];
                            }
                        }
                    }
                    convRows[g.block()] = t;
                }
            }
        }
    }

    private static long events(int x, int planes) {
        return planes > 1 ? Integer.bitCount(Math.abs(x)) : 1;
    }

    /** Input currents of a neuron-layer population for one step. */
    long[] currents(Population pop, int p, int[][] out, int[] input, Activity act) {
        long[] cur = new long[pop.size()];
        List<Group> gs = pop.groups();
        long ops = 0;
        for (int gi = 0; gi < gs.size(); gi++) {
            Group g = gs.get(gi);
            int[] x = g.source() < 0 ? input : out[g.source()];
            switch (g.connection()) {
                case BinaryProgram.CONV -> ops += conv(pop, g, x, cur);
                case BinaryProgram.IDENTITY -> ops += identity(pop, g, x, cur);
                case BinaryProgram.TOKEN_SUM -> ops += tokenSum(pop, g, x, cur);
                case BinaryProgram.GLOBAL_DENSE -> ops += globalDense(pop, g, x, cur);
                case BinaryProgram.COINCIDENCE -> {
                    Group other = gs.get(gi + 1);
                    int[] y = other.source() < 0 ? input : out[other.source()];
                    ops += coincidence(pop, g, other, x, y, cur);
                    gi++;
                }
                default -> throw new IllegalStateException(pop.name() + ": connection " + g.connection() + " has no current");
            }
        }
        act.synops[p] += ops;
        return cur;
    }

    private int[] sourceDims(Group g, Population consumer) {
        if (g.source() >= 0) {
            return program.populations().get(g.source()).dims();
        }
        // The host input feeds the first convolution: its shape follows from the output and the window.
        byte[] m = program.blocks().get(g.block()).mantissas();
        int cin = m.length / (consumer.channels() * g.k() * g.k());
        int h = (consumer.dims()[1] - 1) * g.s() - 2 * g.p() + g.k();
        int w = (consumer.dims()[2] - 1) * g.s() - 2 * g.p() + g.k();
        return new int[] {cin, h, w};
    }

    private long conv(Population pop, Group g, int[] x, long[] cur) {
        int[] in = sourceDims(g, pop);
        int cin = in[0];
        int h = in[1];
        int w = in[2];
        int co = pop.channels();
        int ho = pop.dims()[1];
        int wo = pop.dims()[2];
        int k = g.k();
        int pad = g.p();
        int stride = g.s();
        int[] rows = convRows[g.block()];
        // 32-bit accumulation is exact when |mantissa| * max|value| * fan-in cannot reach 2^31.
        long maxAbs = 0;
        for (int v : x) {
            maxAbs = Math.max(maxAbs, Math.abs((long) v));
        }
        boolean narrow = maxAbs * 128L * cin * k * k < Integer.MAX_VALUE;
        int[] acc32 = narrow ? new int[ho * wo * co] : null;
        long[] acc64 = narrow ? null : new long[ho * wo * co];
        long ops = 0;
        for (int ci = 0; ci < cin; ci++) {
            for (int iy = 0; iy < h; iy++) {
                for (int ix = 0; ix < w; ix++) {
                    int v = x[(ci * h + iy) * w + ix];
                    if (v == 0) {
                        continue;
                    }
                    long ev = events(v, g.planes());
                    for (int ky = 0; ky < k; ky++) {
                        int ny = iy - ky + pad;
                        if (ny < 0 || ny % stride != 0 || ny / stride >= ho) {
                            continue;
                        }
                        int oy = ny / stride;
                        if (stride == 1) {
                            // Taps kx' = 0..k-1 (reversed) reach outputs oxStart .. oxStart+k-1: one run, clipped at the edges.
                            int oxStart = ix + pad - (k - 1);
                            int a = Math.max(0, -oxStart);
                            int b = Math.min(k - 1, wo - 1 - oxStart);
                            if (a > b) {
                                continue;
                            }
                            int wBase = ((ci * k + ky) * k + a) * co;
                            int oBase = (oy * wo + oxStart + a) * co;
                            int len = (b - a + 1) * co;
                            add(narrow, acc32, acc64, oBase, rows, wBase, len, v);
                            ops += len * ev;
                            continue;
                        }
                        for (int kx = 0; kx < k; kx++) {
                            int nx = ix - kx + pad;
                            if (nx < 0 || nx % stride != 0 || nx / stride >= wo) {
                                continue;
                            }
                            int ox = nx / stride;
                            int wBase = ((ci * k + ky) * k + (k - 1 - kx)) * co;
                            int oBase = (oy * wo + ox) * co;
                            add(narrow, acc32, acc64, oBase, rows, wBase, co, v);
                            ops += co * ev;
                        }
                    }
                }
            }
        }
        int plane = ho * wo;
        if (narrow) {
            for (int q = 0; q < plane; q++) {
                int base = q * co;
                for (int o = 0; o < co; o++) {
                    cur[o * plane + q] += acc32[base + o];
                }
            }
        } else {
            for (int q = 0; q < plane; q++) {
                int base = q * co;
                for (int o = 0; o < co; o++) {
                    cur[o * plane + q] += acc64[base + o];
                }
            }
        }
        return ops;
    }

    private static void add(boolean narrow, int[] acc32, long[] acc64, int o, int[] rows, int w, int n, int v) {
        if (!narrow) {
            for (int i = 0; i < n; i++) {
                acc64[o + i] += (long) rows[w + i] * v;
            }
        } else if (v == 1) {
            addRow(acc32, o, rows, w, n);
        } else {
            addRow(acc32, o, rows, w, n, v);
        }
    }

    /** acc[o..o+n) += rows[w..w+n): a spike (value 1) needs no multiply. */
    private static void addRow(int[] acc, int o, int[] rows, int w, int n) {
        for (int i = 0; i < n; i++) {
            acc[o + i] += rows[w + i];
        }
    }

    /** acc[o..o+n) += rows[w..w+n) * v: the inner loop of every event, kept small so the JIT vectorizes it. */
    private static void addRow(int[] acc, int o, int[] rows, int w, int n, int v) {
        for (int i = 0; i < n; i++) {
            acc[o + i] += rows[w + i] * v;
        }
    }

    private long identity(Population pop, Group g, int[] x, long[] cur) {
        byte[] m = program.blocks().get(g.block()).mantissas();
        int per = cur.length / pop.channels();
        long ops = 0;
        for (int i = 0; i < cur.length; i++) {
            if (x[i] != 0) {
                cur[i] += (long) m[i / per] * x[i];
                ops += events(x[i], g.planes());
            }
        }
        return ops;
    }

    private long tokenSum(Population pop, Group g, int[] x, long[] cur) {
        byte[] m = program.blocks().get(g.block()).mantissas();
        int per = x.length / pop.channels();
        long ops = 0;
        for (int c = 0; c < pop.channels(); c++) {
            long s = 0;
            for (int q = c * per; q < (c + 1) * per; q++) {
                if (x[q] != 0) {
                    s += x[q];
                    ops += events(x[q], g.planes());
                }
            }
            cur[c] += m[c] * s;
        }
        return ops;
    }

    private long globalDense(Population pop, Group g, int[] x, long[] cur) {
        byte[] m = program.blocks().get(g.block()).mantissas();
        int co = pop.channels();
        int cin = m.length / co;
        int per = x.length / cin;
        long ops = 0;
        for (int ci = 0; ci < cin; ci++) {
            long s = 0;
            for (int q = ci * per; q < (ci + 1) * per; q++) {
                if (x[q] != 0) {
                    s += x[q];
                    ops += events(x[q], g.planes()) * co;
                }
            }
            if (s != 0) {
                for (int o = 0; o < co; o++) {
                    cur[o] += m[o * cin + ci] * s;
                }
            }
        }
        return ops;
    }

    /** Sums of products inside multi-compartment neurons; the mantissa per output channel is on operand 0. */
    private long coincidence(Population pop, Group g, Group other, int[] a, int[] b, long[] cur) {
        byte[] m = program.blocks().get(g.block()).mantissas();
        int heads = g.p();
        int n = g.grid() * g.grid();
        long ops = 0;
        switch (g.k()) {
            case 0 -> { // QK: out[h, i, j] = sum_c Q[h*d+c, i] K[h*d+c, j]
                int d = program.populations().get(g.source()).dims()[0] / heads;
                for (int hh = 0; hh < heads; hh++) {
                    for (int c = 0; c < d; c++) {
                        int row = (hh * d + c) * n;
                        for (int i = 0; i < n; i++) {
                            int q = a[row + i];
                            if (q == 0) {
                                continue;
                            }
                            ops += n;
                            int o = (hh * n + i) * n;
                            for (int j = 0; j < n; j++) {
                                cur[o + j] += (long) m[hh] * q * b[row + j];
                            }
                        }
                        ops += (long) nonZero(b, row, n) * n;
                    }
                }
            }
            case 1 -> { // AV: out[h*d+c, i] = sum_j A[h, i, j] V[h*d+c, j]
                int d = pop.channels() / heads;
                for (int hh = 0; hh < heads; hh++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            int att = a[(hh * n + i) * n + j];
                            if (att == 0) {
                                continue;
                            }
                            ops += d;
                            for (int c = 0; c < d; c++) {
                                int ch = hh * d + c;
                                cur[ch * n + i] += (long) m[ch] * att * b[ch * n + j];
                            }
                        }
                    }
                }
                ops += (long) nonZero(b, 0, b.length) * n;
            }
            case 2 -> { // KV: out[h, i, j] = sum_t K[h*d+i, t] V[h*d+j, t]
                int d = pop.dims()[1];
                for (int hh = 0; hh < heads; hh++) {
                    for (int i = 0; i < d; i++) {
                        for (int t = 0; t < n; t++) {
                            int kv = a[(hh * d + i) * n + t];
                            if (kv == 0) {
                                continue;
                            }
                            ops += d;
                            for (int j = 0; j < d; j++) {
                                cur[(hh * d + i) * d + j] += (long) m[hh] * kv * b[(hh * d + j) * n + t];
                            }
                        }
                    }
                }
                ops += (long) nonZero(b, 0, b.length) * d;
            }
            case 3 -> { // QM: out[h*d+c, t] = sum_i Q[h*d+i, t] M[h, i, c]
                int d = pop.channels() / heads;
                for (int hh = 0; hh < heads; hh++) {
                    for (int i = 0; i < d; i++) {
                        for (int t = 0; t < n; t++) {
                            int q = a[(hh * d + i) * n + t];
                            if (q == 0) {
                                continue;
                            }
                            ops += d;
                            for (int c = 0; c < d; c++) {
                                int ch = hh * d + c;
                                cur[ch * n + t] += (long) m[ch] * q * b[(hh * d + i) * d + c];
                            }
                        }
                    }
                }
                ops += (long) nonZero(b, 0, b.length) * n;
            }
            default -> throw new IllegalStateException("unknown coincidence product " + g.k());
        }
        return ops;
    }

    private static int nonZero(int[] x, int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; i++) {
            n += x[i] != 0 ? 1 : 0;
        }
        return n;
    }

    /** A gate population: element-wise (or token-broadcast) product of its two operands. */
    int[] gate(Population pop, int[] a, int[] b, int p, Activity act) {
        int[] out = new int[a.length];
        int per = a.length / b.length;
        long ops = 0;
        for (int i = 0; i < a.length; i++) {
            int bv = pop.gatePattern() == 0 ? b[i] : b[i / per];
            out[i] = a[i] * bv;
            ops += a[i] != 0 ? 1 : 0;
        }
        ops += nonZero(b, 0, b.length) * (long) (pop.gatePattern() == 0 ? 1 : per);
        act.synops[p] += ops;
        act.updates[p] += a.length;
        act.activeUpdates[p] += ops > 0 ? Math.min(a.length, ops) : 0;
        return out;
    }

    /** A relay-max population: the largest value in each pooling window (OR of spikes). */
    int[] maxPool(Population pop, int[] x, List<Population> pops, int p, Activity act) {
        Group g = pop.groups().get(0);
        int[] in = pops.get(g.source()).dims();
        int c = in[0];
        int h = in[1];
        int w = in[2];
        int ho = pop.dims()[1];
        int wo = pop.dims()[2];
        int[] out = new int[c * ho * wo];
        long ops = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int best = Integer.MIN_VALUE;
                    for (int ky = 0; ky < g.k(); ky++) {
                        int iy = oy * g.s() - g.p() + ky;
                        for (int kx = 0; kx < g.k() && iy >= 0 && iy < h; kx++) {
                            int ix = ox * g.s() - g.p() + kx;
                            if (ix >= 0 && ix < w) {
                                int v = x[(ch * h + iy) * w + ix];
                                best = Math.max(best, v);
                                ops += v != 0 ? 1 : 0;
                            }
                        }
                    }
                    out[(ch * ho + oy) * wo + ox] = best;
                }
            }
        }
        act.synops[p] += ops;
        act.updates[p] += out.length;
        act.activeUpdates[p] += ops > 0 ? Math.min(out.length, ops) : 0;
        return out;
    }
}
