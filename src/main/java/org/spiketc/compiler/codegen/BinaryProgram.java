package org.spiketc.compiler.codegen;

import java.util.List;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.GatePattern;
import org.spiketc.hw.LoihiArithmetic;

/**
 * A decoded {@code .nxe} binary: everything the chip emulator executes. Layouts follow
 * {@code src/site/markdown/binary-format.md}.
 *
 * @param image       header and section table
 * @param inputLsb    value of one unit of the host's graded input
 * @param model       model name
 * @param system      system layout name
 * @param populations in execution order
 * @param blocks      weight blocks (mantissas unpacked to one byte each)
 * @param cores       per-core slices
 * @param routes      per-core routing tables
 */
public record BinaryProgram(BinaryImage image, float inputLsb, String model, String system, List<Population> populations,
        List<Block> blocks, Cores cores, RouteTable routes, List<PaperTerm> paperTerms) {

    /** The rate source name of a PAPER_TERMS record whose source the chip does not hold. */
    public static final String NOT_ON_CHIP = "(not on chip)";

    /**
     * One population. Gates hold no registers: their per-channel arrays are empty.
     *
     * @param name      IR node name
     * @param kind      what its neurons do
     * @param dims      neurons per step, dimension 0 = channels
     * @param split     partial sums per neuron
     * @param decayU    12-bit current decay (LIF)
     * @param decay     12-bit membrane decay (neuron layers)
     * @param lsb       per channel: float value of one membrane unit
     * @param weightExp per channel: mantissa exponent
     * @param threshold per channel: 17-bit threshold mantissa; a LIF neuron fires when v exceeds it shifted left by 6
     * @param bias      per channel: 13-bit bias mantissa
     * @param biasExp   per channel: 3-bit bias exponent
     * @param gatePattern gates: which operand elements they pair ({@link GatePattern#ELEMENTWISE} for the other kinds)
     * @param groups    inputs, in operand order
     */
    public record Population(String name, PopulationKind kind, int[] dims, int split, int decayU, int decay, float[] lsb, int[] weightExp,
            int[] threshold, int[] bias, int[] biasExp, GatePattern gatePattern, List<Group> groups) {
        public int channels() {
            return dims[0];
        }

        /** Per channel: the bias added every step, mantissa shifted by exponent. */
        public int[] effectiveBias() {
            int[] b = new int[bias.length];
            for (int c = 0; c < b.length; c++) {
                b[c] = LoihiArithmetic.effectiveBias(bias[c], biasExp[c]);
            }
            return b;
        }

        public int size() {
            int n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * One input group.
     *
     * @param connection how it reaches the population's neurons
     * @param bits       mantissa bits
     * @param planes     binary lines per value (1 = spikes or graded messages)
     * @param source     source population index, -1 for the host input
     * @param block      weight block index, -1 for none
     * @param k          kernel, or the coincidence product's code (see {@link #product()})
     * @param s          stride, or the coincidence operand
     * @param p          padding, or the coincidence heads
     * @param grid       token-grid side of coincidence groups
     * @param scale      constant factor folded into the weights
     */
    public record Group(ConnectionKind connection, int bits, int planes, int source, int block, int k, int s, int p, int grid,
            float scale) {
        /** The attention product of a coincidence group, or null for other groups and codes the format does not define. */
        public AttentionProduct product() {
            return connection == ConnectionKind.COINCIDENCE ? AttentionProduct.ofCode(k) : null;
        }
    }

    /** Mantissas of one synapse group, unpacked to one signed byte each. */
    public record Block(int bits, byte[] mantissas, long nonZero) {
    }

    /** Per-core slices in core-id order (see {@code binary-format.md}, section cores). */
    public record Cores(int[] population, int[] chip, int[] x, int[] y, int[] part, int[] c0, int[] c1, long[] p0, long[] p1,
            int[] compartments) {
        public int count() {
            return population.length;
        }
    }

    /** Routing tables: destinations of core c are {@code dst[offsets[c] .. offsets[c+1])}, with their reads. */
    public record RouteTable(int[] offsets, int[] dst, int[] reads) {
    }
}
