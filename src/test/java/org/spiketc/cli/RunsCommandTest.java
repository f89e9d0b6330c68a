package org.spiketc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spiketc.cli.StcCommandTest.stc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;
import org.spiketc.result.ResultDocument;

/** Commands record their runs; {@code stc runs} lists, shows, compares, exports, imports and deletes them. */
class RunsCommandTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void database() {
        db = "jdbc:h2:file:" + dir.resolve("results") + ";AUTO_SERVER=TRUE";
    }

    Path result(String name, double ms, double... samples) throws Exception {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", name);
        d.put("timestamp", "2026-11-27T01:00:00Z");
        d.put("schema_version", 1);
        d.putObject("metrics").put("compilation_time_ms", ms);
        d.putObject("environment").put("hardware", "Intel Loihi 2");
        ResultDocument.putSamples(d, "compilation_time_ms", samples);
        Path p = dir.resolve(name + ".json");
        Json.mapper().writeValue(p.toFile(), d);
        return p;
    }

    /** A result file like {@link #result} whose top-level "configuration" object is {@code configuration}. */
    Path configured(String name, String configuration, double ms, double... samples) throws Exception {
        Path p = result(name, ms, samples);
        ObjectNode d = (ObjectNode) Json.mapper().readTree(p.toFile());
        d.set("configuration", Json.mapper().readTree(configuration));
        Json.mapper().writeValue(p.toFile(), d);
        return p;
    }

    @Test
    void listShowsTheSettingsThatTellTheListedRunsApartCutUnlessWide() throws Exception {
        String shared = "\"model\": \"fmnist-spikformer-tiny\", \"note\": \"%s\"";
        stc("runs", "import", configured("o2_4bit", "{\"bits\": 4, \"pipeline\": {\"level\": 2}, " + shared.formatted("x") + "}", 1).toString(),
                configured("o3_8bit", "{\"bits\": 8, \"pipeline\": {\"level\": 3}, " + shared.formatted("x".repeat(80)) + "}", 1).toString(),
                result("unconfigured", 1).toString(), "--db", db);
        List<String> lines = stc("runs", "list", "--db", db).out().lines().toList();
        assertThat(lines).hasSize(3);
        String o2 = lines.stream().filter(l -> l.contains("o2_4bit")).findFirst().orElseThrow();
        assertThat(o2).contains("bits=4, note=x, pipeline.level=2").as("the same in every run: left out").doesNotContain("model=");
        String o3 = lines.stream().filter(l -> l.contains("o3_8bit")).findFirst().orElseThrow();
        assertThat(o3).contains("bits=8, note=xxx").contains("…").doesNotContain("pipeline.level=3");
        assertThat(lines.stream().filter(l -> l.contains("unconfigured")).findFirst().orElseThrow()).contains(" -  -");
        assertThat(stc("runs", "list", "--wide", "--db", db).out()).contains("note=" + "x".repeat(80) + ", pipeline.level=3");
        assertThat(stc("runs", "list", "--search", "o2", "--db", db).out()).as("alone, a run shows all its settings")
                .contains("bits=4, model=fmnist-spikformer-tiny, note=x, pipeline.leve…");
    }

    @Test
    void showPrintsTheWholeConfigurationOneKeyALine() throws Exception {
        stc("runs", "import", configured("o2", "{\"bits\": 4, \"pipeline\": {\"level\": 2, \"disabled\": [\"fuse-lif\"]}}", 1).toString(),
                result("plain", 1).toString(), "--db", db);
        String shown = stc("runs", "show", "1", "--db", db).out();
        assertThat(shown).contains("  configuration:\n    bits = 4\n    pipeline.disabled = [\"fuse-lif\"]\n    pipeline.level = 2\n");
        assertThat(stc("runs", "show", "2", "--db", db).out()).contains("  configuration: not recorded");
    }

    @Test
    void compareSaysWhichSettingsDifferFromTheBaselineBeforeTheMetrics() throws Exception {
        Path base = configured("base", "{\"bits\": 8, \"level\": 2, \"sparsity\": 0}", 100);
        Path cur = configured("cur", "{\"bits\": 4, \"level\": 2, \"time_steps\": 4}", 101);
        Path same = configured("same", "{\"bits\": 8, \"level\": 2, \"sparsity\": 0}", 100);
        stc("runs", "import", base.toString(), cur.toString(), same.toString(), "--db", db);
        String out = stc("runs", "compare", "1", "2", "--db", db).out();
        assertThat(out).contains("  configuration differs:\n    bits: 8 -> 4\n    sparsity: 0 -> -\n    time_steps: - -> 4\n  metric")
                .doesNotContain("level");
        assertThat(stc("runs", "compare", "1", "3", "--db", db).out()).contains("  same configuration\n  metric");
        assertThat(stc("runs", "compare", "1", "2", "--all-config", "--db", db).out())
                .contains("  configuration (every key, 3 differ):\n    bits: 8 -> 4\n    level: 2\n");
        assertThat(stc("runs", "compare", base.toString(), cur.toString()).out()).as("result files: their configuration objects")
                .contains("    bits: 8 -> 4\n");
    }

    @Test
    void aRunsLabelAndTagsAreSetListedShownAndFilteredBy() throws Exception {
        stc("runs", "import", result("alpha", 1).toString(), result("beta", 2).toString(), "--db", db);
        var labelled = stc("runs", "label", "1", "4-bit", "weights,", "pruned", "--db", db);
        assertThat(labelled.code()).as(labelled.err()).isZero();
        assertThat(labelled.out()).contains("labelled run 1 \"4-bit weights, pruned\"");
        var tagged = stc("runs", "tag", "1", "--add", "Baseline", "paper", "--db", db);
        assertThat(tagged.code()).as(tagged.err()).isZero();
        assertThat(tagged.out()).contains("run 1 tags: baseline paper");
        assertThat(stc("runs", "tag", "1", "--remove", "paper", "--add", "o2", "--db", db).out()).contains("run 1 tags: baseline o2");
        String alpha = stc("runs", "list", "--db", db).out().lines().filter(l -> l.contains("alpha")).findFirst().orElseThrow();
        assertThat(alpha).contains("[baseline o2]").contains("\"4-bit weights, pruned\"");
        assertThat(stc("runs", "list", "--tag", "baseline", "--db", db).out().lines()).singleElement().asString().contains("alpha");
        assertThat(stc("runs", "list", "--tag", "nowhere", "--db", db).out()).contains("no stored runs match");
        assertThat(stc("runs", "show", "1", "--db", db).out()).contains("  label: 4-bit weights, pruned\n  tags: baseline o2\n");
        assertThat(stc("runs", "show", "2", "--db", db).out()).contains("  label: -\n  tags: -\n");
        assertThat(stc("runs", "label", "1", "", "--db", db).out()).contains("cleared the label of run 1");
        assertThat(stc("runs", "show", "1", "--db", db).out()).contains("  label: -\n");
    }

    @Test
    void aBadLabelOrTagOrAMissingRunGivesOneLineAndTheUserExitCode() throws Exception {
        stc("runs", "import", result("alpha", 1).toString(), "--db", db);
        String[][] bad = {
            {"runs", "label", "1", "two\nlines", "--db", db, "a label is one line of text"},
            {"runs", "label", "1", "l".repeat(201), "--db", db, "a label has at most 200 characters: this one has 201"},
            {"runs", "tag", "1", "--add", "two words", "--db", db, "tag 'two words' is not allowed: a tag is 1 to 32 of a-z"},
            {"runs", "tag", "1", "--add", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "--db", db,
                "run 1 would carry 17 tags, more than 16"},
            {"runs", "tag", "1", "--db", db, "say which tags to --add or --remove"},
            {"runs", "label", "9", "x", "--db", db, "no stored run 9 (see stc runs list)"},
            {"runs", "tag", "9", "--add", "x", "--db", db, "no stored run 9 (see stc runs list)"},
        };
        for (String[] c : bad) {
            var r = stc(Arrays.copyOf(c, c.length - 1));
            String expected = c[c.length - 1];
            assertThat(r.code()).as(expected).isEqualTo(ExitCodes.USER);
            assertThat(r.err().strip()).as(expected).contains(expected).doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(stc("runs", "show", "1", "--db", db).out()).as("nothing changed").contains("  label: -\n  tags: -\n");
    }

    @Test
    void compileAndRunAreRecordedUnlessToldNotTo() {
        var c = stc("compile", "--model", "fmnist-spikformer-tiny", "--layers", "0", "--db", db);
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("recorded as run 1");
        var r = stc("run", "--model", "fmnist-spikformer-tiny", "--engine", "emulator", "--samples", "5", "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(stc("compile", "--model", "fmnist-spikformer-tiny", "--layers", "0", "--db", db, "--no-store").out())
                .doesNotContain("recorded");
        var list = stc("runs", "list", "--db", db);
        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out()).contains("compile").contains("inference").contains("finished");
        var show = stc("runs", "show", "2", "--db", db);
        assertThat(show.out()).contains("energy_per_inference_mj").contains("5, ").contains("series: accuracy_running");
    }

    @Test
    void compareGivesOneVerdictPerMetricAndExitsThreeOnARegression() throws Exception {
        Path base = result("bench_base", 100, 99, 100, 101, 100, 99, 101, 100, 100);
        Path slow = result("bench_slow", 125, 124, 125, 126, 125, 124, 126, 125, 125);
        Path same = result("bench_same", 101, 100, 101, 102, 101, 100, 102, 101, 101);
        assertThat(stc("runs", "import", base.toString(), slow.toString(), same.toString(), "--db", db).code()).isZero();
        var worse = stc("runs", "compare", "1", "2", "--db", db);
        assertThat(worse.code()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(worse.out()).contains("compilation_time_ms").contains("+25.0%").contains("worse");
        var fine = stc("runs", "compare", "1", "3", "--db", db);
        assertThat(fine.code()).isZero();
        assertThat(fine.out()).contains("not significant");
        // files compare directly, without a database
        assertThat(stc("runs", "compare", base.toString(), slow.toString()).code()).isEqualTo(ExitCodes.REGRESSION);
    }

    @Test
    void aMalformedImportAddsNothingAndSaysWhatIsWrong() throws Exception {
        Path good = result("good", 1);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"test_name\": \"x\", \"metrics\": {\"a\": \"fast\"}}");
        var r = stc("runs", "import", good.toString(), bad.toString(), "--db", db);
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).contains("bad.json").contains("metric a is not a number").doesNotContain("Exception");
        assertThat(stc("runs", "list", "--db", db).out()).contains("no stored runs");
        Files.writeString(bad, "{not json");
        assertThat(stc("runs", "import", bad.toString(), "--db", db).err()).contains("not valid JSON");
    }

    @Test
    void aFolderWithOneBadFileAmongGoodOnesStoresNothingAndNamesTheFileAndTheField() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results"));
        String good = "{\"test_name\": \"%s\", \"timestamp\": \"2026-11-27T01:00:00Z\", \"metrics\": {\"accuracy\": 0.9}, "
                + "\"environment\": {\"hardware\": \"host CPU\"}}";
        Files.writeString(folder.resolve("a.json"), good.formatted("alpha"));
        Files.writeString(folder.resolve("z.json"), good.formatted("omega"));
        String[][] bad = {
            {"timestamp", good.formatted("beta").replace("2026-11-27T01:00:00Z", "yesterday"), "timestamp 'yesterday'"},
            {"name", good.formatted("b".repeat(400)), "test_name has 400 characters"},
            {"infinite", good.formatted("beta").replace("0.9", "1e400"), "metric accuracy is not a finite number"},
            {"type", good.formatted("beta").replace("\"host CPU\"", "[]"), "environment.hardware is not a string"},
        };
        for (String[] c : bad) {
            Path b = folder.resolve("m.json");
            Files.writeString(b, c[1]);
            var r = stc("runs", "import", folder.toString(), "--db", db);
            assertThat(r.code()).as(c[0]).isEqualTo(ExitCodes.USER);
            assertThat(r.err().strip()).as(c[0]).startsWith("error: " + b).contains(c[2]).doesNotContain("\n").doesNotContain("Exception");
            assertThat(r.out()).as(c[0]).doesNotContain("imported");
            assertThat(stc("runs", "list", "--db", db).out()).as(c[0] + ": nothing stored").contains("no stored runs");
        }
        Files.delete(folder.resolve("m.json"));
        var r = stc("runs", "import", folder.toString(), "--db", db);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("imported alpha from " + folder.resolve("a.json") + " as run 1",
                "imported omega from " + folder.resolve("z.json") + " as run 2");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(stc("runs", "import", empty.toString(), "--db", db).err()).contains(empty + " holds no result files");
    }

    @Test
    void exportGivesBackTheResultAndDeleteRemovesIt() throws Exception {
        Path in = result("roundtrip", 7, 7, 7.5);
        stc("runs", "import", in.toString(), "--db", db);
        Path out = dir.resolve("out.json");
        assertThat(stc("runs", "export", "1", "--out", out.toString(), "--db", db).code()).isZero();
        assertThat(Json.mapper().readTree(out.toFile())).isEqualTo(Json.mapper().readTree(in.toFile()));
        assertThat(stc("runs", "delete", "1", "--db", db).out()).contains("deleted run 1");
        var again = stc("runs", "show", "1", "--db", db);
        assertThat(again.code()).isEqualTo(ExitCodes.USER);
        assertThat(again.err()).contains("no stored run 1");
    }

    @Test
    void exportWritesTheFormatItsNameSaysWithTheRunIdInFileNames() throws Exception {
        stc("runs", "import", result("alpha", 7, 7, 7.5).toString(), result("beta", 9).toString(), "--db", db);
        Path csv = dir.resolve("runs.csv");
        var e = stc("runs", "export", "1", "2", "--out", csv.toString(), "--db", db);
        assertThat(e.code()).as(e.err()).isZero();
        // tidy: a header, then one row per run; identity first, then the metrics; not JSON
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("run_id,test_name,kind,status,started,model,hardware,label,tags").endsWith(",compilation_time_ms");
        assertThat(rows.get(1)).startsWith("1,alpha,").endsWith(",7.0");
        assertThat(rows.get(2)).startsWith("2,beta,").endsWith(",9.0");
        assertThat(Files.readAllLines(dir.resolve("runs-samples.csv")))
                .containsExactly("run_id,metric,sample,value", "1,compilation_time_ms,0,7.0", "1,compilation_time_ms,1,7.5");
        Path folder = dir.resolve("each");
        assertThat(stc("runs", "export", "1", "2", "--out", folder + "/", "--db", db).code()).isZero();
        assertThat(Files.exists(folder.resolve("run-1_alpha.json"))).isTrue();
        assertThat(Files.exists(folder.resolve("run-2_beta.json"))).isTrue();
        var two = stc("runs", "export", "1", "2", "--out", dir.resolve("x.json").toString(), "--db", db);
        assertThat(two.code()).isEqualTo(ExitCodes.USER);
        assertThat(two.err()).contains("a .json file holds one run");
        assertThat(stc("runs", "export", "1", "--out", dir.resolve("x.txt").toString(), "--db", db).err())
                .contains("name a .json or .csv file, or a folder ending in /");
    }
}
