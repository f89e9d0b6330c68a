package org.spiketc.gui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.Verdict;
import org.spiketc.common.Json;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.result.Quantities;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;

/** The run history's state and actions, without a stage. */
class RunsViewModelTest {
    RunRepository runs;
    RunsViewModel vm;
    DialogService.Recording dialogs = new DialogService.Recording();

    static ResultDocument result(String name, double ms, double... samples) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", name);
        d.put("timestamp", "2026-11-27T01:00:00Z");
        d.putObject("metrics").put("compilation_time_ms", ms);
        d.putObject("environment").put("hardware", "Intel Loihi 2 (simulated)");
        ResultDocument.putSamples(d, "compilation_time_ms", samples);
        return ResultDocument.of(d);
    }

    @BeforeEach
    void store() {
        runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        runs.importResult(result("compile_alpha", 10, 9, 10, 11));
        runs.importResult(result("inference_beta", 20));
        // the history's days are those of a fixed clock in UTC, so no filter depends on today's date or the machine's zone
        vm = new RunsViewModel(runs, new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs), Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void refreshListsEveryStoredRunAndSaysHowMany() {
        vm.refresh();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.statusProperty().get()).isEqualTo("2 runs");
    }

    @Test
    void searchAndKindFilterTheHistory() {
        vm.searchProperty().set("alpha");
        assertThat(vm.rows()).extracting(r -> r.testName()).containsExactly("compile_alpha");
        vm.searchProperty().set("");
        vm.kindProperty().set(RunKind.INFERENCE);
        assertThat(vm.rows()).extracting(r -> r.testName()).containsExactly("inference_beta");
    }

    @Test
    void selectingARunShowsItsMetricsWithTheirSamples() {
        vm.refresh();
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.testName().equals("compile_alpha")).findFirst().orElseThrow());
        assertThat(vm.metrics()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("compilation_time_ms");
            assertThat(m.value()).isEqualTo("10.0000");
            assertThat(m.samples()).isEqualTo("n=3, median 10.00, 9.000-11.00");
        });
        vm.selectedProperty().set(null);
        assertThat(vm.metrics()).isEmpty();
    }

    @Test
    void comparingRunsGivesOneVerdictPerMetricAgainstTheEarliest() {
        runs.importResult(result("bench_slow", 125, 124, 125, 126, 125, 124, 126, 125, 125));
        runs.importResult(result("bench_base", 100, 99, 100, 101, 100, 99, 101, 100, 100));
        vm.refresh();
        var slow = vm.rows().stream().filter(r -> r.testName().equals("bench_slow")).findFirst().orElseThrow();
        var base = vm.rows().stream().filter(r -> r.testName().equals("bench_base")).findFirst().orElseThrow();
        // same timestamp: the earlier id is the baseline, whichever order they were picked in
        vm.compare(List.of(base, slow));
        assertThat(vm.comparison()).singleElement().satisfies(row -> {
            assertThat(row.metric()).isEqualTo("compilation_time_ms");
            assertThat(row.change()).isEqualTo("-20.0%");
            assertThat(row.verdict()).isEqualTo(Verdict.BETTER);
        });
        assertThat(vm.comparisonTitleProperty().get()).startsWith("Against baseline #" + slow.id());
        vm.compare(List.of(base));
        assertThat(vm.comparison()).isEmpty();
    }

    @Test
    void exportWritesTheStoredResultAsJsonOrATidyCsv(@TempDir Path dir) throws Exception {
        vm.refresh();
        var alpha = vm.rows().stream().filter(r -> r.testName().equals("compile_alpha")).findFirst().orElseThrow();
        vm.export(alpha, dir.resolve("a.json"));
        assertThat(ResultDocument.read(dir.resolve("a.json")).testName()).isEqualTo("compile_alpha");
        vm.export(alpha, dir.resolve("a.csv"));
        // the same tidy table as stc runs export: one row for the run, its raw samples in a long table beside it
        assertThat(Files.readAllLines(dir.resolve("a.csv"))).containsExactly(
                "run_id,test_name,kind,status,started,model,hardware,label,tags,compilation_time_ms",
                alpha.id() + ",compile_alpha,compile,finished,2026-11-27T01:00:00Z,,Intel Loihi 2 (simulated),,,10.0");
        assertThat(Files.readAllLines(dir.resolve("a-samples.csv"))).containsExactly("run_id,metric,sample,value",
                alpha.id() + ",compilation_time_ms,0,9.0", alpha.id() + ",compilation_time_ms,1,10.0", alpha.id() + ",compilation_time_ms,2,11.0");
        assertThat(vm.statusProperty().get()).startsWith("exported run " + alpha.id());
    }

    static ResultDocument inference(String name, String model, double accuracy, double mj) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", name);
        d.put("timestamp", "2026-11-27T02:00:00Z");
        d.putObject("metrics").put("accuracy", accuracy).put("energy_per_inference_mj", mj);
        d.putObject("environment").put("hardware", "Intel Loihi 1 (simulated)").put("model", model);
        return ResultDocument.of(d);
    }

    @Test
    void modelHardwareStatusAndDateFilterTheHistoryAndOfferTheStoredValues() {
        runs.importResult(inference("inference_gamma", "fmnist-spikformer-tiny", 0.9, 0.6));
        vm.refresh();
        assertThat(vm.models()).contains("fmnist-spikformer-tiny");
        assertThat(vm.hardwares()).hasSizeGreaterThanOrEqualTo(2);
        vm.modelProperty().set("fmnist-spikformer-tiny");
        assertThat(vm.rows()).extracting(r -> r.testName()).containsExactly("inference_gamma");
        vm.modelProperty().set(null);
        vm.hardwareProperty().set("Loihi 2");
        assertThat(vm.rows()).extracting(r -> r.testName()).containsExactlyInAnyOrder("compile_alpha", "inference_beta");
        vm.hardwareProperty().set(null);
        vm.runStatusProperty().set(RunStatus.FAILED);
        assertThat(vm.rows()).isEmpty();
        vm.runStatusProperty().set(null);
        // every run here is dated 2026-11-27 (01:00 and 02:00 UTC)
        vm.sinceProperty().set(LocalDate.parse("2026-11-28"));
        assertThat(vm.rows()).as("nothing was started on or after the day after").isEmpty();
        vm.sinceProperty().set(LocalDate.parse("2026-11-27"));
        assertThat(vm.rows()).as("the day itself counts from its first instant").hasSize(3);
    }

    @Test
    void theTradeOffViewMarksThePointsNoOtherRunBeatsOnBothAccuracyAndEnergy() {
        runs.importResult(inference("inference_8bit", "m", 0.90, 0.62));
        runs.importResult(inference("inference_4bit", "m", 0.89, 0.55));
        runs.importResult(inference("inference_bad", "m", 0.80, 0.60));
        vm.refresh();
        vm.tradeOff(List.of());
        assertThat(vm.tradeOffs()).hasSize(3);
        assertThat(vm.tradeOffs()).filteredOn(RunsViewModel.TradeOff::onFront).extracting(t -> t.run().testName())
                .containsExactlyInAnyOrder("inference_8bit", "inference_4bit");
        assertThat(vm.tradeOffTitleProperty().get()).contains("3 inference runs, 2 on the Pareto front");
    }

    @Test
    void comparingOverlaysEachRunsSamplesOfAMetricTheyShare() {
        runs.importResult(result("compile_delta", 12, 11, 12, 13));
        vm.refresh();
        var chosen = vm.rows().stream().filter(r -> r.testName().equals("compile_alpha") || r.testName().equals("compile_delta")).toList();
        vm.compare(chosen);
        assertThat(vm.overlays()).hasSize(2).allSatisfy(o -> {
            assertThat(o.metric()).isEqualTo("compilation_time_ms");
            assertThat(o.y()).hasSize(3);
        });
    }

    @Test
    void importingStoresGoodFilesAndACorruptOneStoresNothingAndSaysWhy(@TempDir Path dir)
            throws Exception {
        Path good = dir.resolve("baseline.json");
        inference("pytorch_cpu_baseline", "fmnist-spikformer-tiny", 0.9, 1.0).write(good);
        Path bad = Files.writeString(dir.resolve("broken.json"), "{\"test_name\": \"x\", \"metrics\": [1,");
        vm.importFiles(List.of(good, bad));
        assertThat(runs.list(RunQuery.all())).as("all or nothing").hasSize(2);
        assertThat(dialogs.messages()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Import failed");
            assertThat(m.problem()).contains("broken.json");
            assertThat(m.whatToDo()).contains("Nothing was imported");
        });
        vm.importFiles(List.of(good));
        assertThat(runs.list(RunQuery.all())).hasSize(3);
        assertThat(vm.statusProperty().get()).startsWith("imported 1 result");
    }

    static ResultDocument configured(String name, double ms, String configuration) throws Exception {
        ObjectNode d = result(name, ms).json();
        d.set("configuration", Json.mapper().readTree(configuration));
        return ResultDocument.of(d);
    }

    StoredRun row(String testName) {
        return vm.rows().stream().filter(r -> r.testName().equals(testName)).findFirst().orElseThrow();
    }

    @Test
    void theConfigurationColumnShowsTheSettingsThatTellTheListedRunsApartAndTheTooltipAllOfThem() throws Exception {
        runs.importResult(configured("o2_4bit", 1, "{\"bits\": 4, \"pipeline\": {\"level\": 2}, \"model\": \"m\"}"));
        runs.importResult(configured("o3_4bit", 1, "{\"bits\": 4, \"pipeline\": {\"level\": 3}, \"model\": \"m\"}"));
        vm.refresh();
        assertThat(vm.configurationColumn(row("o2_4bit"))).isEqualTo("pipeline.level=2");
        assertThat(vm.configurationColumn(row("o3_4bit"))).isEqualTo("pipeline.level=3");
        assertThat(vm.configurationColumn(row("compile_alpha"))).as("none recorded").isEmpty();
        assertThat(RunsViewModel.configurationDetail(row("o2_4bit"))).isEqualTo("bits = 4\nmodel = m\npipeline.level = 2");
        assertThat(RunsViewModel.configurationDetail(row("compile_alpha"))).isEqualTo("configuration not recorded");
        vm.searchProperty().set("o2");
        assertThat(vm.configurationColumn(row("o2_4bit"))).as("alone: all of it").isEqualTo("bits=4, model=m, pipeline.level=2");
    }

    @Test
    void comparingRunsNamesTheSettingsThatDifferFromTheBaseline() throws Exception {
        runs.importResult(configured("base", 10, "{\"bits\": 8, \"level\": 2}"));
        runs.importResult(configured("four_bit", 10, "{\"bits\": 4, \"level\": 2, \"pruning\": 0.5}"));
        runs.importResult(configured("same", 10, "{\"bits\": 8, \"level\": 2}"));
        vm.refresh();
        StoredRun base = row("base");
        StoredRun four = row("four_bit");
        vm.compare(List.of(four, base));
        assertThat(vm.configurationDifferences()).containsExactly("#" + four.id() + " bits: 8 -> 4", "#" + four.id() + " pruning: - -> 0.5");
        vm.compare(List.of(base, row("same")));
        assertThat(vm.configurationDifferences()).containsExactly("Same configuration as baseline #" + base.id());
        vm.compare(List.of(base));
        assertThat(vm.configurationDifferences()).isEmpty();
    }

    @Test
    void labellingARunStoresItsLabelAndReplacesItsTagsThenShowsThemInTheHistory() {
        vm.refresh();
        StoredRun alpha = row("compile_alpha");
        runs.changeTags(alpha.id(), List.of("old"), List.of());
        vm.setLabelAndTags(alpha, "  the 4-bit one ", "Baseline, paper  o2");
        StoredRun shown = row("compile_alpha");
        assertThat(shown.label()).isEqualTo("the 4-bit one");
        assertThat(shown.tags()).as("what was typed replaces what it had").containsExactly("baseline", "o2", "paper");
        assertThat(vm.statusProperty().get()).startsWith("labelled run " + alpha.id());
        vm.setLabelAndTags(shown, "", "");
        assertThat(row("compile_alpha").label()).isNull();
        assertThat(row("compile_alpha").tags()).isEmpty();
        assertThat(dialogs.messages()).isEmpty();
    }

    @Test
    void aBadLabelOrTagEndsInTheDialogWithWhatIsAllowedAndChangesNothing() {
        vm.refresh();
        StoredRun alpha = row("compile_alpha");
        vm.setLabelAndTags(alpha, "kept?", "two words are fine but t@g is not");
        vm.setLabelAndTags(alpha, "line one\nline two", "");
        vm.setLabelAndTags(alpha, "too many", "t a b c d e f g h i j k l m n o p");
        assertThat(dialogs.messages()).extracting(DialogService.Recording.Message::problem).containsExactly(
                "tag 't@g' is not allowed: a tag is 1 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit",
                "a label is one line of text: this one has a line break or another control character",
                "a run carries at most 16 tags: 17 were given");
        assertThat(dialogs.messages()).allSatisfy(m -> {
            assertThat(m.title()).isEqualTo("Cannot label the run");
            assertThat(m.whatToDo()).contains("the run is as it was");
        });
        StoredRun after = runs.find(alpha.id()).orElseThrow();
        assertThat(after.label()).isNull();
        assertThat(after.tags()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("labelling failed: ");
    }

    /** The store, whose reads of metrics fail once {@code failing} is set (a broken database file, say). */
    static RunRepository failingMetrics(RunRepository store, AtomicBoolean failing) {
        return (RunRepository) Proxy.newProxyInstance(RunRepository.class.getClassLoader(),
                new Class<?>[] {RunRepository.class}, (proxy, method, args) -> {
                    if (failing.get() && method.getName().equals("metrics")) {
                        throw new IllegalStateException("database file is damaged");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aComparisonThatCannotReadTheRunsEndsInADialogAndLeavesTheLastComparisonShown() {
        var failing = new AtomicBoolean();
        var broken = new RunsViewModel(failingMetrics(runs, failing), new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs));
        broken.refresh();
        broken.compare(List.copyOf(broken.rows()));
        assertThat(broken.comparison()).isNotEmpty();
        var shown = List.copyOf(broken.comparison());
        failing.set(true);
        broken.compare(List.copyOf(broken.rows()));
        assertThat(dialogs.messages()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Comparison failed");
            assertThat(m.problem()).isEqualTo("Unexpected error: java.lang.IllegalStateException: database file is damaged");
            assertThat(m.whatToDo()).contains("please report");
        });
        assertThat(broken.comparison()).isEqualTo(shown);
    }

    @Test
    void aSlowReadOfAnEarlierSelectionNeverReplacesTheSelectedRunsMetrics() {
        List<Runnable> reads = new ArrayList<>();
        var stepped = new RunsViewModel(runs, new BackgroundTasks(new WorkbenchThreads(reads::add, Runnable::run, Runnable::run), dialogs));
        stepped.refresh();
        reads.remove(0).run();
        var alpha = stepped.rows().stream().filter(r -> r.testName().equals("compile_alpha")).findFirst().orElseThrow();
        var beta = stepped.rows().stream().filter(r -> r.testName().equals("inference_beta")).findFirst().orElseThrow();
        stepped.selectedProperty().set(alpha);
        stepped.selectedProperty().set(beta);
        assertThat(reads).hasSize(2);
        reads.get(1).run(); // beta's read finishes first...
        reads.get(0).run(); // ...then alpha's, superseded
        assertThat(stepped.metrics()).extracting(RunsViewModel.MetricRow::name).containsExactly("compilation_time_ms");
        assertThat(stepped.metrics().get(0).value()).as("beta's metric, not alpha's").isEqualTo("20.0000");
        assertThat(dialogs.messages()).isEmpty();
    }

    @Test
    void anAccuracyShowsTheIntervalItsResultRecordsBesideIt() {
        Map<String, Measurement> m = new LinkedHashMap<>();
        m.put("accuracy", new Measurement(0.9, new double[0], Quantities.ACCURACY.info()));
        m.put("accuracy_ci95_low", new Measurement(0.8731, new double[0], Quantities.ACCURACY_CI95_LOW.info()));
        m.put("accuracy_ci95_high", new Measurement(0.9215, new double[0], Quantities.ACCURACY_CI95_HIGH.info()));
        m.put("energy_per_inference_mj", new Measurement(0.6156, new double[0], Quantities.ENERGY_PER_INFERENCE_MJ.info()));
        List<RunsViewModel.MetricRow> rows = RunsViewModel.rows(m);
        assertThat(rows.get(0).value()).isEqualTo("0.900000 (95 % CI 0.8731–0.9215)");
        assertThat(rows.get(3).value()).as("no interval recorded: the value alone").isEqualTo("0.615600");
    }
}
