package org.spiketc.sim.emulator;

import java.util.stream.IntStream;
import org.spiketc.compiler.codegen.BinaryProgram;

/**
 * Which neurons of each population each core holds, as the binary's core table says: a channel range
 * and a position range, and which part of a split (partial-sum) neuron the core computes.
 */
final class CoreSlices {
    /** Ints per core in {@link #of}: core, first channel, end channel, first position, end position, part. */
    static final int STRIDE = 6;
    private final int[][] slices;

    CoreSlices(BinaryProgram program) {
        BinaryProgram.Cores cores = program.cores();
        slices = new int[program.populations().size()][];
        for (int p = 0; p < slices.length; p++) {
            final int pop = p;
            slices[p] = IntStream.range(0, cores.count())
                    .filter(c -> cores.population()[c] == pop)
                    .flatMap(c -> IntStream.of(c, cores.c0()[c], cores.c1()[c], (int) cores.p0()[c], (int) cores.p1()[c],
                            cores.part()[c]))
                    .toArray();
        }
    }

    /** Population p's cores, {@link #STRIDE} ints each. */
    int[] of(int p) {
        return slices[p];
    }
}
