package org.spiketc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spiketc.analysis.ComparisonTest.verdict;

import org.junit.jupiter.api.Test;

/** Floors that are the same duration or size in every unit. */
class MetricRuleTest {
    @Test
    void aTimeFloorIsTheSameDurationInSecondsMillisecondsMicrosecondsAndNanoseconds() {
        assertThat(MetricRule.TIME.floorFor("compilation_time_s")).isCloseTo(0.0005, within(1e-15));
        assertThat(MetricRule.TIME.floorFor("compilation_time_ms")).isEqualTo(0.5);
        assertThat(MetricRule.TIME.floorFor("compilation_time_us")).isEqualTo(500);
        assertThat(MetricRule.TIME.floorFor("compilation_time_ns")).isEqualTo(500_000);
        // wherever the unit stands in the name, and in the kind's own unit where the name gives none
        assertThat(MetricRule.TIME.floorFor("compilation_time_ns_spikformer-8-768")).isEqualTo(500_000);
        assertThat(MetricRule.TIME.floorFor("host_latency")).isEqualTo(0.5);
    }

    @Test
    void aMemoryFloorIsSixteenMebibytesInEveryUnit() {
        assertThat(MetricRule.MEMORY.floorFor("memory_peak_mb")).isEqualTo(16);
        assertThat(MetricRule.MEMORY.floorFor("heap_peak_bytes")).isEqualTo(16 * 1024 * 1024);
        assertThat(MetricRule.MEMORY.floorFor("heap_peak_kb")).isEqualTo(16 * 1024);
        assertThat(MetricRule.MEMORY.floorFor("heap_peak_gb")).isEqualTo(16.0 / 1024);
        assertThat(MetricRule.forMetric("heap_peak_kb")).isEqualTo(MetricRule.MEMORY);
    }

    @Test
    void theSameChangeGetsTheSameVerdictWhateverTheUnit() {
        // 100 ms -> 130 ms is 30 ms, far above the floor; 2 ms -> 2.4 ms is 0.4 ms, below it
        for (double perMs : new double[] {1e-3, 1, 1e3, 1e6}) {
            String unit = perMs == 1e-3 ? "s" : perMs == 1 ? "ms" : perMs == 1e3 ? "us" : "ns";
            String metric = "compilation_time_" + unit;
            assertThat(verdict(metric, Measurement.single(100 * perMs), Measurement.single(130 * perMs))).as(metric).isEqualTo(Verdict.WORSE);
            assertThat(verdict(metric, Measurement.single(2 * perMs), Measurement.single(2.4 * perMs))).as(metric)
                    .isEqualTo(Verdict.NOT_SIGNIFICANT);
        }
        // a 10 MB heap peak growing by 2 MB is noise in bytes as in MB
        double mb = 1024 * 1024;
        assertThat(verdict("heap_peak_bytes", Measurement.single(10 * mb), Measurement.single(12 * mb))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("heap_peak_bytes", Measurement.single(100 * mb), Measurement.single(130 * mb))).isEqualTo(Verdict.WORSE);
    }
}
