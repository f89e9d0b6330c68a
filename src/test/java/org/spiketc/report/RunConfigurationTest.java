package org.spiketc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.report.RunConfiguration.Difference;

/** A run's configuration as flat, ordered settings, whatever keys it has, and how runs' settings differ. */
class RunConfigurationTest {
    @Test
    void nestedObjectsBecomeDottedKeysInKeyOrderArraysStayJsonAndNullsAreLeftOut() {
        var flat = RunConfiguration.flat("{\"time_steps\": 4, \"pipeline\": {\"level\": 2, \"disabled\": [\"fuse-lif\"]}, "
                + "\"bits\": 8, \"seed\": null, \"name\": \"a b\"}");
        assertThat(flat).containsExactly(Map.entry("bits", "8"), Map.entry("name", "a b"), Map.entry("pipeline.disabled", "[\"fuse-lif\"]"),
                Map.entry("pipeline.level", "2"), Map.entry("time_steps", "4"));
    }

    @Test
    void nothingRecordedIsEmptyAndTextThatIsNoJsonObjectIsKeptAsUnreadable() {
        assertThat(RunConfiguration.flat((String) null)).isEmpty();
        assertThat(RunConfiguration.flat(" ")).isEmpty();
        assertThat(RunConfiguration.flat("{broken")).containsExactly(Map.entry("unreadable", "{broken"));
        assertThat(RunConfiguration.flat("[1, 2]")).containsExactly(Map.entry("unreadable", "[1, 2]"));
    }

    @Test
    void aKeyDiffersWhenTheRunsDisagreeOnItOrSomeLackIt() {
        var a = RunConfiguration.flat("{\"bits\": 8, \"level\": 2, \"model\": \"m\"}");
        var b = RunConfiguration.flat("{\"bits\": 4, \"level\": 2, \"model\": \"m\", \"pruning\": 0.5}");
        assertThat(RunConfiguration.differingKeys(List.of(a, b))).containsExactly("bits", "pruning");
        assertThat(RunConfiguration.differingKeys(List.of(a))).isEmpty();
        assertThat(RunConfiguration.differingKeys(List.of(a, b, Map.of()))).as("a run that recorded nothing says nothing")
                .containsExactly("bits", "pruning");
        assertThat(RunConfiguration.summary(b, List.of("bits", "pruning"))).isEqualTo("bits=4, pruning=0.5");
        assertThat(RunConfiguration.summary(a, List.of())).as("nothing differs: all of it").isEqualTo("bits=8, level=2, model=m");
    }

    @Test
    void comparingTwoRunsNamesEachDifferingKeyWithBothValuesAMissingOneAsADash() {
        var base = RunConfiguration.flat("{\"bits\": 8, \"level\": 2, \"sparsity\": 0}");
        var cur = RunConfiguration.flat("{\"bits\": 4, \"level\": 2, \"time_steps\": 4}");
        assertThat(RunConfiguration.compare(base, cur, true)).extracting(Difference::text)
                .containsExactly("bits: 8 -> 4", "sparsity: 0 -> -", "time_steps: - -> 4");
        assertThat(RunConfiguration.compare(base, cur, false)).extracting(Difference::key)
                .containsExactly("bits", "level", "sparsity", "time_steps");
        assertThat(RunConfiguration.compare(base, base, true)).isEmpty();
    }
}
