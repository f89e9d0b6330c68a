package org.spiketc.sim.emulator;

import java.util.Arrays;
import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryProgram.Population;
import org.spiketc.compiler.codegen.PopulationKind;

/**
 * One thread's buffers for running inferences, sized once for a program, so that a time step allocates
 * nothing: the state a chip keeps (currents, membranes, accumulators) and the values in flight between
 * populations (each population's outputs of the last steps, read after the synaptic delay).
 */
final class Workspace {
    /** The host input of the current inference in input-LSB units. */
    final int[] input;
    /** Per population: its outputs of the current step (spikes or graded values), a slot of {@link #history}. */
    final int[][] out;
    /** Per population: its outputs of the last {@link Pipeline#history} steps, slot = step modulo their number. */
    final int[][][] history;
    /** The inputs of the population being updated, one per group: a source's delayed output, the host input or zeros. */
    final int[][] groupInput;
    /** Per population: the last chip step of this inference it computed (far in the past before the first). */
    final int[] lastActive;
    /** All zeros, as large as any input: what arrives before a source's first output and from the host outside the T steps. */
    final int[] zeros;
    /** The input currents of the population being updated, in mantissa units. */
    final long[] current;
    /** Per population fed only by the host: its current, the same every step. */
    final long[][] hostCurrent;
    /** The activations (synaptic sums after the weight exponent) of the LIF population being updated. */
    final int[] activation;
    /** Per LIF population: the 24-bit currents u. */
    final int[][] currentState;
    /** Per LIF population: membrane potentials. */
    final int[][] membrane;
    /** u wrap-arounds and v saturations of the population being updated (see {@link LifFixedModel#step}). */
    final long[] overflow = new long[2];
    /** Per accumulator population: running totals read by the host. */
    final long[][] total;
    /** Per population fed only by the host: whether {@link #hostCurrent} already holds its current. */
    final boolean[] hostCurrentReady;
    /** Per such population: the synaptic operations its constant input costs each step. */
    final long[] hostOps;
    /** Per output position of the convolution being run: the events that reached it. */
    final int[] reached;
    /** Prefix sums of {@link #reached}. */
    final long[] prefix;
    /** Per population fed only by the host, per core of it: the synaptic operations of one step. */
    final long[][] hostCoreOps;
    /** Accumulator words for the convolution kernels. */
    final long[] scratch;

    Workspace(BinaryProgram program, Pipeline pipeline, int inputSize, int scratchWords) {
        List<Population> pops = program.populations();
        int n = pops.size();
        input = new int[inputSize];
        out = new int[n][];
        history = new int[n][][];
        lastActive = new int[n];
        groupInput = new int[pops.stream().mapToInt(pp -> pp.groups().size()).max().orElse(0)][];
        hostCurrent = new long[n][];
        membrane = new int[n][];
        currentState = new int[n][];
        total = new long[n][];
        hostCurrentReady = new boolean[n];
        hostOps = new long[n];
        for (int p = 0; p < n; p++) {
            Population pop = pops.get(p);
            int size = pop.size();
            history[p] = new int[pipeline.history[p]][size];
            out[p] = history[p][0];
            if (pop.kind() == PopulationKind.LIF) {
                membrane[p] = new int[size];
                currentState[p] = new int[size];
            } else if (pop.kind() == PopulationKind.ACCUMULATOR) {
                total[p] = new long[size];
            }
            if (pop.groups().stream().allMatch(g -> g.source() < 0)) {
                hostCurrent[p] = new long[size];
            }
        }
        int largest = pops.stream().mapToInt(Population::size).max().orElse(0);
        current = new long[largest];
        zeros = new int[Math.max(largest, inputSize)];
        scratch = new long[scratchWords];
        activation = new int[largest];
        reached = new int[largest];
        prefix = new long[largest + 1];
        hostCoreOps = new long[n][];
    }

    /** Clears the state of the previous inference. */
    void reset() {
        for (int p = 0; p < out.length; p++) {
            if (membrane[p] != null) {
                Arrays.fill(membrane[p], 0);
                Arrays.fill(currentState[p], 0);
            }
            if (total[p] != null) {
                Arrays.fill(total[p], 0);
            }
            for (int[] h : history[p]) {
                Arrays.fill(h, 0);
            }
        }
        Arrays.fill(hostCurrentReady, false);
        Arrays.fill(lastActive, Integer.MIN_VALUE / 2);
    }
}
