package org.spiketc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spiketc.cli.StcCommandTest.stc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;

/** {@code stc bench}: categories, results, targets, baselines, the store. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheTwelveCategoriesWithTheirMarkers() {
        var r = stc("bench", "--list");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().filter(l -> !l.startsWith(" "))).hasSize(12);
        assertThat(r.out()).contains("hardware-vs-simulation").contains("hardware,performance").contains("test_throughput.py");
    }

    @Test
    void runsACategoryPrintsTheTargetsWritesTheResultAndRecordsIt() throws Exception {
        Path json = dir.resolve("bench.json");
        String db = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        var r = stc("bench", "--category", "energy-consumption", "--repeat", "2", "--json", json.toString(), "--db", db);
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("energy-consumption").contains("passed").contains("Performance targets (seed document)")
                .contains("Energy per Inference").contains("< 5 mJ").contains("pass").contains("Compilation Time (SpikeFormer-Base)");
        JsonNode all = Json.mapper().readTree(json.toFile());
        assertThat(all.path("results").get(0).path("test_name").asText()).isEqualTo("energy_consumption_smoke");
        assertThat(stc("runs", "list", "--kind", "benchmark", "--db", db).out()).contains("energy_consumption_smoke");
        assertThat(stc("runs", "import", json.toString(), "--db", db).out()).contains("imported energy_consumption_smoke");
    }

    @Test
    @Tag("heavy") // two throughput benchmarks at smoke scale: about 25 s
    void aBaselineWithBetterNumbersMakesItARegression() throws Exception {
        Path out = dir.resolve("results/");
        assertThat(stc("bench", "--category", "throughput", "--repeat", "2", "--json", out + "/", "--no-store").code()).isZero();
        Path result = out.resolve("throughput_smoke.json");
        ObjectNode faster = (ObjectNode) Json.mapper().readTree(result.toFile());
        ((ObjectNode) faster.path("metrics")).put("throughput_images_per_s", 1e9);
        faster.remove("samples");
        Path baseline = dir.resolve("baseline.json");
        Json.mapper().writeValue(baseline.toFile(), faster);
        var r = stc("bench", "--category", "throughput", "--repeat", "2", "--baseline", baseline.toString(), "--no-store");
        assertThat(r.code()).as("smoke scale only reports").isZero();
        assertThat(r.out()).contains("Against the baseline").contains("throughput_images_per_s").contains("worse")
                .contains("advisory");
        // at full scale the same verdict gates: exit status 3 (the comparison itself, as stc runs compare makes it)
        Path current = dir.resolve("current.json");
        Json.mapper().writeValue(current.toFile(), Json.mapper().readTree(result.toFile()));
        assertThat(stc("runs", "compare", baseline.toString(), current.toString()).code()).isEqualTo(ExitCodes.REGRESSION);
    }

    @Test
    void badSelectionsGetOneMessage() {
        var r = stc("bench", "--category", "warp-speed", "--no-store");
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).contains("unknown benchmark category 'warp-speed'").contains("compilation-speed");
        var b = stc("bench", "--category", "throughput", "--baseline", dir.resolve("none.json").toString(), "--no-store");
        assertThat(b.code()).isEqualTo(ExitCodes.USER);
        assertThat(b.err()).contains("neither a file, a folder nor a stored run id");
    }
}
