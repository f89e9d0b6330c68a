package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.IrVerifier;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MaxPool;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * fuse-layers: synapses and neurons become the neuron layers the mapper places. The small graphs run on
 * a [2,2,2] input (4 tokens) for two time steps.
 */
class FuseNeuronLayersTest {
    static GraphBuilder input() {
        GraphBuilder b = new GraphBuilder("fuse", 2);
        b.add("input", new Input(Shape.of(2, 2, 2), 2));
        return b;
    }

    static Conv2d conv(int out, int in, float bias) {
        return new Conv2d(Tensor.filled(Shape.of(out, in, 1, 1), 0.5f), Tensor.filled(Shape.of(out), bias), 1, 0);
    }

    @Test
    void aLifAfterAConvolutionBecomesOneLifLayerWithConvolutionSynapsesAndItsBias() {
        GraphBuilder b = input();
        b.add("conv", conv(3, 2, 0.1f), "input");
        b.add("lif", new Lif(2, 1), "conv");
        b.add("output", new Output(), "lif");
        PassFixtures.Run r = PassFixtures.rewrite("conv-lif", b.build(), new FuseNeuronLayers());
        assertThat(r.record(FuseNeuronLayers.ID).counters()).containsEntry("fused", 1.0).containsEntry("ops_absorbed", 1.0);
    }

    @Test
    void anAddBecomesARelaySumWithAGroupPerOperandAndALifOfItIdentitySynapses() {
        // SDT's shortcut: the block's BN output (a conv after folding) added to the stream it came from
        GraphBuilder b = input();
        b.add("x_lif", new Lif(2, 1), "input");
        b.add("conv", conv(2, 2, 0f), "x_lif");
        b.add("sum", new Add(), "conv", "input");
        b.add("sum_lif", new Lif(2, 1), "sum");
        b.add("output", new Output(), "sum_lif");
        PassFixtures.rewrite("residual-add", b.build(), new FuseNeuronLayers());
    }

    @Test
    void convolutionsPoolsAndScalesOfGradedValuesBecomeRelayLayers() {
        GraphBuilder b = input();
        b.add("conv", conv(3, 2, 0f), "input");
        b.add("pool", new MaxPool(2, 2, 0), "conv");
        b.add("lif", new Lif(2, 1), "pool");
        b.add("half", new ScaleByConstant(0.5), "lif");
        b.add("output", new Output(), "half");
        PassFixtures.rewrite("relays", b.build(), new FuseNeuronLayers());
    }

    @Test
    void spikformersClassifierBecomesAnAccumulatorOverAllTokensAndTimeSteps() {
        GraphBuilder b = input();
        b.add("lif", new Lif(2, 1), "input");
        b.add("mean_tokens", PassFixtures.meanTokens(), "lif");
        b.add("mean_time", new MeanTime(), "mean_tokens");
        b.add("head", conv(3, 2, 0.2f), "mean_time");
        b.add("output", new Output(), "head");
        PassFixtures.rewrite("spikformer-classifier", b.build(), new FuseNeuronLayers());
    }

    @Test
    void sdtsHeadLifTakesTheTokenMeanAndItsClassifierAveragesOverTime() {
        GraphBuilder b = input();
        b.add("lif", new Lif(2, 1), "input");
        b.add("mean_tokens", PassFixtures.meanTokens(), "lif");
        b.add("head_lif", new Lif(2, 1), "mean_tokens");
        b.add("head", conv(3, 2, 0.2f), "head_lif");
        b.add("mean_time", new MeanTime(), "head");
        b.add("output", new Output(), "mean_time");
        PassFixtures.rewrite("sdt-classifier", b.build(), new FuseNeuronLayers());
    }

    @Test
    void aTokenMeanOrTimeMeanWithoutAConsumerTheChipHasIsRefused() {
        GraphBuilder tokens = input();
        tokens.add("mean_tokens", PassFixtures.meanTokens(), "input");
        tokens.add("output", new Output(), "mean_tokens");
        assertThatThrownBy(() -> PassFixtures.run(tokens.build(), new FuseNeuronLayers())).isInstanceOf(IrException.class)
                .hasMessage("mean_tokens: mean_tokens must feed a LIF or the classifier to be mappable");
        GraphBuilder time = input();
        time.add("lif", new Lif(2, 1), "input");
        time.add("mean_time", new MeanTime(), "lif");
        time.add("output", new Output(), "mean_time");
        assertThatThrownBy(() -> PassFixtures.run(time.build(), new FuseNeuronLayers())).isInstanceOf(IrException.class)
                .hasMessage("mean_time: mean_time is only mappable right after the classifier");
    }

    @Test
    void onThePresetsOnlyMappablePrimitivesRemainAndEveryLifIsOneLayer() {
        for (String preset : new String[] {"fmnist-spikformer-tiny", "sdt-8-512"}) {
            Graph front = PassFixtures.frontEnd(preset);
            long lifs = front.nodes().stream().filter(n -> n.op() instanceof Lif).count();
            PassFixtures.Run r = PassFixtures.run(front, new FoldBatchNorm(), new LowerAttention(LowerAttention.Order.AUTO, 0.1),
                    new FuseNeuronLayers());
            IrVerifier.verify(r.graph(), true);
            long lifLayers = r.graph().nodes().stream()
                    .filter(n -> n.op() instanceof NeuronLayer l && l.neuron() instanceof Neuron.LifNeuron).count();
            assertThat(lifLayers).as(preset).isEqualTo(lifs);
        }
    }
}
