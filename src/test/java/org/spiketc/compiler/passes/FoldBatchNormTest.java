package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.BatchNorm;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Output;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

class FoldBatchNormTest {
    static final float[] W = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f};
    static final float[] B = {0.1f, -0.2f, 0.3f};

    static Graph convBnLif() {
        GraphBuilder b = new GraphBuilder("bn", 1);
        b.add("input", new Input(Shape.of(2, 1, 1), 1));
        b.add("conv", new Conv2d(Tensor.of(Shape.of(3, 2, 1, 1), W), Tensor.of(Shape.of(3), B), 1, 0), "input");
        b.add("bn", new BatchNorm(Tensor.of(Shape.of(3), new float[] {2f, 0.5f, -1f}), Tensor.of(Shape.of(3), new float[] {0.3f, 0f, 1f}),
                Tensor.of(Shape.of(3), new float[] {0.2f, -0.1f, 0f}), Tensor.of(Shape.of(3), new float[] {4f, 0.25f, 1f}), 1e-5), "conv");
        b.add("lif", new Lif(2, 1), "bn");
        b.add("output", new Output(), "lif");
        return b.build();
    }

    @Test
    void foldedConvComputesWhatConvThenBatchNormComputed() {
        Graph g = convBnLif();
        PassFixtures.Run r = PassFixtures.run(g, new FoldBatchNorm());
        assertThat(r.graph().contains("bn")).isFalse();
        assertThat(r.graph().node("lif").inputs()).containsExactly("conv");
        Conv2d folded = (Conv2d) r.graph().node("conv").op();
        BatchNorm bn = (BatchNorm) g.node("bn").op();
        float[] x = {0.7f, -1.3f};
        for (int o = 0; o < 3; o++) {
            double conv = W[2 * o] * x[0] + W[2 * o + 1] * x[1] + B[o];
            double expected = (conv - bn.mean().data()[o]) / Math.sqrt(bn.var().data()[o] + 1e-5) * bn.gamma().data()[o]
                    + bn.beta().data()[o];
            double got = folded.weight().data()[2 * o] * x[0] + folded.weight().data()[2 * o + 1] * x[1] + folded.bias().data()[o];
            assertThat(got).isCloseTo(expected, within(1e-5));
        }
        assertThat(r.record("fold-batch-norm").counters()).containsEntry("folded", 1.0);
    }

    @Test
    void foldsEveryBatchNormOfAPreset() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("fmnist-spikformer-tiny"), new FoldBatchNorm());
        assertThat(r.graph().nodes()).noneMatch(n -> n.op() instanceof BatchNorm);
        assertThat(r.record("fold-batch-norm").counters().get("folded")).isEqualTo(5 + 6.0);
    }
}
