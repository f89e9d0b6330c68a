package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.result.ResultDocument;

/** The HTML report: targets, trends, hotspots and opportunities, from results alone, self-contained. */
class ResultsReportTest {
    static ResultDocument inference(String version, double energy, double staticMj) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", "inference_<tiny>");
        d.put("timestamp", "2026-11-27T00:00:00Z");
        d.putObject("metrics").put("energy_per_inference_mj", energy).put("accuracy", 0.9);
        d.putObject("environment").put("hardware", "Intel Loihi 2 (simulated)").put("software_version", version);
        d.putObject("energy_breakdown_mj").put("static", staticMj).put("synaptic_ops", energy - staticMj);
        var layers = d.putArray("layers");
        layers.addObject().put("engine", "emulator").put("name", "stem").put("synaptic_ops_per_inference", 900).put("spikes_per_inference", 10);
        layers.addObject().put("engine", "emulator").put("name", "head").put("synaptic_ops_per_inference", 100).put("spikes_per_inference", 1);
        return ResultDocument.of(d);
    }

    static ResultDocument benchmark(String id, String metric, double value) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", id.replace('-', '_') + "_full");
        d.put("timestamp", "2026-11-27T00:00:00Z");
        d.putObject("metrics").put(metric, value);
        d.putObject("environment").put("hardware", "host").put("benchmark", id).put("scale", "full").put("target_model", "spikformer-8-768");
        return ResultDocument.of(d);
    }

    @Test
    void aReportShowsTargetsTrendsHotspotsAndOpportunities() {
        String html = ResultsReport.render(List.of(inference("0.1", 1.0, 0.7), inference("0.2", 0.8, 0.6),
                benchmark("compilation-speed", "compilation_time_ms", 75_000), benchmark("inference-latency", "inference_latency_ms", 2)),
                "test results");
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("Performance targets (seed document)").contains("Compilation Time (SpikeFormer-Base)")
                .contains("class=\"fail\">fail").contains("class=\"pass\">pass").contains("not measured");
        assertThat(html).contains("inference_&lt;tiny&gt;").doesNotContain("inference_<tiny>");
        assertThat(html).contains("-20.0%").contains("0.1, 0.2").contains("<polyline");
        assertThat(html).contains("Static power is 75%").contains("Layer stem causes 90%");
    }

    @Test
    void accuracyTrendsAreInPointsWithTheLatestInterval() {
        ResultDocument before = inference("0.1", 1.0, 0.7);
        ObjectNode d = inference("0.2", 1.0, 0.7).json();
        ((ObjectNode) d.get("metrics")).put("accuracy", 0.885).put("accuracy_ci95_low", 0.8706).put("accuracy_ci95_high", 0.8981);
        String html = ResultsReport.render(List.of(before, ResultDocument.of(d)), "test results");
        assertThat(html).contains("-1.50 points").contains("(95 %: 0.8706–0.8981)").doesNotContain("-1.7%");
    }

    @Test
    void anEmptyStoreStillGivesAReadablePage() {
        String html = ResultsReport.render(List.of(), "empty");
        assertThat(html).contains("0 results").contains("No compile stored yet").contains("None derived yet");
    }
}
