package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.tensor.Shape;

/**
 * lower-attention: spike matrix products become coincidence-neuron layers, Hadamard products gates and
 * a column sum the token-sum synapses of the LIF it feeds. The small graphs have C = 4 channels in 2 heads
 * (d = 2) over a 2×2 grid (N = 4 tokens).
 */
class LowerAttentionTest {
    /** q, k and v: three spiking populations of the same input. */
    static GraphBuilder qkv() {
        GraphBuilder b = new GraphBuilder("attn", 2);
        b.add("input", new Input(Shape.of(4, 2, 2), 2));
        for (String x : new String[] {"q", "k", "v"}) {
            b.add("attn." + x + "_lif", new Lif(2, 1), "input");
        }
        return b;
    }

    /** Spikformer's CIFAR code: lif(av(scale(qk(q, k)), v)). */
    static GraphBuilder ssaWrittenQkFirst() {
        GraphBuilder b = qkv();
        b.add("attn.qk", new HeadMatMul(AttentionProduct.QK, 2), "attn.q_lif", "attn.k_lif");
        b.add("attn.scale", new ScaleByConstant(0.125), "attn.qk");
        b.add("attn.av", new HeadMatMul(AttentionProduct.AV, 2), "attn.scale", "attn.v_lif");
        b.add("attn.attn_lif", new Lif(2, 0.5), "attn.av");
        b.add("output", new Output(), "attn.attn_lif");
        return b;
    }

    @Test
    void asWrittenKeepsTheCodesProductOrder() {
        PassFixtures.Run r = PassFixtures.rewrite("ssa-as-written", ssaWrittenQkFirst().build(),
                new LowerAttention(LowerAttention.Order.AS_WRITTEN, 0.1));
        assertThat(r.record(LowerAttention.ID).notes()).singleElement().asString().endsWith("-> qk-first (order=as-written)");
    }

    @Test
    void autoPicksTheProductOrderWithFewerCompartmentsAndReportsBoth() {
        // qk-first: H·N² = 32 accumulators of d + 1 compartments, C·N = 16 neurons of N + 1: 96 + 80 = 176;
        // kv-first: H·d² = 8 accumulators of N + 1, 16 neurons of d + 1: 40 + 48 = 88.
        PassFixtures.Run r = PassFixtures.rewrite("ssa-auto-kv-first", ssaWrittenQkFirst().build(),
                new LowerAttention(LowerAttention.Order.AUTO, 0.1));
        assertThat(r.record(LowerAttention.ID).notes()).singleElement().asString()
                .startsWith("attn.attn_lif: qk-first: 176 compartments").contains("| kv-first: 88 compartments")
                .endsWith("-> kv-first (fewer compartments)");
        assertThat(r.record(LowerAttention.ID).counters()).containsEntry("ssa_lowered", 1.0)
                .containsEntry("attention_compartments", 88.0);
    }

    @Test
    void theImageNetCodesOrderIsRecognisedAndCanBeOverridden() {
        // Spikformer's ImageNet code: lif(scale(q_m(q, kt_v(k, v))))
        GraphBuilder b = qkv();
        b.add("attn.kv", new HeadMatMul(AttentionProduct.KV, 2), "attn.k_lif", "attn.v_lif");
        b.add("attn.qm", new HeadMatMul(AttentionProduct.QM, 2), "attn.q_lif", "attn.kv");
        b.add("attn.scale", new ScaleByConstant(0.125), "attn.qm");
        b.add("attn.attn_lif", new Lif(2, 0.5), "attn.scale");
        b.add("output", new Output(), "attn.attn_lif");
        PassFixtures.Run r = PassFixtures.rewrite("ssa-written-kv-first-forced-qk-first", b.build(),
                new LowerAttention(LowerAttention.Order.QK_FIRST, 0.1));
        assertThat(r.record(LowerAttention.ID).notes()).singleElement().asString().endsWith("-> qk-first (order=qk-first)");
    }

    @Test
    void sdsaHadamardProductsBecomeGatesAndTheColumnSumTheTalkingHeadsLifsSynapses() {
        GraphBuilder b = qkv();
        b.add("attn.kv", new Hadamard(), "attn.k_lif", "attn.v_lif");
        b.add("attn.kv_sum", PassFixtures.tokenSum(), "attn.kv");
        b.add("attn.talking_heads_lif", new Lif(2, 0.5), "attn.kv_sum");
        b.add("attn.q_kv", new Hadamard(), "attn.q_lif", "attn.talking_heads_lif");
        b.add("output", new Output(), "attn.q_kv");
        PassFixtures.Run r = PassFixtures.rewrite("sdsa", b.build(), new LowerAttention(LowerAttention.Order.AUTO, 0.1));
        assertThat(r.record(LowerAttention.ID).counters()).containsEntry("hadamard_gates", 2.0).containsEntry("column_sums", 1.0);
    }

    @Test
    void onCifarSpikformerAutoPicksKvFirstInEveryBlock() {
        // Spikformer-4-384 on CIFAR: N = 64 tokens > d = 32, so Q·(Kᵀ·V) is cheaper than (Q·Kᵀ)·V.
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("spikformer-4-384-cifar"), new FoldBatchNorm(),
                new LowerAttention(LowerAttention.Order.AUTO, 0.1));
        assertThat(r.graph().nodes()).noneMatch(n -> n.op() instanceof HeadMatMul);
        assertThat(r.graph().node("block.0.attn.kv").type().shape()).isEqualTo(Shape.of(12, 32, 32));
        var notes = r.record(LowerAttention.ID).notes();
        assertThat(notes).hasSize(4).allSatisfy(n -> assertThat(n).endsWith("-> kv-first (fewer compartments)"));
        assertThat(notes.get(0)).contains("qk-first: 3,219,456 compartments").contains("kv-first: 1,609,728 compartments");
    }
}
