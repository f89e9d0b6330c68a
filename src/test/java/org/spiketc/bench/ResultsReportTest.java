package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
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

    /** An inference of {@code inference_<tiny>} run with {@code configuration} (JSON text), with its energy and accuracy. */
    static ResultDocument configured(String configuration, double energy, double accuracy) {
        ObjectNode d = inference("0.3", energy, energy / 2).json();
        ((ObjectNode) d.get("metrics")).put("accuracy", accuracy);
        try {
            d.set("configuration", Json.mapper().readTree(configuration));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return ResultDocument.of(d);
    }

    /** A compile of {@code compile_tiny_loihi2} run with {@code configuration}, using {@code cores} cores. */
    static ResultDocument compile(String configuration, int cores) {
        ObjectNode d = configured(configuration, 1, 0.9).json();
        d.put("test_name", "compile_tiny_loihi2");
        d.putObject("metrics").put("cores_used", cores).put("chips_used", 1).put("system_chips", 1);
        d.putObject("resources");
        return ResultDocument.of(d);
    }

    /** The rows of the trends table that show {@code metric}, as HTML. */
    static List<String> trendRows(String html, String metric) {
        String table = html.substring(html.indexOf("<h2>Trends"), html.indexOf("<h2>Hardware utilisation"));
        return Pattern.compile("<tr>.*?</tr>").matcher(table).results().map(m -> m.group())
                .filter(row -> row.contains("<td>" + metric + "</td>")).toList();
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

    @Test
    void twoConfigurationsOfOneTestNameMakeTwoTrendRowsNamedByTheKeysThatDiffer() {
        String level2 = "{\"model\": \"tiny\", \"pipeline\": {\"level\": 2, \"bits\": 4}}";
        String level0 = "{\"model\": \"tiny\", \"pipeline\": {\"bits\": 8, \"level\": 0}}";
        // interleaved in time, as a sweep stores them: mixed, the energy would go from 1.0 to 2.2 (+120%)
        String html = ResultsReport.render(List.of(configured(level2, 1.0, 0.9), configured(level0, 2.0, 0.9),
                configured(level2, 0.9, 0.9), configured(level0, 2.2, 0.9)), "test results");
        List<String> energy = trendRows(html, "energy_per_inference_mj");
        assertThat(energy).hasSize(2);
        assertThat(energy.get(0)).contains("<td>pipeline.bits=4, pipeline.level=2</td>").contains("-10.0%").doesNotContain("model=");
        // the keys in one order for every row, whatever order each document wrote them in
        assertThat(energy.get(1)).contains("<td>pipeline.bits=8, pipeline.level=0</td>").contains("+10.0%");
        assertThat(html).doesNotContain("+120.0%");
        // the opportunities name the configuration they were read from, since the name alone is shared
        assertThat(html).contains("Layer stem causes 90% of the synaptic operations in inference_&lt;tiny&gt; (pipeline.bits=8, pipeline.level=0)");
    }

    @Test
    void accuracyLikeMetricsChangeInPointsAndOthersRelatively() {
        String c = "{\"pipeline\": {\"level\": 2}}";
        ObjectNode later = configured(c, 0.8, 0.879).json();
        ((ObjectNode) later.get("metrics")).put("fidelity", 0.99).put("accuracy_emulator", 0.95);
        ObjectNode earlier = configured(c, 1.0, 0.9).json();
        ((ObjectNode) earlier.get("metrics")).put("fidelity", 0.98).put("accuracy_emulator", 0.95);
        String html = ResultsReport.render(List.of(ResultDocument.of(earlier), ResultDocument.of(later)), "test results");
        // 100 * (0.879 - 0.9) = -2.1 points; relative it would read -2.3%
        assertThat(trendRows(html, "accuracy")).singleElement().asString().contains("-2.10 points").doesNotContain("%");
        assertThat(trendRows(html, "fidelity")).singleElement().asString().contains("+1.00 points");
        assertThat(trendRows(html, "accuracy_emulator")).singleElement().asString().contains("+0.00 points");
        assertThat(trendRows(html, "energy_per_inference_mj")).singleElement().asString().contains("-20.0%");
    }

    @Test
    void resultsWithoutAConfigurationFormTheirOwnLabelledGroup() {
        String c = "{\"pipeline\": {\"level\": 2}}";
        String html = ResultsReport.render(List.of(inference("0.1", 1.0, 0.7), configured(c, 0.5, 0.9), configured(c, 0.4, 0.9)),
                "test results");
        List<String> energy = trendRows(html, "energy_per_inference_mj");
        assertThat(energy).hasSize(2);
        assertThat(energy.get(0)).contains("class=\"muted\">configuration not recorded</td>").contains("<td class=\"n\">1</td>");
        assertThat(energy.get(1)).contains("<td>one configuration throughout</td>").contains("-20.0%");
        // mixed, the old result would be the first value: 1.0 to 0.4
        assertThat(html).doesNotContain("-60.0%");
    }

    @Test
    void configurationsAreTheSameWhateverTheOrderOfTheirKeys() {
        String html = ResultsReport.render(List.of(
                configured("{\"time_steps\": 4, \"pipeline\": {\"level\": 2, \"bits\": 4}}", 1.0, 0.9),
                configured("{\"pipeline\": {\"bits\": 4, \"level\": 2}, \"time_steps\": 4}", 0.8, 0.9)), "test results");
        assertThat(trendRows(html, "energy_per_inference_mj")).singleElement().asString()
                .contains("<td>one configuration throughout</td>").contains("<td class=\"n\">2</td>").contains("-20.0%");
    }

    @Test
    void utilisationShowsTheLatestCompileOfEachConfiguration() {
        String dense = "{\"pipeline\": {\"sparsity\": 0}}";
        String pruned = "{\"pipeline\": {\"sparsity\": 0.5}}";
        String html = ResultsReport.render(List.of(compile(dense, 40), compile(pruned, 25), compile(dense, 41)), "test results");
        String table = html.substring(html.indexOf("<h2>Hardware utilisation"), html.indexOf("<h2>Hotspots"));
        assertThat(table).contains("<td>pipeline.sparsity=0</td><td class=\"n\">41</td>")
                .contains("<td>pipeline.sparsity=0.5</td><td class=\"n\">25</td>").doesNotContain(">40<");
    }
}
