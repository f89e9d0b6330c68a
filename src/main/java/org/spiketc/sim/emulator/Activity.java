package org.spiketc.sim.emulator;

import org.spiketc.compiler.codegen.BinaryProgram;

/**
 * What one inference did on the chip, per population and per core: synaptic events, neuron updates
 * (active when the neuron had input or charge), non-zero outputs (spikes or graded messages), and
 * outputs per core for the message traffic.
 */
public final class Activity {
    final long[] synops;
    final long[] updates;
    final long[] activeUpdates;
    final long[] outputs;
    final long[] coreOutputs;
    /** Per core: the synaptic operations it performed. */
    final long[] coreSynops;
    /** Per population: neuron-steps whose 24-bit current u wrapped around. */
    final long[] currentWraps;
    /** Per population: neuron-steps whose membrane v saturated at ±(2^23 − 1). */
    final long[] voltageClips;

    Activity(int populations, int cores) {
        synops = new long[populations];
        updates = new long[populations];
        activeUpdates = new long[populations];
        outputs = new long[populations];
        coreOutputs = new long[cores];
        coreSynops = new long[cores];
        currentWraps = new long[populations];
        voltageClips = new long[populations];
    }

    /** Neuron-steps of that population whose current u wrapped around (a 24-bit overflow). */
    public long currentWraps(int population) {
        return currentWraps[population];
    }

    /** Neuron-steps of that population whose membrane v saturated. */
    public long voltageClips(int population) {
        return voltageClips[population];
    }

    public long synapticOps() {
        return sum(synops);
    }

    public long neuronUpdates() {
        return sum(updates);
    }

    public long activeNeuronUpdates() {
        return sum(activeUpdates);
    }

    public long outputs() {
        return sum(outputs);
    }

    public long synapticOps(int population) {
        return synops[population];
    }

    /** Synaptic operations that core performed. */
    public long coreSynapticOps(int core) {
        return coreSynops[core];
    }

    /** Outputs (spikes or graded messages) that core sent. */
    public long coreOutputs(int core) {
        return coreOutputs[core];
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    /**
     * Counts a population's non-zero outputs of one step, in total and per core: the core holding part 0
     * of each neuron emits it.
     */
    void countOutputs(int p, int[] out, int channels, int[] slices) {
        int per = out.length / channels;
        long all = 0;
        for (int s = 0; s < slices.length; s += CoreSlices.STRIDE) {
            if (slices[s + 5] != 0) {
                continue;
            }
            int count = 0;
            for (int ch = slices[s + 1]; ch < slices[s + 2]; ch++) {
                int base = ch * per;
                for (int q = base + slices[s + 3]; q < base + slices[s + 4]; q++) {
                    int v = out[q];
                    count += (v | -v) >>> 31; // 1 for any non-zero value, branch-free
                }
            }
            coreOutputs[slices[s]] += count;
            all += count;
        }
        outputs[p] += all;
    }

    /**
     * Credits a convolution's operations to the cores that performed them: the neurons at position q
     * received {@code reached[q]} events each; a split neuron's parts share its events equally (the
     * remainder to part 0).
     */
    void synopsByPosition(int[] slices, int split, int[] reached, int plane, long[] prefix) {
        prefix[0] = 0;
        for (int q = 0; q < plane; q++) {
            prefix[q + 1] = prefix[q] + reached[q];
        }
        for (int s = 0; s < slices.length; s += CoreSlices.STRIDE) {
            long ops = (long) (slices[s + 2] - slices[s + 1]) * (prefix[slices[s + 4]] - prefix[slices[s + 3]]);
            coreSynops[slices[s]] += ops / split + (slices[s + 5] == 0 ? ops % split : 0);
        }
    }

    /**
     * Credits operations whose destinations the kernel does not track (attention products, gates,
     * pooling, element-wise and token sums) to the population's cores in proportion to the neurons each
     * holds; the remainder goes to the first core so that the cores' sum stays exact.
     */
    void synopsByShare(int[] slices, int split, long ops, long neurons) {
        if (ops == 0 || slices.length == 0) {
            return;
        }
        long given = 0;
        for (int s = 0; s < slices.length; s += CoreSlices.STRIDE) {
            long held = (long) (slices[s + 2] - slices[s + 1]) * (slices[s + 4] - slices[s + 3]);
            long share = (long) ((double) ops * held / ((double) neurons * split));
            coreSynops[slices[s]] += share;
            given += share;
        }
        coreSynops[slices[0]] += ops - given;
    }
}
