package org.spiketc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;

/** What the store would refuse, or could not export again, is refused when a result is read, naming the file and the field. */
class ResultDocumentValidationTest {
    static final String VALID = """
            {"test_name": "bench_x", "timestamp": "2026-11-27T01:00:00Z", "schema_version": 1,
             "metrics": {"compilation_time_ms": 12.5, "accuracy": null},
             "samples": {"compilation_time_ms": [12, 12.5, 13]},
             "environment": {"hardware": "Intel Loihi 2 (simulated)", "model": "m", "software_version": "0.1",
                             "host": {"cpu": "x", "logical_cores": 2, "memory_mb": 100}},
             "passes": [{"id": "O2", "wall_ms": 1.5, "cpu_ms": 1, "allocated_bytes": 1024}],
             "layers": [{"engine": "emulator", "name": "head", "spikes_per_inference": 3, "firing_rate": 0.1}],
             "core_map": {"cores": [[1, 2.5]]}}
            """;

    /** The valid document with one JSON value replaced, textually (so 1e400 stays as the file has it). */
    static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    static void refused(String json, String... words) {
        assertThatThrownBy(() -> ResultDocument.readAll(json, "results/b.json")).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("results/b.json")
                .hasMessageContainingAll(words)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContainPattern("\\w+(Exception|Error)\\b")
                        .doesNotContain("java.").doesNotContain("com.fasterxml"));
    }

    @Test
    void theValidDocumentIsRead() {
        assertThat(ResultDocument.readAll(VALID, "a.json")).singleElement().satisfies(d -> {
            assertThat(d.testName()).isEqualTo("bench_x");
            assertThat(d.origin()).isEqualTo("a.json");
        });
    }

    @Test
    void numbersBeyondWhatADoubleHoldsAreRefusedWherever() {
        refused(with("12.5, \"accuracy\"", "1e400, \"accuracy\""), "metric compilation_time_ms", "not a finite number");
        refused(with("12.5, \"accuracy\"", "-1" + "0".repeat(400) + ", \"accuracy\""), "metric compilation_time_ms", "not a finite");
        refused(with("[12, 12.5, 13]", "[12, 1e999]"), "samples of compilation_time_ms", "not finite");
        refused(with("\"firing_rate\": 0.1", "\"firing_rate\": 2e308"), "layers[0].firing_rate", "not a finite number");
        refused(with("[[1, 2.5]]", "[[1, -7e308e0]]"), "not valid JSON");
        refused(with("[[1, 2.5]]", "[[1, -7e308]]"), "core_map.cores[0][1]", "not a finite number");
    }

    @Test
    void whatTheStoreWouldRefuseLaterIsRefusedNow() {
        refused(with("\"2026-11-27T01:00:00Z\"", "\"yesterday\""), "timestamp 'yesterday'", "ISO-8601");
        refused(with("\"2026-11-27T01:00:00Z\"", "\"+10000-01-01T00:00:00Z\""), "timestamp", "years 1 to 9999");
        refused(with("\"bench_x\"", "\"" + "t".repeat(400) + "\""), "test_name has 400 characters", "300");
        refused(with("\"bench_x\"", "\"two\\nlines\""), "test_name", "control character");
        refused(with("\"accuracy\"", "\"" + "a".repeat(201) + "\""), "201 characters", "200");
        refused(with("\"model\": \"m\"", "\"model\": \"" + "m".repeat(201) + "\""), "environment.model has 201 characters");
        refused(with("\"software_version\": \"0.1\"", "\"software_version\": \"" + "v".repeat(65) + "\""),
                "environment.software_version has 65 characters");
        refused(with("\"cpu\": \"x\"", "\"cpu\": \"" + "x".repeat(300) + "\""), "environment.host");
        refused(with("\"id\": \"O2\"", "\"id\": \"" + "p".repeat(101) + "\""), "passes[0].id has 101 characters");
        refused(with("\"name\": \"head\"", "\"name\": \"" + "l".repeat(301) + "\""), "layers[0].name has 301 characters");
        refused(with("\"engine\": \"emulator\"", "\"engine\": \"" + "e".repeat(33) + "\""), "layers[0].engine has 33 characters");
    }

    @Test
    void wrongTypesAreNamed() {
        refused(with("\"hardware\": \"Intel Loihi 2 (simulated)\"", "\"hardware\": 7"), "environment.hardware is not a string");
        refused(with("\"host\": {\"cpu\": \"x\", \"logical_cores\": 2, \"memory_mb\": 100}", "\"host\": \"box\""),
                "environment.host is not an object");
        refused(with("[{\"id\": \"O2\", \"wall_ms\": 1.5, \"cpu_ms\": 1, \"allocated_bytes\": 1024}]", "{\"p\": {\"id\": \"O2\"}}"),
                "passes is not an array");
        refused("{\"test_name\": \"x\", \"metrics\": {\"a\": 1}}}", "not valid JSON", "line 1, column 40");
        refused(with("[{\"engine\"", "[\"x\", {\"engine\""), "layers[0] is not an object");
        refused(with("\"id\": \"O2\"", "\"id\": {}"), "passes[0].id is not a string");
        refused(with("\"allocated_bytes\": 1024", "\"allocated_bytes\": 1.5"), "passes[0].allocated_bytes is not a whole number");
        refused(with("\"allocated_bytes\": 1024", "\"allocated_bytes\": 99999999999999999999"), "passes[0].allocated_bytes");
        refused(with("\"wall_ms\": 1.5", "\"wall_ms\": \"fast\""), "passes[0].wall_ms is not a number");
        refused(with("\"schema_version\": 1", "\"schema_version\": 0.5"), "schema_version '0.5' is not a version number");
        refused("{\"results\": 3}", "results is not an array");
        refused("{\"results\": []}", "no results");
    }

    @Test
    void longOrStrangeNamesAreShownCutAndEscapedOnOneLine() {
        String name = "\\n\\u0007" + "k".repeat(500);
        refused(with("\"accuracy\": null", "\"" + name + "\": \"x\""), "metric '\\n\\u0007kkk", "... (502 characters)");
    }

    @Test
    void manyProblemsAreCountedNotListed() {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            m.append(i == 0 ? "" : ", ").append("\"m").append(i).append("\": \"x\"");
        }
        refused(with("\"compilation_time_ms\": 12.5, \"accuracy\": null", m.toString()), "metric m0 is not a number", "and 45 more");
    }

    @Test
    void aDocumentThisProgramBuiltKeepsUncomputableFiguresAsFailures() {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", "inference_x").put("timestamp", "2026-11-27T01:00:00Z");
        d.putObject("metrics").put("accuracy", Double.NaN).put("samples", 0);
        d.putObject("environment").put("hardware", "h");
        ResultDocument.putSamples(d, "latency_ms", new double[] {1, Double.POSITIVE_INFINITY, 2});
        d.putArray("layers").addObject().put("name", "head").put("firing_rate", Double.NaN);
        ResultDocument r = ResultDocument.of(d);
        assertThat(r.measurements().get("accuracy").failed()).isTrue();
        assertThat(r.json().at("/samples/latency_ms")).hasSize(2);
        assertThat(r.json().at("/layers/0/firing_rate").isNull()).isTrue();
        assertThat(ResultDocument.readAll(r.json().toString(), "again.json")).hasSize(1);
    }
}
