package org.spiketc.sim.emulator;

import java.util.Arrays;
import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram;

/**
 * When each population works: every synapse delays its input by one time step (Lava's {@code Dense} sends at
 * step t what it accumulated at t − 1, as the chip does), so population p at depth d — the longest chain of
 * populations from the host input to it, counting itself — computes the model's step k at chip step k + d − 1.
 * Inputs that join after paths of different length are aligned by delaying the shorter one (Loihi's
 * per-synapse delays): a group from a population at depth d' waits d − d' steps. An inference then takes
 * T + D − 1 chip steps for a network of depth D, which is what {@link EnergyModel} charges.
 *
 * <p>Outside its window [d − 1, d − 1 + T) a population still updates every step, as the chip's cores do:
 * its bias and leak act before the first input arrives, and it may go on spiking after the last.
 */
final class Pipeline {
    /** Per population: its depth (1 for a population fed by the host alone). */
    final int[] depth;
    /** Per population and group: steps between the source's output and its arrival here. */
    final int[][] delay;
    /** Per population: outputs to keep (its longest outgoing delay, plus the step being written). */
    final int[] history;
    /** Depth of the network: the deepest population. */
    final int maxDepth;

    Pipeline(BinaryProgram program) {
        List<BinaryProgram.Population> pops = program.populations();
        int n = pops.size();
        depth = new int[n];
        delay = new int[n][];
        history = new int[n];
        int max = 0;
        for (int p = 0; p < n; p++) {
            int d = 1;
            for (BinaryProgram.Group g : pops.get(p).groups()) {
                if (g.source() >= 0) {
                    d = Math.max(d, depth[g.source()] + 1);
                }
            }
            depth[p] = d;
            max = Math.max(max, d);
        }
        maxDepth = max;
        Arrays.fill(history, 1);
        for (int p = 0; p < n; p++) {
            List<BinaryProgram.Group> gs = pops.get(p).groups();
            delay[p] = new int[gs.size()];
            for (int gi = 0; gi < gs.size(); gi++) {
                int src = gs.get(gi).source();
                delay[p][gi] = depth[p] - (src < 0 ? 0 : depth[src]);
                if (src >= 0) {
                    history[src] = Math.max(history[src], delay[p][gi] + 1);
                }
            }
        }
    }

    /** Chip steps one inference of T model steps takes. */
    int steps(int timeSteps) {
        return timeSteps + maxDepth - 1;
    }

    /** The model step population p computes at chip step s (outside [0, T) it is filling or draining). */
    int modelStep(int p, int s) {
        return s - depth[p] + 1;
    }
}
