package org.spiketc.sim.emulator;

import java.util.Arrays;
import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.compiler.codegen.BinaryProgram.Population;
import org.spiketc.compiler.codegen.ConnectionKind;
import org.spiketc.compiler.codegen.PopulationKind;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.GatePattern;

/**
 * The event-driven synapse operations of each connection kind, in integers (convolutions in
 * {@link ConvSynapses}). A non-zero source value
 * is an event; it adds mantissa × value to every neuron it reaches (one synaptic operation each, or
 * one per set bit when graded values travel as bit planes). Currents are in mantissa units; the
 * neuron applies its channel's weight exponent.
 */
final class SynapseKernels {
    private final BinaryProgram program;
    private final CoreSlices slices;
    /** Per weight block of a convolution: its synapses laid out for events. */
    private final ConvSynapses[] convs;
    /** Per weight block of a coincidence pair's operand 0: its product, resolved once rather than per step. */
    private final AttentionProduct[] products;
    /** Per relay-max population: its source's dimensions [C, H, W]. */
    private final int[][] poolInput;
    /** Per relay-max population: whether its source sends spikes (0 or 1), so the max is an OR of events. */
    private final boolean[] poolsSpikes;

    SynapseKernels(BinaryProgram program, CoreSlices slices) {
        this.program = program;
        this.slices = slices;
        this.convs = new ConvSynapses[program.blocks().size()];
        this.products = new AttentionProduct[program.blocks().size()];
        this.poolInput = new int[program.populations().size()][];
        this.poolsSpikes = new boolean[program.populations().size()];
        List<Population> pops = program.populations();
        for (int p = 0; p < pops.size(); p++) {
            Population pop = pops.get(p);
            for (Group g : pop.groups()) {
                if (g.connection() == ConnectionKind.CONV) {
                    convs[g.block()] = new ConvSynapses(g, program.blocks().get(g.block()).mantissas(), sourceDims(g, pop), pop.dims());
                } else if (g.connection() == ConnectionKind.COINCIDENCE && g.block() >= 0) {
                    products[g.block()] = g.product();
                }
            }
            if (pop.kind() == PopulationKind.RELAY_MAX) {
                Population source = pops.get(pop.groups().get(0).source());
                poolInput[p] = source.dims();
                poolsSpikes[p] = source.kind() == PopulationKind.LIF;
            }
        }
    }

    /** Scratch words the convolutions need (see {@link Workspace#scratch}). */
    int scratchWords() {
        int n = 0;
        for (ConvSynapses c : convs) {
            n = c == null ? n : Math.max(n, c.scratchWords());
        }
        return n;
    }

    /** Values per image the host sends: the input of the populations it feeds. */
    int inputSize() {
        int n = 0;
        for (Population pop : program.populations()) {
            for (Group g : pop.groups()) {
                if (g.source() < 0) {
                    int[] d = g.connection() == ConnectionKind.CONV ? sourceDims(g, pop) : pop.dims();
                    n = Math.max(n, d[0] * d[1] * d[2]);
                }
            }
        }
        return n;
    }

    private static long events(int x, int planes) {
        return planes > 1 ? Integer.bitCount(Math.abs(x)) : 1;
    }

    /** Group gi's input this step, as {@link ChipEmulator} set it up after the synaptic delay. */
    private static int[] source(int gi, Workspace ws) {
        return ws.groupInput[gi];
    }

    /** Input currents of neuron-layer population p for one step, into {@code cur[0..size)}. */
    void currents(Population pop, int p, Workspace ws, long[] cur, Activity act) {
        Arrays.fill(cur, 0, pop.size(), 0L);
        List<Group> gs = pop.groups();
        long ops = 0;
        for (int gi = 0; gi < gs.size(); gi++) {
            Group g = gs.get(gi);
            int[] x = source(gi, ws);
            long groupOps = switch (g.connection()) {
                case CONV -> {
                    long n = convs[g.block()].accumulate(x, ws.scratch, cur, ws.reached);
                    act.synopsByPosition(slices.of(p), pop.split(), ws.reached, pop.size() / pop.channels(), ws.prefix);
                    yield n;
                }
                case IDENTITY -> identity(pop, g, x, cur);
                case TOKEN_SUM -> tokenSum(pop, g, x, cur);
                case GLOBAL_DENSE -> globalDense(pop, g, x, cur);
                case COINCIDENCE -> {
                    Group other = gs.get(++gi);
                    yield coincidence(pop, g, other, x, source(gi, ws), cur);
                }
                default -> throw new IllegalStateException(pop.name() + ": connection " + g.connection() + " has no current");
            };
            if (g.connection() != ConnectionKind.CONV) {
                act.synopsByShare(slices.of(p), pop.split(), groupOps, pop.size());
            }
            ops += groupOps;
        }
        act.synops[p] += ops;
    }

    /**
     * The activation of a population fed by one convolution: its sums shifted by each channel's weight
     * exponent ({@link org.spiketc.hw.LoihiArithmetic#activation}), into {@code a}.
     *
     * @return synaptic operations
     */
    long convolutionActivation(Population pop, int p, Workspace ws, int[] a, Activity act) {
        Group g = pop.groups().get(0);
        long ops = convs[g.block()].accumulateActivation(source(0, ws), ws.scratch, a, pop.weightExp(), ws.reached);
        act.synopsByPosition(slices.of(p), pop.split(), ws.reached, pop.size() / pop.channels(), ws.prefix);
        return ops;
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

    private long identity(Population pop, Group g, int[] x, long[] cur) {
        byte[] m = program.blocks().get(g.block()).mantissas();
        int n = pop.size();
        int per = n / pop.channels();
        long ops = 0;
        for (int i = 0; i < n; i++) {
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
        switch (products[g.block()]) {
            case QK -> { // out[h, i, j] = sum_c Q[h*d+c, i] K[h*d+c, j]
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
            case AV -> { // out[h*d+c, i] = sum_j A[h, i, j] V[h*d+c, j]
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
            case KV -> { // out[h, i, j] = sum_t K[h*d+i, t] V[h*d+j, t]
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
            case QM -> { // out[h*d+c, t] = sum_i Q[h*d+i, t] M[h, i, c]
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
        }
        return ops;
    }

    /** Max pooling of any values; returns the non-zero reads, one synaptic operation each. */
    static long maxPool(int[] x, int[] out, int c, int h, int w, int ho, int wo, int k, int s, int pad) {
        long ops = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int oy = 0; oy < ho; oy++) {
                int y0 = Math.max(0, oy * s - pad);
                int y1 = Math.min(h, oy * s - pad + k);
                int o = (ch * ho + oy) * wo;
                for (int ox = 0; ox < wo; ox++) {
                    int x0 = Math.max(0, ox * s - pad);
                    int x1 = Math.min(w, ox * s - pad + k);
                    int row = (ch * h + y0) * w;
                    if (k == 3 && y1 - y0 == 3 && x1 - x0 == 3) {
                        // The common 3×3 window away from the edges, unrolled: the loops would cost more than the reads.
                        int a0 = x[row + x0], a1 = x[row + x0 + 1], a2 = x[row + x0 + 2];
                        int b0 = x[row + w + x0], b1 = x[row + w + x0 + 1], b2 = x[row + w + x0 + 2];
                        int c0 = x[row + 2 * w + x0], c1 = x[row + 2 * w + x0 + 1], c2 = x[row + 2 * w + x0 + 2];
                        out[o + ox] = Math.max(Math.max(Math.max(a0, a1), Math.max(a2, b0)),
                                Math.max(Math.max(b1, b2), Math.max(Math.max(c0, c1), c2)));
                        ops += nonZero(a0) + nonZero(a1) + nonZero(a2) + nonZero(b0) + nonZero(b1) + nonZero(b2)
                                + nonZero(c0) + nonZero(c1) + nonZero(c2);
                        continue;
                    }
                    int best = Integer.MIN_VALUE;
                    for (int iy = y0; iy < y1; iy++, row += w) {
                        for (int ix = x0; ix < x1; ix++) {
                            int v = x[row + ix];
                            best = Math.max(best, v);
                            ops += nonZero(v);
                        }
                    }
                    out[o + ox] = best;
                }
            }
        }
        return ops;
    }

    /**
     * Max pooling of spikes, event-driven: each spike sets the windows that contain it. Equals the dense
     * max because a spike is 1 and every window holds at least one input; counts the same operations.
     */
    static long orPool(int[] x, int[] out, int c, int h, int w, int ho, int wo, int k, int s, int pad) {
        Arrays.fill(out, 0);
        long ops = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int iy = 0; iy < h; iy++) {
                int row = (ch * h + iy) * w;
                for (int ix = 0; ix < w; ix++) {
                    if (x[row + ix] == 0) {
                        continue;
                    }
                    // windows o with o·s − pad ≤ i < o·s − pad + k
                    int oy0 = Math.max(0, Math.floorDiv(iy + pad - k, s) + 1);
                    int oy1 = Math.min(ho - 1, Math.floorDiv(iy + pad, s));
                    int ox0 = Math.max(0, Math.floorDiv(ix + pad - k, s) + 1);
                    int ox1 = Math.min(wo - 1, Math.floorDiv(ix + pad, s));
                    for (int oy = oy0; oy <= oy1; oy++) {
                        for (int ox = ox0; ox <= ox1; ox++) {
                            out[(ch * ho + oy) * wo + ox] = 1;
                        }
                    }
                    ops += (long) Math.max(0, oy1 - oy0 + 1) * Math.max(0, ox1 - ox0 + 1);
                }
            }
        }
        return ops;
    }

    /** 1 for a non-zero value, else 0, without a branch. */
    private static int nonZero(int v) {
        return (v | -v) >>> 31;
    }

    private static int nonZero(int[] x, int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; i++) {
            n += x[i] != 0 ? 1 : 0;
        }
        return n;
    }

    /** A gate population: element-wise (or token-broadcast) product of its two operands, into {@code ws.out[p]}. */
    void gate(Population pop, int p, Workspace ws, Activity act) {
        int[] a = source(0, ws);
        int[] b = source(1, ws);
        int[] out = ws.out[p];
        int per = a.length / b.length;
        boolean elementwise = pop.gatePattern() == GatePattern.ELEMENTWISE;
        long ops = 0;
        for (int i = 0; i < a.length; i++) {
            int bv = elementwise ? b[i] : b[i / per];
            out[i] = a[i] * bv;
            ops += a[i] != 0 ? 1 : 0;
        }
        ops += nonZero(b, 0, b.length) * (long) (elementwise ? 1 : per);
        act.synops[p] += ops;
        act.synopsByShare(slices.of(p), pop.split(), ops, pop.size());
        act.updates[p] += a.length;
        act.activeUpdates[p] += ops > 0 ? Math.min(a.length, ops) : 0;
    }

    /** A relay-max population: the largest value in each pooling window (OR of spikes), into {@code ws.out[p]}. */
    void maxPool(Population pop, int p, Workspace ws, Activity act) {
        Group g = pop.groups().get(0);
        int[] x = source(0, ws);
        int[] out = ws.out[p];
        int[] in = poolInput[p];
        int c = in[0];
        int h = in[1];
        int w = in[2];
        int ho = pop.dims()[1];
        int wo = pop.dims()[2];
        int k = g.k();
        int s = g.s();
        int pad = g.p();
        long ops = poolsSpikes[p] ? orPool(x, out, c, h, w, ho, wo, k, s, pad) : maxPool(x, out, c, h, w, ho, wo, k, s, pad);
        act.synops[p] += ops;
        act.synopsByShare(slices.of(p), pop.split(), ops, pop.size());
        int n = c * ho * wo;
        act.updates[p] += n;
        act.activeUpdates[p] += ops > 0 ? Math.min(n, ops) : 0;
    }
}
