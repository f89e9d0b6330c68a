package org.spiketc.sim.emulator;

import java.util.Arrays;
import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryProgram.Population;

/**
 * One thread's buffers for running inferences, sized once for a program, so that a time step allocates
 * nothing: the state a chip keeps (membranes, accumulators) and the values that travel between
 * populations within a step.
 */
final class Workspace {
    /** The host input of the current inference in input-LSB units. */
    final int[] input;
    /** Per population: its outputs of the current step (spikes or graded values). */
    final int[][] out;
    /** Per population: its input currents of the current step, in mantissa units. */
    final long[][] current;
    /** The wrapped 24-bit input currents of the LIF population being updated. */
    final int[] wrapped;
    /** Per LIF population: membrane potentials. */
    final int[][] membrane;
    /** Per accumulator population: running totals read by the host. */
    final long[][] total;
    /** Per population and neuron: non-zero outputs so far in this inference. */
    final int[][] emitted;
    /** Per population fed only by the host: whether {@link #current} already holds its constant current. */
    final boolean[] hostCurrentReady;
    /** Per such population: the synaptic operations its constant input costs each step. */
    final long[] hostOps;
    /** Accumulator words for the convolution kernels. */
    final long[] scratch;

    Workspace(BinaryProgram program, int inputSize, int scratchWords) {
        List<Population> pops = program.populations();
        int n = pops.size();
        input = new int[inputSize];
        out = new int[n][];
        current = new long[n][];
        membrane = new int[n][];
        total = new long[n][];
        emitted = new int[n][];
        hostCurrentReady = new boolean[n];
        hostOps = new long[n];
        for (int p = 0; p < n; p++) {
            Population pop = pops.get(p);
            int size = pop.size();
            out[p] = new int[size];
            emitted[p] = new int[size];
            switch (pop.kind()) {
                case BinaryProgram.LIF -> {
                    current[p] = new long[size];
                    membrane[p] = new int[size];
                }
                case BinaryProgram.RELAY_SUM -> current[p] = new long[size];
                case BinaryProgram.ACCUMULATOR -> {
                    current[p] = new long[size];
                    total[p] = new long[size];
                }
                default -> {
                }
            }
        }
        scratch = new long[scratchWords];
        wrapped = new int[pops.stream().mapToInt(Population::size).max().orElse(0)];
    }

    /** Clears the state of the previous inference. */
    void reset() {
        for (int p = 0; p < out.length; p++) {
            Arrays.fill(emitted[p], 0);
            if (membrane[p] != null) {
                Arrays.fill(membrane[p], 0);
            }
            if (total[p] != null) {
                Arrays.fill(total[p], 0);
            }
        }
        Arrays.fill(hostCurrentReady, false);
    }
}
