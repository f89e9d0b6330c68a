package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.TestGraphs;
import org.spiketc.compiler.pass.Pass;

class SmallPassesTest {
    @Test
    void deadCodeEliminationRemovesWhatCannotReachTheOutput() {
        Graph g = TestGraphs.small();
        GraphBuilder b = g.toBuilder();
        for (Node n : g.nodes()) {
            if (n.name().equals("output")) {
                b.add("unused", new Lif(2, 1), "conv");
            }
            b.copy(n, n.inputs());
        }
        PassFixtures.Run r = PassFixtures.run(b.build(), new EliminateDeadCode());
        assertThat(r.graph().contains("unused")).isFalse();
        assertThat(r.graph().nodeCount()).isEqualTo(4);
        assertThat(r.record("eliminate-dead-code").counters()).containsEntry("removed_unreachable", 1.0);
    }

    @Test
    void reducingTimeStepsRetypesEveryValue() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.frontEnd("fmnist-spikformer-tiny"), new ReduceTimeSteps(2));
        assertThat(r.graph().timeSteps()).isEqualTo(2);
        assertThat(r.graph().node("block.0.attn.q_lif").type().timeSteps()).isEqualTo(2);
        assertThat(r.graph().node("mean_time").type().timeSteps()).isEqualTo(1);
        assertThat(r.record("reduce-time-steps").counters()).containsEntry("from", 4.0).containsEntry("to", 2.0);
    }

    @Test
    void levelsNamePipelinesAndOptionsAddPasses() {
        assertThat(ids(PipelineRegistry.build(PipelineOptions.defaults(0)).passes()))
                .containsExactly("fold-batch-norm", "lower-attention", "fuse-layers", "quantize-weights");
        assertThat(ids(PipelineRegistry.build(PipelineOptions.defaults(3)).passes()))
                .containsExactly("fold-batch-norm", "lower-attention", "fuse-layers", "eliminate-dead-code", "prune-weights",
                        "quantize-weights");
        var custom = PipelineOptions.builder().level(1).bits(4).sparsity(0.3).timeSteps(2).disabled(Set.of("eliminate-dead-code")).build();
        assertThat(ids(PipelineRegistry.build(custom).passes()))
                .containsExactly("reduce-time-steps", "fold-batch-norm", "lower-attention", "fuse-layers", "prune-weights",
                        "quantize-weights");
        assertThat(PipelineRegistry.build(custom).passes().get(5).info().parameters()).containsEntry("bits", "4");
    }

    @Test
    void refusesToDisableRequiredPassesAndNamesUnknownOnes() {
        assertThatThrownBy(() -> PipelineRegistry.build(PipelineOptions.builder().disabled(Set.of("fuse-layers")).build()))
                .isInstanceOf(UserInputException.class).hasMessage("pass fuse-layers cannot be disabled: the mapper needs it");
        assertThatThrownBy(() -> PipelineRegistry.build(PipelineOptions.builder().disabled(Set.of("inline")).build()))
                .hasMessageContaining("unknown pass 'inline'").hasMessageContaining("prune-weights");
        assertThatThrownBy(() -> PipelineRegistry.build(PipelineOptions.builder().bits(9).build()))
                .hasMessage("weight bits must be 2..8, got 9");
        assertThatThrownBy(() -> PipelineRegistry.build(PipelineOptions.builder().level(4).build()))
                .hasMessage("optimization level must be 0..3, got 4");
    }

    @Test
    void theRegistryDescribesEveryPassWithoutBuildingAPipeline() {
        assertThat(PipelineRegistry.PASSES).extracting(PipelineRegistry.Entry::id).containsExactlyElementsOf(PipelineRegistry.PASS_IDS);
        // the passes every pipeline keeps whatever the options are exactly the required ones
        var fewest = PipelineOptions.builder().level(0).disabled(Set.of("eliminate-dead-code")).build();
        assertThat(PipelineRegistry.requiredPassIds())
                .containsExactlyInAnyOrderElementsOf(ids(PipelineRegistry.build(fewest).passes()));
    }

    @Test
    void optionsAreValidatedAgainstTheTargetsSynapses() throws Exception {
        var profile = org.spiketc.hw.HardwareProfiles.builtIn("loihi2");
        assertThat(PipelineOptions.builder().bits(8).build().validate(profile).bits()).isEqualTo(8);
        String json;
        try (var in = org.spiketc.hw.HardwareProfiles.class.getResourceAsStream("profiles/loihi2.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var narrow = org.spiketc.hw.HardwareProfiles.parse(new java.io.ByteArrayInputStream(
                json.replaceFirst("(\"maxWeightBits\": \\{\\s*\"value\": )8", "$14").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "narrow.json");
        assertThat(narrow.chip().maxWeightBits().intValue()).isEqualTo(4);
        assertThatThrownBy(() -> PipelineOptions.builder().bits(6).build().validate(narrow))
                .isInstanceOf(UserInputException.class).hasMessage("6-bit weights exceed loihi2's 4-bit synapses");
    }

    static java.util.List<String> ids(java.util.List<Pass> passes) {
        return passes.stream().map(p -> p.info().id()).toList();
    }
}
