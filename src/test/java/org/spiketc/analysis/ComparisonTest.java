package org.spiketc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verdicts: a change counts only past the seed's thresholds and where the samples show it. */
class ComparisonTest {
    static double[] noisy(double centre, double relativeSpread, int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = centre * (1 + relativeSpread * (r.nextDouble() - 0.5));
        }
        return x;
    }

    static Verdict verdict(String metric, Measurement base, Measurement cur) {
        return Comparison.of(Map.of(metric, base), Map.of(metric, cur), List.of()).metrics().get(0).verdict();
    }

    @Test
    void anAccuracyDropCountsOnlyBeyondWhatSamplingTheImagesAllows() {
        // 1.5 points lower: on 200 images that is within the two runs' 95 % sampling spread (about 5.8 points),
        // on 10,000 images it is not (about 0.8 points)
        assertThat(accuracyVerdict(0.900, 0.885, 200)).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(accuracyVerdict(0.900, 0.885, 10_000)).isEqualTo(Verdict.WORSE);
        // half a point is under the seed's one-point threshold whatever the sample
        assertThat(accuracyVerdict(0.900, 0.895, 1_000_000)).isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void intervalBoundsAreShownNotJudged() {
        assertThat(verdict("accuracy_ci95_low", Undeclared.single(0.90), Undeclared.single(0.80))).isEqualTo(Verdict.INCOMPARABLE);
    }

    static Verdict accuracyVerdict(double base, double cur, int images) {
        Map<String, Measurement> b = Map.of("accuracy", Undeclared.single(base), "samples", Undeclared.single(images));
        Map<String, Measurement> c = Map.of("accuracy", Undeclared.single(cur), "samples", Undeclared.single(images));
        return Comparison.of(b, c, List.of()).metrics().stream().filter(m -> m.metric().equals("accuracy")).findFirst().orElseThrow()
                .verdict();
    }

    @Test
    void timeMoreThanTenPercentSlowerWithClearSamplesIsARegression() {
        Verdict v = verdict("compilation_time_ms", Undeclared.of(noisy(100, 0.02, 10, 1)), Undeclared.of(noisy(120, 0.02, 10, 2)));
        assertThat(v).isEqualTo(Verdict.WORSE);
        assertThat(v.isRegression()).isTrue();
    }

    @Test
    void timeWithinTenPercentIsNotSignificant() {
        assertThat(verdict("compilation_time_ms", Undeclared.of(noisy(100, 0.02, 10, 1)), Undeclared.of(noisy(105, 0.02, 10, 2))))
                .isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void aLargeRatioThatTheNoiseExplainsIsNotSignificant() {
        // medians 15% apart, but each run spreads over ±60%: Mann-Whitney cannot tell them apart at p < 0.002
        // (a host timing: the emulator's latency has no noise and is judged by the threshold alone, see MetricRuleTest)
        assertThat(verdict("host_time_per_inference_ms", Undeclared.of(noisy(100, 1.2, 10, 3)), Undeclared.of(noisy(115, 1.2, 10, 4))))
                .isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void fewSamplesAreJudgedByTheirNinetyNinePercentIntervals() {
        assertThat(verdict("compilation_time_ms", Undeclared.of(new double[] {100, 101, 99}), Undeclared.of(new double[] {130, 131, 129})))
                .isEqualTo(Verdict.WORSE);
        assertThat(verdict("compilation_time_ms", Undeclared.of(new double[] {100, 130, 70}), Undeclared.of(new double[] {115, 145, 85})))
                .isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void energyCountsFromFivePercentAndSingleValuesByTheRatioAlone() {
        assertThat(verdict("energy_per_inference_mj", Undeclared.single(1.0), Undeclared.single(1.06))).isEqualTo(Verdict.WORSE);
        assertThat(verdict("energy_per_inference_mj", Undeclared.single(1.0), Undeclared.single(1.04))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("energy_per_inference_mj", Undeclared.single(1.0), Undeclared.single(0.9))).isEqualTo(Verdict.BETTER);
    }

    @Test
    void accuracyCountsFromOnePointLower() {
        assertThat(verdict("accuracy", Undeclared.single(0.90), Undeclared.single(0.885))).isEqualTo(Verdict.WORSE);
        assertThat(verdict("accuracy", Undeclared.single(0.90), Undeclared.single(0.895))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("fidelity", Undeclared.single(0.90), Undeclared.single(0.95))).isEqualTo(Verdict.BETTER);
    }

    @Test
    void higherThroughputIsBetter() {
        assertThat(verdict("throughput_images_per_s", Undeclared.single(100), Undeclared.single(80))).isEqualTo(Verdict.WORSE);
        assertThat(verdict("throughput_images_per_s", Undeclared.single(100), Undeclared.single(120))).isEqualTo(Verdict.BETTER);
    }

    @Test
    void failuresMissingAndInformationalMetricsGetTheirOwnVerdicts() {
        assertThat(verdict("compilation_time_ms", Undeclared.single(100), Undeclared.single(Double.NaN))).isEqualTo(Verdict.NEW_FAILURE);
        assertThat(verdict("compilation_time_ms", Undeclared.single(Double.NaN), Undeclared.single(100))).isEqualTo(Verdict.FIXED);
        assertThat(verdict("cores_used", Undeclared.single(10), Undeclared.single(20))).isEqualTo(Verdict.INCOMPARABLE);
        Comparison c = Comparison.of(Map.of("a_ms", Undeclared.single(1)), Map.of("b_ms", Undeclared.single(1)), List.of());
        assertThat(c.metrics()).extracting(MetricComparison::verdict).containsExactly(Verdict.INCOMPARABLE, Verdict.INCOMPARABLE);
        assertThat(c.hasRegression()).isFalse();
    }

    @Test
    void metricKindsAreReadFromTheWordsOfTheName() {
        assertThat(MetricRule.forMetric("compilation_time_ms_spikformer-8-768")).isEqualTo(MetricRule.TIME);
        assertThat(MetricRule.forMetric("host_time_per_inference_ms_batch64")).isEqualTo(MetricRule.TIME);
        assertThat(MetricRule.forMetric("throughput_images_per_s_batch1")).isEqualTo(MetricRule.THROUGHPUT);
        assertThat(MetricRule.forMetric("energy_per_inference_mj_O2")).isEqualTo(MetricRule.ENERGY);
        assertThat(MetricRule.forMetric("memory_peak_mb_spikformer-8-768")).isEqualTo(MetricRule.MEMORY);
        assertThat(MetricRule.forMetric("accuracy_8b_s0_t4")).isEqualTo(MetricRule.ACCURACY);
        assertThat(MetricRule.forMetric("pass_saves_energy_mj_fuse-layers")).isEqualTo(MetricRule.INFORMATIONAL);
        assertThat(MetricRule.forMetric("messages_per_inference")).isEqualTo(MetricRule.INFORMATIONAL);
    }

    @Test
    void smallAbsoluteChangesAreNoiseWhateverTheRatio() {
        // a 10 MB heap peak growing by 2 MB is 20%, but below the 16 MB floor
        assertThat(verdict("memory_peak_mb", Undeclared.single(10), Undeclared.single(12))).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(verdict("memory_peak_mb", Undeclared.single(100), Undeclared.single(130))).isEqualTo(Verdict.WORSE);
        assertThat(verdict("compilation_time_ms", Undeclared.single(2), Undeclared.single(2.4))).isEqualTo(Verdict.NOT_SIGNIFICANT);
    }

    @Test
    void summaryStatisticsOfRawSamples() {
        double[] x = {5, 1, 4, 2, 3, 100};
        assertThat(Statistics.median(x)).isEqualTo(3.5);
        assertThat(Statistics.min(x)).isEqualTo(1);
        assertThat(Statistics.max(x)).isEqualTo(100);
        assertThat(Statistics.spread(x)).isEqualTo(4.75 - 2.25); // interquartile range, unmoved by the outlier's size
    }
}
