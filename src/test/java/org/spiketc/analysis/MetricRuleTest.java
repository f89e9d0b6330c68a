package org.spiketc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spiketc.analysis.ComparisonTest.noisy;
import static org.spiketc.analysis.ComparisonTest.verdict;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Floors that are the same duration or size in every unit, and deterministic metrics judged by the threshold alone. */
class MetricRuleTest {
    @Test
    void aTimeFloorIsTheSameDurationInSecondsMillisecondsMicrosecondsAndNanoseconds() {
        assertThat(MetricInfo.legacy("compilation_time_s").floor()).isCloseTo(0.0005, within(1e-15));
        assertThat(MetricInfo.legacy("compilation_time_ms").floor()).isEqualTo(0.5);
        assertThat(MetricInfo.legacy("compilation_time_us").floor()).isEqualTo(500);
        assertThat(MetricInfo.legacy("compilation_time_ns").floor()).isEqualTo(500_000);
        // wherever the unit stands in the name, and in the kind's own unit where the name gives none
        assertThat(MetricInfo.legacy("compilation_time_ns_spikformer-8-768").floor()).isEqualTo(500_000);
        assertThat(MetricInfo.legacy("host_latency").floor()).isEqualTo(0.5);
    }

    @Test
    void aMemoryFloorIsSixteenMebibytesInEveryUnit() {
        assertThat(MetricInfo.legacy("memory_peak_mb").floor()).isEqualTo(16);
        assertThat(MetricInfo.legacy("heap_peak_bytes").floor()).isEqualTo(16 * 1024 * 1024);
        assertThat(MetricInfo.legacy("heap_peak_kb").floor()).isEqualTo(16 * 1024);
        assertThat(MetricInfo.legacy("heap_peak_gb").floor()).isEqualTo(16.0 / 1024);
        assertThat(MetricRule.forMetric("heap_peak_kb")).isEqualTo(MetricRule.MEMORY);
    }

    @Test
    void theSameChangeGetsTheSameVerdictWhateverTheUnit() {
        // 100 ms -> 130 ms is 30 ms, far above the floor; 2 ms -> 2.4 ms is 0.4 ms, below it
        for (double perMs : new double[] {1e-3, 1, 1e3, 1e6}) {
            String unit = perMs == 1e-3 ? "s" : perMs == 1 ? "ms" : perMs == 1e3 ? "us" : "ns";
            String metric = "compilation_time_" + unit;
            assertThat(verdict(metric, Undeclared.single(100 * perMs), Undeclared.single(130 * perMs))).as(metric).isEqualTo(Verdict.WORSE);
            assertThat(verdict(metric, Undeclared.single(2 * perMs), Undeclared.single(2.4 * perMs))).as(metric)
                    .isEqualTo(Verdict.NOT_SIGNIFICANT);
        }
        // a 10 MB heap peak growing by 2 MB is noise in bytes as in MB
        double mb = 1024 * 1024;
        assertThat(verdict("heap_peak_bytes", Undeclared.single(10 * mb), Undeclared.single(12 * mb))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("heap_peak_bytes", Undeclared.single(100 * mb), Undeclared.single(130 * mb))).isEqualTo(Verdict.WORSE);
    }

    @Test
    void theEmulatorsFiguresAreDeterministicAndTheHostsMeasurementsAreNot() {
        assertThat(Arrays.asList("inference_latency_ms", "inference_latency_ms_loihi1", "energy_per_inference_mj", "energy_static_mj",
                "energy_per_inference_mj_paper_formula", "throughput_images_per_s", "throughput_images_per_s_batch64", "accuracy_8bit",
                "fidelity", "model_size_mb", "binary_bytes")).allMatch(MetricRule::deterministic);
        assertThat(Arrays.asList("compilation_time_ms", "host_time_per_inference_ms", "host_throughput_images_per_s_emulator",
                "host_energy_per_inference_mj_onnx", "memory_peak_mb", "allocated_mb_spikformer-8-768", "sim_events_per_s", "pass_ms_fuse-layers",
                "energyless_ms", "cores_used")).noneMatch(MetricRule::deterministic);
        // a deterministic metric has no floor in any kind
        assertThat(MetricInfo.legacy("inference_latency_ms").floor()).isZero();
        assertThat(MetricInfo.legacy("model_size_mb").floor()).isZero();
    }

    @Test
    void aSimulatedLatencyThirteenPercentSlowerIsARegressionThoughBelowTheHostsFloor() {
        // 1.59 ms -> 1.80 ms: 0.21 ms, below the 0.5 ms floor that measured timings need, past the seed's 10%
        assertThat(verdict("inference_latency_ms", Undeclared.single(1.59), Undeclared.single(1.80))).isEqualTo(Verdict.WORSE);
        assertThat(verdict("inference_latency_ms", Undeclared.of(new double[] {1.59, 1.59, 1.59}), Undeclared.of(new double[] {1.80, 1.80, 1.80})))
                .isEqualTo(Verdict.WORSE);
        // the same change on a host timing is within the floor, as before
        assertThat(verdict("host_time_per_inference_ms", Undeclared.single(1.59), Undeclared.single(1.80))).isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void perImageSamplesOfASimulatedLatencyAreNotTestedForSignificance() {
        // one latency per image of 16, spread by ±30% as the images differ; every image 13% slower in the current run
        double[] base = noisy(1.59, 0.6, 16, 5);
        double[] cur = Arrays.stream(base).map(x -> x * 1.13).toArray();
        assertThat(verdict("inference_latency_ms", Undeclared.of(base), Undeclared.of(cur))).isEqualTo(Verdict.WORSE);
        // the same samples as host timings (ms scaled so the floor is passed) are noise the test cannot see through
        double[] hostBase = Arrays.stream(base).map(x -> x * 100).toArray();
        double[] hostCur = Arrays.stream(cur).map(x -> x * 100).toArray();
        assertThat(Statistics.differ(hostBase, hostCur)).isFalse();
        assertThat(verdict("host_time_per_inference_ms", Undeclared.of(hostBase), Undeclared.of(hostCur))).isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void aSimulatedMetricThatMovesFivePercentIsNotARegression() {
        assertThat(verdict("inference_latency_ms", Undeclared.single(1.59), Undeclared.single(1.59 * 1.05))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("throughput_images_per_s_batch64", Undeclared.single(2953), Undeclared.single(2953 * 0.95)))
                .isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("energy_per_inference_mj", Undeclared.of(new double[] {1.0, 1.0}), Undeclared.of(new double[] {1.04, 1.04})))
                .isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void aNameThatRepeatsAWordIsReadLikeAnyOther() {
        // found by ResultJsonFuzzTest: a stored metric named like this made reading it fail
        assertThat(MetricRule.forMetric("energy_per_energy_mj")).isEqualTo(MetricRule.ENERGY);
        assertThat(MetricInfo.legacy("ms_ms").rule()).isEqualTo(MetricRule.TIME);
    }
}
