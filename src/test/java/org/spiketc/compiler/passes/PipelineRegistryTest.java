package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.pass.Pass;

/** The named pipelines -O0..-O3 and what options add to or take from them. */
class PipelineRegistryTest {
    @Test
    void levelsNamePipelinesAndOptionsAddPasses() {
        assertThat(ids(PipelineRegistry.build(PipelineOptions.defaults(0)).passes()))
                .containsExactly("fold-batch-norm", "lower-attention", "fuse-layers", "quantize-weights");
        assertThat(ids(PipelineRegistry.build(PipelineOptions.defaults(3)).passes()))
                .containsExactly("fold-batch-norm", "lower-attention", "fuse-layers", "eliminate-dead-code", "prune-weights",
                        "quantize-weights");
        var custom = new PipelineOptions(1, 4, 0.3, 2, null, 0.1, Set.of("eliminate-dead-code"));
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
        var all = new PipelineOptions(3, 8, 0.5, 2, null, 0.1, Set.of());
        assertThat(ids(PipelineRegistry.build(all).passes())).containsExactlyInAnyOrderElementsOf(PipelineRegistry.PASS_IDS);
    }

    @Test
    void refusesToDisableRequiredPassesAndNamesUnknownOnes() {
        assertThatThrownBy(() -> PipelineRegistry.build(new PipelineOptions(2, 8, null, null, null, 0.1, Set.of("fuse-layers"))))
                .isInstanceOf(UserInputException.class).hasMessage("pass fuse-layers cannot be disabled: the mapper needs it");
        assertThatThrownBy(() -> PipelineRegistry.build(new PipelineOptions(2, 8, null, null, null, 0.1, Set.of("inline"))))
                .hasMessageContaining("unknown pass 'inline'").hasMessageContaining("prune-weights");
        assertThatThrownBy(() -> PipelineRegistry.build(new PipelineOptions(2, 9, null, null, null, 0.1, Set.of())))
                .hasMessage("--bits must be 2..8, got 9");
        assertThatThrownBy(() -> PipelineRegistry.build(new PipelineOptions(4, 8, null, null, null, 0.1, Set.of())))
                .hasMessage("optimization level must be 0..3, got 4");
    }

    static List<String> ids(List<Pass> passes) {
        return passes.stream().map(p -> p.info().id()).toList();
    }
}
