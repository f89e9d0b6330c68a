package org.spiketc.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.analysis.MetricRule.Direction;
import org.spiketc.analysis.Role;
import org.spiketc.analysis.Statistics;
import org.spiketc.analysis.Unit;
import org.spiketc.common.Json;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.result.RunSpec.DataSelection;
import org.spiketc.result.RunSpec.Engine;
import org.spiketc.result.RunSpec.ModelSource;

/** The one writer and the one reader of result JSON: what is written is read back as it was, and older files as they were read. */
class ResultJsonTest {
    static final Instant WHEN = Instant.parse("2026-01-02T03:04:05.678Z");
    static final double[] COMPILE_MS = {12, 12.5, 14, 13};
    static final RunSpec SPEC = RunSpec.inference(ModelSource.preset("fmnist-spikformer-tiny"), "loihi2", 2, PipelineOptions.defaults(3),
            new DataSelection("fmnist", 16, false), Engine.BOTH).withExecution(2, 1, 1, false, false);

    static Result sample() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("bits", 4);
        sweep.put("accuracy", 0.875);
        return Result.builder(RunKind.INFERENCE, "inference_fmnist-spikformer-tiny_both_loihi2", WHEN).configuration(SPEC)
                .metric(Quantities.COMPILATION_TIME_MS.median(COMPILE_MS))
                .metric(Quantities.ACCURACY.value(0.9))
                .metric(Quantities.ACCURACY.value(0.875).at("accuracy_4bit", Map.of("weight_bits", 4)))
                .metric(Quantities.ENERGY_PER_INFERENCE_MJ.value(0.6, new double[] {0.5, 0.7}))
                .metric(Quantities.SAMPLES.value(16))
                .environment("model", "fmnist-spikformer-tiny")
                .environment("threads", 1)
                .environment("complete", true)
                .environment("energy_formula", "Horowitz 2014, 45 nm")
                .environment("tags", List.of("nightly", "O3"))
                .environment("hardware", "Intel Loihi 2 (simulated)")
                .host(new HostInfo("Test CPU 3000", 4, 8, 16_384, "Linux 6.1", "OpenJDK 17"))
                .section("passes", List.of(Map.of("id", "O3", "wall_ms", 1.5, "cpu_ms", 1, "allocated_bytes", 1024)))
                .section("sweep", List.of(sweep))
                .build();
    }

    /** A result written, stored as text and read again, as the store and {@code stc runs export} do. */
    static Result throughText(Result r) {
        String text = ResultJson.write(r).json().toString();
        return ResultJson.read(ResultDocument.readAll(text, "stored.json").get(0));
    }

    static ResultDocument document(String json) {
        return ResultDocument.readAll(json, "old.json").get(0);
    }

    @Test
    void writtenThenReadGivesBackTheSameMetricsWithWhatTheyDeclare() {
        Result r = sample();
        Result back = throughText(r);
        assertThat(back.kind()).isEqualTo(RunKind.INFERENCE);
        assertThat(back.testName()).isEqualTo(r.testName());
        assertThat(back.timestamp()).isEqualTo(WHEN);
        assertThat(back.metrics()).containsExactlyElementsOf(r.metrics());
        Metric swept = back.metric("accuracy_4bit");
        assertThat(swept.quantity()).isEqualTo("accuracy");
        assertThat(swept.parameters()).containsExactly(Map.entry("weight_bits", "4"));
        assertThat(swept.value()).isEqualTo(0.875);
        assertThat(swept.info()).isEqualTo(MetricInfo.of(Unit.FRACTION, Direction.HIGHER, Role.DERIVED));
        assertThat(swept.info().declared()).isTrue();
        Metric compile = back.metric("compilation_time_ms");
        assertThat(compile.samples()).containsExactly(COMPILE_MS);
        assertThat(compile.value()).isEqualTo(Statistics.median(COMPILE_MS)).isEqualTo(12.75);
        assertThat(compile.info()).isEqualTo(MetricInfo.of(Unit.MS, Direction.LOWER, Role.MEASURED));
        assertThat(back.metric("energy_per_inference_mj").samples()).containsExactly(0.5, 0.7);
        assertThat(back.metric("energy_per_inference_mj").info().role()).isEqualTo(Role.SIMULATED);
        assertThat(back.metric("samples").samples()).isEmpty();
    }

    @Test
    void theConfigurationIsReadBackAsTheRunSpecificationItWas() {
        Result back = throughText(sample());
        // as text: the seed is a long in the tree toJson builds and an int once parsed, the same JSON either way
        assertThat(back.configuration().toString()).isEqualTo(SPEC.toJson().toString());
        assertThat(RunSpec.fromJson(back.configuration(), "stored.json")).isEqualTo(SPEC);
        Result none = throughText(Result.builder(RunKind.IMPORTED, "elsewhere", WHEN).build());
        assertThat(none.configuration()).isNull();
        assertThat(ResultJson.write(none).json().has("configuration")).isFalse();
    }

    @Test
    void environmentEntriesAndSectionsAreReadBackAsWritten() {
        Result r = sample();
        Result back = throughText(r);
        Map<String, Object> env = new LinkedHashMap<>(back.environment());
        Map<String, Object> expected = new LinkedHashMap<>(r.environment());
        @SuppressWarnings("unchecked")
        Map<String, Object> host = (Map<String, Object>) env.remove("host");
        expected.remove("host");
        assertThat(env).isEqualTo(expected).containsEntry("tags", List.of("nightly", "O3")).containsEntry("threads", 1)
                .containsEntry("complete", true).containsKeys("software_version", "source_commit");
        assertThat(host).containsEntry("cpu", "Test CPU 3000").containsEntry("logical_cores", 8).containsEntry("os", "Linux 6.1");
        assertThat(((Number) host.get("memory_mb")).longValue()).isEqualTo(16_384);
        assertThat(back.sections()).containsOnlyKeys("passes", "sweep");
        assertThat(back.sections()).isEqualTo(r.sections());
        assertThat(back.sections().get("sweep").get(0).get("accuracy").asDouble()).isEqualTo(0.875);
        // and what was read writes the same text again
        assertThat(ResultJson.write(back).json().toString()).isEqualTo(ResultJson.write(r).json().toString());
    }

    @Test
    void theWriterPutsTheKnownFactsFirstAndTheHostLast() {
        List<String> keys = fieldNames(ResultJson.write(sample()).json().path("environment"));
        assertThat(keys.subList(0, 3)).containsExactly("hardware", "software_version", "source_commit");
        assertThat(keys.get(keys.size() - 1)).isEqualTo("host");
    }

    static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theDocumentIsOfThisSchemaVersionAndSummarisesEachSampledMetric() {
        ObjectNode j = ResultJson.write(sample()).json();
        assertThat(j.path("schema_version").asInt()).isEqualTo(ResultDocument.SCHEMA_VERSION);
        assertThat(ResultJson.write(sample()).schemaVersion()).isEqualTo(ResultDocument.SCHEMA_VERSION);
        assertThat(j.path("kind").asText()).isEqualTo("inference");
        JsonNode stats = j.path("statistics").path("compilation_time_ms");
        assertThat(stats.path("n").asInt()).isEqualTo(4);
        assertThat(stats.path("median").asDouble()).isEqualTo(12.75);
        assertThat(stats.path("min").asDouble()).isEqualTo(12);
        assertThat(stats.path("max").asDouble()).isEqualTo(14);
        assertThat(stats.path("spread_iqr").asDouble()).isEqualTo(Statistics.spread(COMPILE_MS));
        assertThat(j.path("statistics").has("energy_per_inference_mj")).isTrue();
        assertThat(j.path("statistics").has("accuracy")).as("a single figure has no statistics").isFalse();
        assertThat(j.path("samples").has("accuracy")).isFalse();
        JsonNode info = j.path("metric_info");
        assertThat(info.path("compilation_time_ms").path("unit").asText()).isEqualTo("ms");
        assertThat(info.path("compilation_time_ms").path("better").asText()).isEqualTo("lower");
        assertThat(info.path("compilation_time_ms").path("role").asText()).isEqualTo("measured");
        assertThat(info.path("compilation_time_ms").has("quantity")).as("the run's own figure is its quantity").isFalse();
        assertThat(info.path("accuracy_4bit").path("quantity").asText()).isEqualTo("accuracy");
        assertThat(info.path("accuracy_4bit").path("parameters").path("weight_bits").asText()).isEqualTo("4");
    }

    @Test
    void aSchemaOneDocumentIsReadByItsMetricNamesAndItsTestName() {
        ResultDocument old = document("""
                {"test_name": "compile_tiny_loihi2", "timestamp": "2025-06-01T00:00:00Z", "schema_version": 1,
                 "metrics": {"compilation_time_ms": 12.5, "energy_per_inference_mj": 0.6, "accuracy": 0.9},
                 "samples": {"compilation_time_ms": [12, 12.5, 13]},
                 "environment": {"hardware": "Intel Loihi 2 (simulated)"}}
                """);
        Result r = ResultJson.read(old);
        assertThat(r.kind()).isEqualTo(RunKind.COMPILE);
        assertThat(r.configuration()).isNull();
        assertThat(r.metrics()).extracting(Metric::key).containsExactly("compilation_time_ms", "energy_per_inference_mj", "accuracy");
        for (Metric m : r.metrics()) {
            assertThat(m.info()).as(m.key()).isEqualTo(MetricInfo.legacy(m.key()));
            assertThat(m.info().declared()).as(m.key()).isFalse();
            assertThat(m.quantity()).isEqualTo(m.key());
            assertThat(m.parameters()).isEmpty();
        }
        assertThat(r.metric("accuracy").info().unit()).isEqualTo(Unit.FRACTION);
        assertThat(r.metric("compilation_time_ms").samples()).containsExactly(12, 12.5, 13);
        assertThat(r.metric("compilation_time_ms").value()).isEqualTo(12.5);
        assertThat(r.environment()).containsEntry("hardware", "Intel Loihi 2 (simulated)");
    }

    @Test
    void aDocumentWithoutAKindIsKnownByItsTestNamesPrefix() {
        String doc = """
                {"test_name": "NAME", "timestamp": "2025-06-01T00:00:00Z", "schema_version": 1, "metrics": {}, "environment": {}}
                """;
        assertThat(ResultJson.kindOf(document(doc.replace("NAME", "compile_tiny_loihi2")))).isEqualTo(RunKind.COMPILE);
        assertThat(ResultJson.kindOf(document(doc.replace("NAME", "inference_tiny_both_loihi2")))).isEqualTo(RunKind.INFERENCE);
        assertThat(ResultJson.kindOf(document(doc.replace("NAME", "bench_compile_time")))).isEqualTo(RunKind.IMPORTED);
        assertThat(ResultJson.kindOf(document(doc.replace("NAME", "test_accuracy")))).isEqualTo(RunKind.IMPORTED);
        String declared = doc.replace("\"schema_version\": 1", "\"schema_version\": 2, \"kind\": \"benchmark\"");
        assertThat(ResultJson.kindOf(document(declared.replace("NAME", "compile_tiny_loihi2")))).as("a declared kind wins")
                .isEqualTo(RunKind.BENCHMARK);
        assertThat(ResultJson.read(document(declared.replace("NAME", "inference_x"))).kind()).isEqualTo(RunKind.BENCHMARK);
    }

    @Test
    void aMetricANewerDocumentDoesNotDeclareIsReadByItsName() {
        ResultDocument partly = document("""
                {"test_name": "imported_x", "timestamp": "2025-06-01T00:00:00Z", "schema_version": 2, "kind": "imported",
                 "metrics": {"accuracy": 0.5, "latency_ms": 3},
                 "metric_info": {"accuracy": {"unit": "fraction", "better": "higher", "role": "derived"}},
                 "environment": {}}
                """);
        Result r = ResultJson.read(partly);
        assertThat(r.metric("accuracy").info()).isEqualTo(MetricInfo.of(Unit.FRACTION, Direction.HIGHER, Role.DERIVED));
        assertThat(r.metric("latency_ms").info()).isEqualTo(MetricInfo.legacy("latency_ms"));
        assertThat(r.metric("latency_ms").info().declared()).isFalse();
    }

    @Test
    void aFigureTheRunCouldNotComputeIsWrittenAsNullAndReadBackAsNaN() {
        Result r = Result.builder(RunKind.INFERENCE, "inference_x", WHEN).metric(Quantities.ACCURACY.value(Double.NaN))
                .metric(Quantities.FIDELITY.value(Double.POSITIVE_INFINITY)).metric(Quantities.SAMPLES.value(0)).build();
        ObjectNode j = ResultJson.write(r).json();
        assertThat(j.at("/metrics/accuracy").isNull()).isTrue();
        assertThat(j.at("/metrics/fidelity").isNull()).isTrue();
        assertThat(j.at("/metric_info/accuracy/unit").asText()).as("a failed figure still declares what it is").isEqualTo("fraction");
        Result back = throughText(r);
        assertThat(back.metric("accuracy").value()).isNaN();
        assertThat(back.metric("fidelity").value()).isNaN();
        assertThat(back.metric("accuracy").info()).isEqualTo(Quantities.ACCURACY.info());
        assertThat(back.metric("samples").value()).isZero();
        assertThat(back.measurements().get("accuracy").failed()).isTrue();
    }

    @Test
    void aSampleTheRunCouldNotComputeIsLeftOutAndTheRestKept() {
        Result r = Result.builder(RunKind.INFERENCE, "inference_x", WHEN)
                .metric(Quantities.INFERENCE_LATENCY_MS.value(2, new double[] {1, Double.NaN, 3})).build();
        Result back = throughText(r);
        assertThat(back.metric("inference_latency_ms").samples()).containsExactly(1, 3);
        assertThat(back.metric("inference_latency_ms").value()).isEqualTo(2);
    }

    @Test
    void aSectionCannotOverwriteWhatTheWriterWritesItself() {
        Result r = Result.builder(RunKind.COMPILE, "compile_x", WHEN).metric(Quantities.BINARY_BYTES.value(100))
                .section("kind", "benchmark").section("metrics", Map.of("binary_bytes", 1)).section("extra", Map.of("k", "v")).build();
        ObjectNode j = ResultJson.write(r).json();
        assertThat(j.path("kind").asText()).isEqualTo("compile");
        assertThat(j.at("/metrics/binary_bytes").asDouble()).isEqualTo(100);
        assertThat(throughText(r).sections()).containsOnlyKeys("extra");
        assertThat(throughText(r).sections().get("extra")).isEqualTo(Json.mapper().valueToTree(Map.of("k", "v")));
    }
}
