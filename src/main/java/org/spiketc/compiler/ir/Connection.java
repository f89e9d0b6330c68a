package org.spiketc.compiler.ir;

import java.util.Locale;
import org.spiketc.tensor.Shape;

/**
 * How one synapse group of a {@link NeuronLayer} connects its source population to the layer's
 * neurons. Weighted connections carry a weight tensor; the others have one unit weight per output
 * channel (times the group's scale).
 */
public sealed interface Connection permits Connection.Conv, Connection.Pool, Connection.Identity,
        Connection.TokenSum, Connection.GlobalDense, Connection.Coincidence {

    String kind();

    /** Whether the group has a learned weight tensor. */
    boolean weighted();

    /** Output shape for this source shape (and the layer's channel count), or an IrException. */
    Shape outShape(Shape source, int outChannels);

    /** Convolution (k = 1 is a token-wise linear), weight [Cout, Cin, k, k]. */
    record Conv(int kernel, int stride, int padding) implements Connection {
        public String kind() {
            return "conv";
        }

        public boolean weighted() {
            return true;
        }

        public Shape outShape(Shape s, int outChannels) {
            return Shape.of(outChannels, Geometry.out(s.dim(1), kernel, stride, padding),
                    Geometry.out(s.dim(2), kernel, stride, padding));
        }

    }

    /** Max-pool window, unit weights: OR of spikes, or max of graded values. */
    record Pool(int kernel, int stride, int padding) implements Connection {
        public String kind() {
            return "pool";
        }

        public boolean weighted() {
            return false;
        }

        public Shape outShape(Shape s, int outChannels) {
            return Shape.of(s.dim(0), Geometry.out(s.dim(1), kernel, stride, padding),
                    Geometry.out(s.dim(2), kernel, stride, padding));
        }

    }

    /** One-to-one, unit weight (residual streams). */
    record Identity() implements Connection {
        public String kind() {
            return "identity";
        }

        public boolean weighted() {
            return false;
        }

        public Shape outShape(Shape s, int outChannels) {
            return s;
        }

    }

    /** Sum over tokens, [C, H, W] to [C, 1, 1], unit weights. */
    record TokenSum() implements Connection {
        public String kind() {
            return "token_sum";
        }

        public boolean weighted() {
            return false;
        }

        public Shape outShape(Shape s, int outChannels) {
            return Shape.of(s.dim(0), 1, 1);
        }

    }

    /** Every token of every input channel, weight [Cout, Cin] shared across tokens: [C,H,W] to [Cout,1,1]. */
    record GlobalDense() implements Connection {
        public String kind() {
            return "global_dense";
        }

        public boolean weighted() {
            return true;
        }

        public Shape outShape(Shape s, int outChannels) {
            return Shape.of(outChannels, 1, 1);
        }

    }

    /**
     * One operand of a sum of products computed inside a multi-compartment neuron: the neuron has one
     * dendritic compartment per term, each an AND join of one element of operand 0 and one of
     * operand 1 (or, with a graded operand, a gate that forwards its payload), and the soma sums the
     * terms. With Q, K, V as [C, H, W] spikes (d = headDim, N = grid² tokens):
     * <ul>
     *   <li>{@code QK}: out[h, n, m] = Σ_j Q[h·d+j, n]·K[h·d+j, m], shape [heads, N, N], d terms;</li>
     *   <li>{@code AV}: out[h·d+j, n] = Σ_m A[h, n, m]·V[h·d+j, m], shape [C, H, W], N terms;</li>
     *   <li>{@code KV}: out[h, i, j] = Σ_n K[h·d+i, n]·V[h·d+j, n], shape [heads, d, d], N terms;</li>
     *   <li>{@code QM}: out[h·d+j, n] = Σ_i Q[h·d+i, n]·M[h, i, j], shape [C, H, W], d terms.</li>
     * </ul>
     */
    record Coincidence(AttentionProduct product, int operand, int heads, int headDim, int grid) implements Connection {
        public String kind() {
            return "coincidence_" + product.name().toLowerCase(Locale.ROOT) + (operand == 0 ? ".a" : ".b");
        }

        public boolean weighted() {
            return false;
        }

        public int tokens() {
            return grid * grid;
        }

        /** Terms (dendritic compartments) per neuron. */
        public int terms() {
            return product == AttentionProduct.QK || product == AttentionProduct.QM ? headDim : tokens();
        }

        public Shape outShape(Shape s, int outChannels) {
            int n = tokens();
            return switch (product) {
                case QK -> Shape.of(this.heads, n, n);
                case KV -> Shape.of(this.heads, headDim, headDim);
                case AV, QM -> Shape.of(this.heads * headDim, grid, grid);
            };
        }

    }
}
