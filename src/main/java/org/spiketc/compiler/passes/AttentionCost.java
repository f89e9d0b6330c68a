package org.spiketc.compiler.passes;

import java.util.Locale;

/**
 * Resources of one way to compute LIF(s·Q·Kᵀ·V) per head with coincidence neurons (one dendritic
 * AND compartment per term plus a soma), for N tokens, head width d, H heads (C = H·d) and input
 * firing rate r. A term fires with probability about r² (both inputs spike); an accumulator's
 * graded output is non-zero when any of its terms fired.
 *
 * @param order         "qk-first" ((Q·Kᵀ)·V) or "kv-first" (Q·(Kᵀ·V))
 * @param compartments  compartments of the accumulators and the attention LIF neurons
 * @param synapses      unit synapses into their compartments (two per term)
 * @param synopsPerStep expected synaptic events per time step
 */
record AttentionCost(String order, long compartments, long synapses, double synopsPerStep) {
    static AttentionCost qkFirst(int n, int d, int h, double r) {
        long c = (long) h * d;
        long acc = (long) h * n * n;
        double pA = 1 - Math.pow(1 - r * r, d);
        double syn = 2 * r * c * n * (double) n + acc * pA * d + r * c * n * (double) n;
        return new AttentionCost("qk-first", acc * (d + 1) + c * n * (n + 1), 2 * acc * d + 2 * c * n * (long) n, syn);
    }

    static AttentionCost kvFirst(int n, int d, int h, double r) {
        long c = (long) h * d;
        long acc = (long) h * d * d;
        double pM = 1 - Math.pow(1 - r * r, n);
        double syn = 2 * r * c * n * (double) d + acc * pM * n + r * c * n * (double) d;
        return new AttentionCost("kv-first", acc * (n + 1) + c * n * (d + 1), 2 * acc * n + 2 * c * n * (long) d, syn);
    }

    String describe() {
        return String.format(Locale.ROOT, "%s: %,d compartments, %,d synapses, %,.0f synops/step", order, compartments, synapses,
                synopsPerStep);
    }
}
