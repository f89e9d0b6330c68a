package org.spiketc.compiler.mapping;

import java.util.List;
import org.spiketc.tensor.Shape;

/**
 * A mappable node as the mapper places it (the mapper's working record; the binary's own population record is
 * {@code BinaryProgram.Population}): its shape (dimension 0 is channels or heads, the rest flattened into
 * positions), its inputs, and the costs the target charges for a slice of it.
 *
 * @param index     position in the mapping's population list
 * @param node      IR node name
 * @param kind      neuron model or "gate"
 * @param shape     neurons per time step
 * @param groups    its inputs
 * @param weightBits mantissa bits of its synapses
 * @param compartmentsPerNeuron 1, or terms + 1 for coincidence neurons (one dendritic compartment per
 *                  term plus the soma)
 * @param split     partial sums per neuron when one neuron's fan-in exceeds a core's (1 when it
 *                  fits): every slice is then computed on {@code split} cores, each taking 1/split
 *                  of the input channels (axons and synapses) for all the slice's neurons, and the
 *                  partial sums are joined by one more compartment per neuron
 */
record MappedPopulation(int index, String node, String kind, Shape shape, List<SourceGroup> groups, int weightBits,
        int compartmentsPerNeuron, int split) {
    int channels() {
        return shape.dim(0);
    }

    long positions() {
        return shape.longSize() / shape.dim(0);
    }

    long neurons() {
        return shape.longSize();
    }

    /** Compartments one core of a slice of cs channels by ps positions holds (partials plus its share of joins). */
    long compartments(long cs, long ps) {
        long n = cs * ps;
        return split == 1 ? n * compartmentsPerNeuron : n * compartmentsPerNeuron / split + (n + split - 1) / split;
    }

    /** Input axons of one core of a slice (its 1/split share of the inputs). */
    long axons(int c0, int c1, long p0, long p1) {
        long a = 0;
        for (SourceGroup g : groups) {
            a += g.region(shape, c0, c1, p0, p1).axons();
        }
        return (a + split - 1) / split;
    }

    /**
     * Synaptic memory of one core of a slice in bytes. Shared (convolution-style) synapses store each output
     * channel's weights once per core; otherwise every neuron stores its own. Each group uses the
     * cheaper of dense (mantissa only) and sparse (mantissa + index per non-zero) encodings.
     */
    long memoryBytes(long cs, long ps, boolean shared, int indexBits) {
        long bits = 0;
        for (SourceGroup g : groups) {
            if (g.weights() == null) {
                // gate operand: one unit synapse per compartment input
                bits += (shared ? cs : cs * ps) * g.planes() * 1L;
                continue;
            }
            long perNeuron = g.region(shape, 0, 1, 0, 1).axons();
            long perChannel = g.weightsPerChannel() * g.planes();
            long total = g.weights().mantissa().length;
            double density = total == 0 ? 0 : (double) g.weights().nonZero() / total;
            double perSynapse = Math.min(weightBits, density * (weightBits + indexBits));
            long synapses = shared ? cs * perChannel : cs * ps * perNeuron;
            bits += (long) Math.ceil(synapses * perSynapse);
        }
        return ((bits + 7) / 8 + split - 1) / split;
    }

    /**
     * How its synapses are stored: "shared" (one copy of each channel's weights per core) or
     * "replicated" (every neuron its own), and "dense" or "sparse" (index per non-zero weight) —
     * the cheaper one for its weight density; "unit" for populations without learned weights.
     */
    String encoding(boolean shared, int indexBits) {
        String enc = null;
        for (SourceGroup g : groups) {
            if (g.connection() == null || !g.connection().weighted()) {
                continue;
            }
            long total = g.weights().mantissa().length;
            double density = total == 0 ? 0 : (double) g.weights().nonZero() / total;
            String e = density * (weightBits + indexBits) < weightBits ? "sparse" : "dense";
            enc = enc == null || enc.equals(e) ? e : "mixed";
        }
        return enc == null ? "unit" : (shared ? "shared " : "replicated ") + enc;
    }
}
