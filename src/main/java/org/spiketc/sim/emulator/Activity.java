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

    Activity(int populations, int cores) {
        synops = new long[populations];
        updates = new long[populations];
        activeUpdates = new long[populations];
        outputs = new long[populations];
        coreOutputs = new long[cores];
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

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    /**
     * Counts a population's non-zero outputs of one step, in total and per core (the core holding the
     * join), given the cores' slices as {core, c0, c1, p0, p1} per core; the slices cover the population.
     */
    void countOutputs(int p, int[] out, int[] slices) {
        if (slices.length == 0) {
            return;
        }
        int per = out.length / channelsOf(slices);
        long all = 0;
        for (int s = 0; s < slices.length; s += 5) {
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

    private static int channelsOf(int[] slices) {
        int c = 0;
        for (int s = 0; s < slices.length; s += 5) {
            c = Math.max(c, slices[s + 2]);
        }
        return c;
    }
}
