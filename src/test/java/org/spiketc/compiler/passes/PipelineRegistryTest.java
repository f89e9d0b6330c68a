package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.hw.HardwareProfiles;

/** The named pipelines -O0..-O3 and what options add to or take from them. */
class PipelineRegistryTest {
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
    void fromLevelTwoAttentionIsLoweredInTheCheaperOrder() {
        assertThat(PipelineRegistry.build(PipelineOptions.defaults(1)).passes().get(1).info().parameters())
                .containsEntry("order", "as-written");
        assertThat(PipelineRegistry.build(PipelineOptions.defaults(2)).passes().get(1).info().parameters())
                .containsEntry("order", "auto");
    }

    @Test
    void everyPassTheRegistryNamesIsInSomePipeline() {
        var all = PipelineOptions.builder().level(3).sparsity(0.5).timeSteps(2).build();
        assertThat(ids(PipelineRegistry.build(all).passes())).containsExactlyInAnyOrderElementsOf(PipelineRegistry.PASS_IDS);
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
        var profile = HardwareProfiles.builtIn("loihi2");
        assertThat(PipelineOptions.builder().bits(8).build().validate(profile).bits()).isEqualTo(8);
        String json;
        try (var in = HardwareProfiles.class.getResourceAsStream("profiles/loihi2.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var narrow = HardwareProfiles.parse(new ByteArrayInputStream(
                json.replaceFirst("(\"maxWeightBits\": \\{\\s*\"value\": )8", "$14").getBytes(StandardCharsets.UTF_8)),
                "narrow.json");
        assertThat(narrow.chip().maxWeightBits().intValue()).isEqualTo(4);
        assertThatThrownBy(() -> PipelineOptions.builder().bits(6).build().validate(narrow))
                .isInstanceOf(UserInputException.class).hasMessage("6-bit weights exceed loihi2's 4-bit synapses");
    }

    static List<String> ids(List<Pass> passes) {
        return passes.stream().map(p -> p.info().id()).toList();
    }
}
