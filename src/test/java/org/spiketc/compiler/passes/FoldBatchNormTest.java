package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.BatchNorm;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Output;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** fold-batch-norm: an inference BatchNorm disappears into the convolution before it. */
class FoldBatchNormTest {
    static final float[] W = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f};
    static final float[] B = {0.1f, -0.2f, 0.3f};
    static final BatchNorm BN = new BatchNorm(Tensor.of(Shape.of(3), new float[] {2f, 0.5f, -1f}),
            Tensor.of(Shape.of(3), new float[] {0.3f, 0f, 1f}), Tensor.of(Shape.of(3), new float[] {0.2f, -0.1f, 0f}),
            Tensor.of(Shape.of(3), new float[] {4f, 0.25f, 1f}), 1e-5);

    /** input [2,1,1] -> conv 1x1 to 3 channels -> bn -> lif -> output. */
    static GraphBuilder convBn() {
        GraphBuilder b = new GraphBuilder("bn", 1);
        b.add("input", new Input(Shape.of(2, 1, 1), 1));
        b.add("conv", new Conv2d(Tensor.of(Shape.of(3, 2, 1, 1), W), Tensor.of(Shape.of(3), B), 1, 0), "input");
        b.add("bn", BN, "conv");
        return b;
    }

    @Test
    void aBatchNormAfterAConvolutionFoldsIntoItAndItsUsersReadTheConvolution() {
        GraphBuilder b = convBn();
        b.add("lif", new Lif(2, 1), "bn");
        b.add("output", new Output(), "lif");
        PassFixtures.Run r = PassFixtures.rewrite("conv-bn-lif", b.build(), new FoldBatchNorm());
        assertThat(r.record(FoldBatchNorm.ID).counters()).containsEntry("folded", 1.0);
    }

    @Test
    void theFoldedConvolutionComputesWhatConvolutionThenBatchNormComputed() {
        GraphBuilder b = convBn();
        b.add("lif", new Lif(2, 1), "bn");
        b.add("output", new Output(), "lif");
        Conv2d folded = (Conv2d) PassFixtures.run(b.build(), new FoldBatchNorm()).graph().node("conv").op();
        float[] x = {0.7f, -1.3f};
        for (int o = 0; o < 3; o++) {
            double conv = W[2 * o] * x[0] + W[2 * o + 1] * x[1] + B[o];
            double expected = (conv - BN.mean().data()[o]) / Math.sqrt(BN.var().data()[o] + 1e-5) * BN.gamma().data()[o]
                    + BN.beta().data()[o];
            double got = folded.weight().data()[2 * o] * x[0] + folded.weight().data()[2 * o + 1] * x[1] + folded.bias().data()[o];
            assertThat(got).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void aBatchNormWhoseConvolutionHasAnotherUserIsLeftAlone() {
        GraphBuilder b = convBn();
        b.add("lif", new Lif(2, 1), "bn");
        b.add("shortcut_lif", new Lif(2, 1), "conv");
        b.add("sum", new Add(), "lif", "shortcut_lif");
        b.add("output", new Output(), "sum");
        PassFixtures.Run r = PassFixtures.rewrite("shared-conv-keeps-batch-norm", b.build(), new FoldBatchNorm());
        assertThat(r.record(FoldBatchNorm.ID).counters()).doesNotContainKey("folded");
    }

    @Test
    void foldsEveryBatchNormOfAPreset() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("fmnist-spikformer-tiny"), new FoldBatchNorm());
        assertThat(r.graph().nodes()).noneMatch(n -> n.op() instanceof BatchNorm);
        assertThat(r.record(FoldBatchNorm.ID).counters().get("folded")).isEqualTo(5 + 6.0);
    }
}
