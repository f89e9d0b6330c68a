package org.spiketc.compiler.ir;

import org.spiketc.tensor.Shape;

/**
 * How one synapse group of a {@link NeuronLayer} connects its source population to the layer's
 * neurons. Weighted connections carry a weight tensor; the others have one unit weight per output
 * channel (times the group's scale).
 */
public sealed interface Connection permits Connection.Conv, Connection.Pool, Connection.Identity,
        Connection.TokenSum, Connection.GlobalDense, Connection.Reduce {

    String kind();

    /** Whether the group has a learned weight tensor. */
    boolean weighted();

    /** Output shape for this source shape (and the layer's channel count), or an IrException. */
    Shape outShape(Shape source, int outChannels, int heads);

    /** Synapses per output neuron (its fan-in through this group). */
    int fanIn(Shape source, int heads);

    /** Convolution (k = 1 is a token-wise linear), weight [Cout, Cin, k, k]. */
    record Conv(int kernel, int stride, int padding) implements Connection {
        public String kind() {
            return "conv";
        }

        public boolean weighted() {
            return true;
        }

        public Shape outShape(Shape s, int outChannels, int heads) {
            return Shape.of(outChannels, Geometry.out(s.dim(1), kernel, stride, padding),
                    Geometry.out(s.dim(2), kernel, stride, padding));
        }

        public int fanIn(Shape s, int heads) {
            return s.dim(0) * kernel * kernel;
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

        public Shape outShape(Shape s, int outChannels, int heads) {
            return Shape.of(s.dim(0), Geometry.out(s.dim(1), kernel, stride, padding),
                    Geometry.out(s.dim(2), kernel, stride, padding));
        }

        public int fanIn(Shape s, int heads) {
            return kernel * kernel;
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

        public Shape outShape(Shape s, int outChannels, int heads) {
            return s;
        }

        public int fanIn(Shape s, int heads) {
            return 1;
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

        public Shape outShape(Shape s, int outChannels, int heads) {
            return Shape.of(s.dim(0), 1, 1);
        }

        public int fanIn(Shape s, int heads) {
            return s.dim(1) * s.dim(2);
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

        public Shape outShape(Shape s, int outChannels, int heads) {
            return Shape.of(outChannels, 1, 1);
        }

        public int fanIn(Shape s, int heads) {
            return s.dim(0) * s.dim(1) * s.dim(2);
        }
    }

    /**
     * Accumulates gate outputs, unit weights. {@code SUM_LAST}: [heads, X, Y, Z] to [heads, X, Y];
     * {@code AV_OUT}: g[h, n, m, j] summed over m into [C, H, W]; {@code QM_OUT}: g[h, n, i, j] summed over i
     * into [C, H, W]. The grid side of the [C, H, W] results is {@code grid}.
     */
    record Reduce(Kind reduce, int grid) implements Connection {
        public enum Kind { SUM_LAST, AV_OUT, QM_OUT }

        public String kind() {
            return "reduce_" + reduce.name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean weighted() {
            return false;
        }

        public Shape outShape(Shape s, int outChannels, int heads) {
            if (s.rank() != 4) {
                throw new IrException(kind() + " expects a 4-D gate population, got " + s);
            }
            return switch (reduce) {
                case SUM_LAST -> Shape.of(s.dim(0), s.dim(1), s.dim(2));
                case AV_OUT, QM_OUT -> Shape.of(s.dim(0) * s.dim(3), grid, grid);
            };
        }

        public int fanIn(Shape s, int heads) {
            return switch (reduce) {
                case SUM_LAST -> s.dim(3);
                case AV_OUT, QM_OUT -> s.dim(2);
            };
        }
    }
}
