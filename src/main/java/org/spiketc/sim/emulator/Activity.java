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
     * Records a population's non-zero outputs of a whole inference, in total and per core (the core
     * holding the join), from how often each neuron emitted one.
     */
    void countOutputs(int p, int[] emitted, int channels, BinaryProgram.Cores cores, int[][] coresOf) {
        long n = 0;
        for (int e : emitted) {
            n += e;
        }
        outputs[p] += n;
        if (n == 0) {
            return;
        }
        int per = emitted.length / channels;
        for (int c : coresOf[p]) {
            int p0 = (int) cores.p0()[c];
            int p1 = (int) cores.p1()[c];
            long count = 0;
            for (int ch = cores.c0()[c]; ch < cores.c1()[c]; ch++) {
                for (int q = ch * per + p0; q < ch * per + p1; q++) {
                    count += emitted[q];
                }
            }
            coreOutputs[c] += count;
        }
    }
}
