package org.spiketc.compiler.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.spiketc.compiler.ir.ElementKind;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrPrinter;
import org.spiketc.compiler.ir.IrVerifier;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.tensor.Shape;

class ModelFrontendTest {
    static final List<String> PRESETS = Presets.NAMES;

    static Graph build(String preset) {
        ModelConfig c = Presets.load(preset);
        return ModelFrontend.build(c, WeightSource.random(1).bind(c));
    }

    @ParameterizedTest
    @FieldSource("PRESETS")
    void buildsAVerifiedGraphForEveryPreset(String preset) {
        Graph g = build(preset);
        IrVerifier.verify(g);
        assertThat(g.node("output").type().shape()).isEqualTo(Shape.of(Presets.load(preset).numClasses(), 1, 1));
    }

    @Test
    void imagenetStemReachesTheFourteenByFourteenTokenGrid() {
        Graph g = build("spikformer-8-384");
        assertThat(g.node("patch_embed.rpe_add").type().shape()).isEqualTo(Shape.of(384, 14, 14));
        assertThat(g.node("patch_embed.rpe_add").type().kind()).isEqualTo(ElementKind.INT);
        assertThat(g.node("block.0.attn.attn_lif").type().kind()).isEqualTo(ElementKind.SPIKE);
    }

    @Test
    void cifarStemKeepsEightByEightTokensAndUsesQkFirstOrder() {
        Graph g = build("spikformer-4-384-cifar");
        assertThat(g.node("patch_embed.rpe_add").type().shape()).isEqualTo(Shape.of(384, 8, 8));
        assertThat(g.node("block.0.attn.qk").type().shape()).isEqualTo(Shape.of(12, 64, 64));
    }

    @Test
    void dumpIsStableAcrossBuilds() {
        assertThat(IrPrinter.print(build("sdt-8-512"))).isEqualTo(IrPrinter.print(build("sdt-8-512")));
        assertThat(IrPrinter.print(build("fmnist-spikformer-tiny")))
                .contains("%block.0.attn.attn_lif = lif(%block.0.attn.av) {tau=2, vth=0.5} : spike[64,7,7]xT4");
    }
}
