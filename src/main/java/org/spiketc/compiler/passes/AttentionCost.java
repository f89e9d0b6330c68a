package org.spiketc.compiler.passes;

import java.util.Locale;

/**
 * Resources of one way to compute Q·Kᵀ·V per head with gates and accumulators, for N tokens, head
 * width d, H heads (C = H·d) and input firing rate r. Gate compartments fire with probability
 * about r² (both inputs spike); an accumulator's graded output is non-zero when any of its gates fired.
 *
 * @param order      "qk-first" ((Q·Kᵀ)·V) or "kv-first" (Q·(Kᵀ·V))
 * @param neurons    gate compartments plus accumulators
 * @param synapses   unit synapses into gates and accumulators
 * @param synopsPerStep expected synaptic events per time step
 */
record AttentionCost(String order, long neurons, long synapses, double synopsPerStep) {
    static AttentionCost qkFirst(int n, int d, int h, double r) {
        long c = (long) h * d;
        long g = (long) h * n * n * d;
        double pA = 1 - Math.pow(1 - r * r, d);
        double syn1 = 2 * r * c * n * (double) n;
        double toRelay = r * r * g;
        double syn2 = (double) h * n * n * pA * d + r * c * n * (double) n;
        double toLif = g * pA * r;
        return new AttentionCost("qk-first", 2 * g + (long) h * n * n, 6 * g, syn1 + toRelay + syn2 + toLif);
    }

    static AttentionCost kvFirst(int n, int d, int h, double r) {
        long c = (long) h * d;
        long g = (long) h * d * d * n;
        double pM = 1 - Math.pow(1 - r * r, n);
        double syn1 = 2 * r * c * n * (double) d;
        double toRelay = r * r * g;
        double syn2 = (double) h * d * d * pM * n + r * c * n * (double) d;
        double toLif = g * pM * r;
        return new AttentionCost("kv-first", 2 * g + (long) h * d * d, 6 * g, syn1 + toRelay + syn2 + toLif);
    }

    String describe() {
        return String.format(Locale.ROOT, "%s: %,d neurons, %,d synapses, %,.0f synops/step", order, neurons, synapses,
                synopsPerStep);
    }
}
