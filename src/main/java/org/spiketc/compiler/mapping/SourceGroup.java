package org.spiketc.compiler.mapping;

import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.GatePattern;
import org.spiketc.compiler.ir.QuantizedSynapses;
import org.spiketc.tensor.Shape;

/**
 * One input of a population as the mapper sees it: which population (or -1 for the host input),
 * how it connects, and what it costs per neuron.
 *
 * @param source      index of the source population, -1 for the host
 * @param sourceShape the source's shape
 * @param connection  synapse connection of a neuron layer, or null for a gate operand
 * @param gate        the gate's pattern when this is a gate operand
 * @param operand     0 or 1: which gate operand
 * @param weights     quantized synapses (null for gate operands)
 * @param weightsPerChannel distinct weights per output channel when shared (Cin·k² for convs)
 * @param planes      binary lines per source value: 1 for spikes or graded-capable targets, more
 *                    when graded values must be sent as bit planes
 */
record SourceGroup(int source, Shape sourceShape, Connection connection, GatePattern gate, int operand,
        QuantizedSynapses weights, long weightsPerChannel, int planes) {

    /** Distinct source neurons a slice [c0,c1) x [p0,p1) of a population of shape {@code out} reads. */
    Region region(Shape out, int c0, int c1, long p0, long p1) {
        Region r = connection != null ? synapseRegion(out, c0, c1, p0, p1) : gateRegion(out, c0, c1, p0, p1);
        return new Region(r.c0(), r.c1(), r.p0(), r.p1(), r.axons() * planes);
    }

    private Region synapseRegion(Shape out, int c0, int c1, long p0, long p1) {
        int cs = c1 - c0;
        long ps = p1 - p0;
        int srcC = sourceShape.dim(0);
        long srcP = sourceShape.longSize() / srcC;
        if (connection instanceof Connection.Identity) {
            return new Region(c0, c1, p0, p1, cs * ps);
        }
        if (connection instanceof Connection.Conv conv) {
            long[] sp = spatial(out, p0, p1, conv.kernel(), conv.stride(), conv.padding());
            return new Region(0, srcC, sp[0], sp[1], (long) srcC * sp[2]);
        }
        if (connection instanceof Connection.Pool pool) {
            long[] sp = spatial(out, p0, p1, pool.kernel(), pool.stride(), pool.padding());
            return new Region(c0, c1, sp[0], sp[1], cs * sp[2]);
        }
        if (connection instanceof Connection.TokenSum) {
            return new Region(c0, c1, 0, srcP, cs * srcP);
        }
        if (connection instanceof Connection.GlobalDense) {
            return new Region(0, srcC, 0, srcP, srcC * srcP);
        }
        return coincidenceRegion((Connection.Coincidence) connection, c0, c1, p0, p1, srcC, srcP);
    }

    /** Which source elements the multi-compartment neurons [c0,c1) x [p0,p1) read through one operand. */
    private Region coincidenceRegion(Connection.Coincidence k, int c0, int c1, long p0, long p1, int srcC, long srcP) {
        int cs = c1 - c0;
        long span = p1 - p0;
        int d = k.headDim();
        int n = k.tokens();
        switch (k.product()) {
            case QK: {
                // out[h, n, m] (position n*N + m) reads Q[h*d+j, n] (operand 0) or K[h*d+j, m] (operand 1), all j
                long r0 = p0 / n;
                long r1 = (p1 - 1) / n;
                long x0 = k.operand() == 0 ? r0 : (r0 == r1 ? p0 % n : 0);
                long x1 = k.operand() == 0 ? r1 : (r0 == r1 ? (p1 - 1) % n : n - 1);
                return new Region(c0 * d, c1 * d, x0, x1 + 1, (long) cs * d * (x1 - x0 + 1));
            }
            case AV: {
                // out[h*d+j, n] reads A[h, n, m] (operand 0, all m) or V[h*d+j, m] (operand 1, all m)
                if (k.operand() == 0) {
                    int h0 = c0 / d;
                    int h1 = (c1 - 1) / d + 1;
                    return new Region(h0, h1, p0 * n, p1 * n, (long) (h1 - h0) * span * n);
                }
                return new Region(c0, c1, 0, srcP, (long) cs * n);
            }
            case KV: {
                // out[h, i, j] (position i*d + j) reads K[h*d+i, n] (operand 0) or V[h*d+j, n] (operand 1), all n
                long i0 = p0 / d;
                long i1 = (p1 - 1) / d;
                long rows = k.operand() == 0 ? i1 - i0 + 1 : (i0 == i1 ? span : Math.min(d, span));
                return new Region(c0 * d, c1 * d, 0, srcP, (long) cs * rows * n);
            }
            case QM: {
                // out[h*d+j, n] reads Q[h*d+i, n] (operand 0, all i) or M[h, i, j] (operand 1, all i)
                int h0 = c0 / d;
                int h1 = (c1 - 1) / d + 1;
                if (k.operand() == 0) {
                    return new Region(h0 * d, h1 * d, p0, p1, (long) (h1 - h0) * d * span);
                }
                return new Region(h0, h1, 0, srcP, (long) Math.min(cs, (h1 - h0) * (long) d) * d);
            }
            default:
                throw new AssertionError(k.product());
        }
    }

    /**
     * Source positions read by output positions [p0, p1) of a windowed op (kernel k, stride s,
     * padding pad): {bounding first position, bounding end, exact number of distinct positions}.
     * A slice covers a suffix of its first output row, whole middle rows and a prefix of its last;
     * each source row's columns are the union of the windows of the output rows that reach it.
     */
    private long[] spatial(Shape out, long p0, long p1, int k, int s, int pad) {
        int wo = out.dim(2);
        int hi = sourceShape.dim(1);
        int wi = sourceShape.dim(2);
        long r0 = p0 / wo;
        long r1 = (p1 - 1) / wo;
        long firstCol = p0 % wo;
        long lastCol = (p1 - 1) % wo;
        long sy0 = Math.max(0, r0 * s - pad);
        long sy1 = Math.min(hi - 1, r1 * s - pad + k - 1);
        long distinct = 0;
        for (long y = sy0; y <= sy1; y++) {
            long ra = Math.max(r0, ceilDiv(y + pad - k + 1, s));
            long rb = Math.min(r1, Math.floorDiv(y + pad, s));
            if (ra > rb) {
                continue;
            }
            if (rb - ra >= 2 || (ra > r0 && ra < r1) || (rb > r0 && rb < r1)) {
                distinct += wi; // a full middle row reaches this source row
                continue;
            }
            long[] a = cols(ra, r0, r1, firstCol, lastCol, wo, wi, k, s, pad);
            long n = a[1] - a[0] + 1;
            if (rb != ra) {
                long[] b = cols(rb, r0, r1, firstCol, lastCol, wo, wi, k, s, pad);
                long overlap = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + 1);
                n = n + (b[1] - b[0] + 1) - overlap;
            }
            distinct += n;
        }
        long c0 = r0 == r1 ? Math.max(0, firstCol * s - pad) : 0;
        long c1 = r0 == r1 ? Math.min(wi - 1, lastCol * s - pad + k - 1) : wi - 1;
        return new long[] {sy0 * wi + c0, sy1 * wi + c1 + 1, distinct};
    }

    /** Source column interval of output row r's part of the slice. */
    private static long[] cols(long r, long r0, long r1, long firstCol, long lastCol, int wo, int wi, int k, int s, int pad) {
        long a = r == r0 ? firstCol : 0;
        long b = r == r1 ? lastCol : wo - 1;
        return new long[] {Math.max(0, a * s - pad), Math.min(wi - 1, b * s - pad + k - 1)};
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private Region gateRegion(Shape out, int c0, int c1, long p0, long p1) {
        int cs = c1 - c0;
        long span = p1 - p0;
        if (gate == GatePattern.BROADCAST && operand == 1) {
            return new Region(c0, c1, 0, 1, cs);
        }
        return new Region(c0, c1, p0, p1, cs * span);
    }
}
