package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.model.Presets;
import org.spiketc.result.ResultDocument;

/**
 * Every category at smoke scale, each test tagged with its category's markers (the seed's pytest markers
 * as JUnit tags, selected by the Maven profiles of the same names). The full-scale runs are in
 * {@link FullScaleBenchTest}, tagged slow.
 */
@Tag("heavy")
class BenchSuiteTest {
    static final BenchContext SMOKE = new BenchContext(BenchScale.SMOKE, 2, 0, 2, null, new Cancellation(), ProgressListener.NONE);

    static ResultDocument passes(String id) {
        BenchOutcome o = new BenchRunner(SMOKE).runOne(BenchSuite.byId(id));
        assertThat(o.status()).as(id + ": " + o.reason()).isEqualTo(BenchOutcome.Status.PASSED);
        ResultDocument d = o.result();
        assertThat(d.testName()).isEqualTo(id.replace('-', '_') + "_smoke");
        assertThat(d.measurements()).isNotEmpty();
        assertThat(d.environment("scale")).isEqualTo("smoke");
        d.measurements().forEach((key, m) -> {
            assertThat(m.info().declared()).as(key + " is declared where it is made").isTrue();
            // Declaring did not change how a metric is judged: its rule is the one its name gave it before
            assertThat(m.info().rule()).as(key).isEqualTo(MetricInfo.legacy(key).rule());
        });
        return d;
    }

    @Test
    @Tag("performance")
    void compilationSpeed() {
        var d = passes("compilation-speed");
        assertThat(d.measurements().get("compilation_time_ms").samples()).hasSize(2);
        assertThat(d.environment("target_model")).isEqualTo("spikformer-4-384-cifar");
    }

    @Test
    @Tag("performance")
    void memoryUsage() {
        assertThat(passes("memory-usage").measurements().get("memory_peak_mb").value()).isPositive();
    }

    @Test
    @Tag("performance")
    @Tag("energy")
    void optimizationImpact() {
        var m = passes("optimization-impact").measurements();
        assertThat(m).containsKeys("energy_per_inference_mj_O0", "energy_per_inference_mj_O3", "pass_ms_quantize-weights");
    }

    @Test
    @Tag("performance")
    void inferenceLatency() {
        var m = passes("inference-latency").measurements();
        assertThat(m.get("inference_latency_ms").samples()).hasSize(64);
        assertThat(m.get("inference_latency_ms_loihi1").value()).isNotEqualTo(m.get("inference_latency_ms_loihi2").value());
    }

    @Test
    @Tag("energy")
    void energyConsumption() {
        var d = passes("energy-consumption");
        assertThat(d.measurements()).containsKeys("energy_per_inference_mj", "energy_static_mj", "energy_synaptic_ops_mj");
        // this machine's own RAPL counters: measured where they are readable, else skipped with the reason;
        // either way the result says which, and carries host energy exactly when it says measured
        String host = d.environment("host_energy");
        boolean measured = d.measurements().containsKey("host_energy_per_inference_mj_emulator");
        if (measured) {
            assertThat(host).startsWith("measured: RAPL");
            assertThat(d.measurements().get("host_energy_per_inference_mj_emulator").value()).isNotNegative();
        } else {
            assertThat(host).startsWith("skipped: ").hasSizeGreaterThan("skipped: ".length());
            assertThat(d.measurements().keySet()).noneMatch(k -> k.startsWith("host_energy"));
        }
    }

    @Test
    @Tag("performance")
    void throughput() {
        var d = passes("throughput");
        assertThat(d.measurements()).containsKeys("throughput_images_per_s", "host_throughput_images_per_s_emulator",
                "host_throughput_images_per_s_onnx_batch1", "host_throughput_images_per_s_onnx_batch64");
        assertThat(d.environment("onnx_baseline")).startsWith("ONNX Runtime");
        // the ONNX export of the same weights classifies like the float reference
        assertThat(d.measurements().get("accuracy_onnx").value()).isCloseTo(d.measurements().get("accuracy_reference").value(),
                Offset.offset(0.01));
    }

    @Test
    @Tag("performance")
    @Tag("energy")
    void accuracyVsOptimization() {
        var d = passes("accuracy-vs-optimization");
        assertThat(d.json().path("points").size()).isEqualTo(4);
        assertThat(d.json().path("points").findValues("pareto")).anyMatch(p -> p.asBoolean());
    }

    @Test
    @Tag("performance")
    void quantizationImpact() {
        assertThat(passes("quantization-impact").measurements()).containsKeys("accuracy_2bit", "accuracy_8bit", "fidelity_8bit");
    }

    @Test
    @Tag("hardware")
    @Tag("performance")
    void hardwareVsSimulation() {
        var d = passes("hardware-vs-simulation");
        assertThat(d.environment("hardware")).contains("emulation").contains("not hardware");
        assertThat(d.environment("hardware_backend")).startsWith("skipped: no hardware backend configured");
        assertThat(d.measurements().get("layers_compared").value()).isPositive();
    }

    @Test
    @Tag("performance")
    @Tag("energy")
    void multiChipScaling() {
        var m = passes("multi-chip-scaling").measurements();
        assertThat(m.get("chip_crossings_per_inference_1chip").value()).isZero();
        assertThat(m.get("chip_crossings_per_inference_8chip").value()).isPositive();
    }

    @Test
    @Tag("performance")
    void modelSizeScaling() {
        assertThat(passes("model-size-scaling").measurements()).containsKeys("cores_used_spikformer-4-384-cifar",
                "energy_per_inference_mj_fmnist-spikformer-tiny");
    }

    @Test
    @Tag("performance")
    void batchSizeImpact() {
        var d = passes("batch-size-impact");
        var m = d.measurements();
        // From the figures the benchmark reports, with T from the model's config: an inference takes one chip
        // step per barrier, a batch of B enters T steps apart, so it is done T·(B - 1) + steps after the first
        int t = Presets.load(BenchContext.MODEL).timeSteps();
        double steps = m.get("barrier_syncs_per_inference").value();
        double stepMs = m.get("inference_latency_ms").value() / steps;
        assertThat(steps).isGreaterThan(t);
        for (int batch : new int[] {1, 4, 16, 64}) {
            double expected = batch / ((t * (batch - 1.0) + steps) * stepMs / 1000);
            assertThat(m.get("throughput_images_per_s_batch" + batch).value()).as("batch %d", batch)
                    .isCloseTo(expected, Percentage.withPercentage(1e-9));
            // the host's time for the same batch is measured, not modelled: its own metric, with its samples
            assertThat(m.get("host_time_per_inference_ms_batch" + batch).samples()).hasSize(SMOKE.repeats());
        }
        assertThat(d.json().path("points").size()).isEqualTo(4);
    }

    @Test
    void eachCategoryHasOneSmokeTestTaggedWithItsMarkers() {
        for (Benchmark b : BenchSuite.ALL) {
            String name = Arrays.stream(b.id().split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                    .collect(Collectors.joining());
            name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            Method m;
            try {
                m = BenchSuiteTest.class.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new AssertionError("no smoke test " + name + " for " + b.id());
            }
            Set<String> tags = Arrays.stream(m.getAnnotationsByType(Tag.class)).map(Tag::value).collect(Collectors.toSet());
            Set<Marker> markers = EnumSet.copyOf(b.markers());
            markers.remove(Marker.SLOW); // slow marks the full-scale run, which CI leaves out
            assertThat(tags).as(b.id()).isEqualTo(markers.stream().map(Marker::tag).collect(Collectors.toSet()));
        }
    }

    @Test
    void theSuiteHasTheSeedsTwelveCategoriesWithStableNames() {
        assertThat(BenchSuite.ALL).extracting(Benchmark::id).containsExactly("compilation-speed", "memory-usage", "optimization-impact",
                "inference-latency", "energy-consumption", "throughput", "accuracy-vs-optimization", "quantization-impact",
                "hardware-vs-simulation", "multi-chip-scaling", "model-size-scaling", "batch-size-impact");
        assertThat(BenchSuite.ALL).allMatch(b -> b.id().matches("[a-z]+(-[a-z]+)*"));
    }
}
