package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.IrVerifier;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.tensor.Shape;

class LoweringAndFusionTest {
    static AttentionProduct product(Graph g, String node) {
        NeuronLayer l = (NeuronLayer) g.node(node).op();
        return ((Connection.Coincidence) l.synapses().get(0).connection()).product();
    }

    @Test
    void autoPicksTheProductOrderWithFewerCompartmentsAndReportsBoth() {
        // CIFAR Spikformer-4-384: N = 64 tokens > d = 32, so Q·(Kᵀ·V) is cheaper than (Q·Kᵀ)·V.
        Graph g = PassFixtures.frontEnd("spikformer-4-384-cifar");
        PassFixtures.Run r = PassFixtures.run(g, new FoldBatchNorm(), new LowerAttention(LowerAttention.Order.AUTO, 0.1));
        assertThat(r.graph().nodes()).noneMatch(n -> n.op() instanceof HeadMatMul);
        assertThat(product(r.graph(), "block.0.attn.attn_lif")).isEqualTo(AttentionProduct.QM);
        assertThat(r.graph().node("block.0.attn.kv").type().shape()).isEqualTo(Shape.of(12, 32, 32));
        var notes = r.record("lower-attention").notes();
        assertThat(notes).hasSize(4);
        assertThat(notes.get(0)).contains("qk-first: 3,219,456 compartments").contains("kv-first: 1,609,728 compartments")
                .endsWith("-> kv-first (fewer compartments)");
    }

    @Test
    void asWrittenKeepsTheCifarCodesOrder() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("spikformer-4-384-cifar"), new FoldBatchNorm(),
                new LowerAttention(LowerAttention.Order.AS_WRITTEN, 0.1));
        assertThat(product(r.graph(), "block.0.attn.attn_lif")).isEqualTo(AttentionProduct.AV);
        assertThat(r.graph().node("block.0.attn.qk").type().shape()).isEqualTo(Shape.of(12, 64, 64));
    }

    @Test
    void sdsaBecomesGatesAndATokenSumLif() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("sdt-8-512"), new FoldBatchNorm(),
                new LowerAttention(LowerAttention.Order.AUTO, 0.1));
        assertThat(r.graph().node("block.0.attn.kv").op()).isInstanceOf(Gate.class);
        assertThat(r.graph().node("block.0.attn.q_kv").op()).isInstanceOf(Gate.class);
        NeuronLayer th = (NeuronLayer) r.graph().node("block.0.attn.talking_heads_lif").op();
        assertThat(th.synapses().get(0).connection()).isInstanceOf(Connection.TokenSum.class);
        assertThat(r.graph().contains("block.0.attn.kv_sum")).isFalse();
    }

    @Test
    void fusionLeavesOnlyMappablePrimitivesAndOneLayerPerLif() {
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

    @Test
    void theClassifierBecomesAnAccumulatorOverAllTokens() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("fmnist-spikformer-tiny"), new FoldBatchNorm(),
                new LowerAttention(LowerAttention.Order.AUTO, 0.1), new FuseNeuronLayers());
        Node head = r.graph().node("head");
        NeuronLayer l = (NeuronLayer) head.op();
        assertThat(l.neuron()).isInstanceOf(Neuron.Accumulator.class);
        assertThat(l.synapses().get(0).connection()).isInstanceOf(Connection.GlobalDense.class);
        assertThat(l.synapses().get(0).scale()).isEqualTo(1.0 / 49);
        assertThat(head.type().timeSteps()).isEqualTo(1);
        assertThat(r.graph().node("output").inputs()).containsExactly("head");
    }
}
