package org.spiketc.gui.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spiketc.analysis.Comparison;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.MetricComparison;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.analysis.ParetoFront;
import org.spiketc.analysis.Statistics;
import org.spiketc.analysis.Verdict;
import org.spiketc.common.UserInputException;
import org.spiketc.gui.BackgroundTask;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.ErrorAdvice;
import org.spiketc.result.ResultDocument;
import org.spiketc.report.RunConfiguration;
import org.spiketc.store.RunExport;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunLabels;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.Series;
import org.spiketc.store.StoreException;
import org.spiketc.store.StoredRun;

/**
 * The run history: filter by model, hardware, kind, status, date and text; select a run to see its
 * metrics; compare runs (verdicts, overlaid per-sample charts); see sweeps as accuracy against energy
 * with the Pareto front; export, import and delete.
 */
public final class RunsViewModel {
    /** One metric of the selected run, as the table shows it. */
    public record MetricRow(String name, String value, String samples) {
    }

    /** One metric of a comparison: baseline, current, change and the verdict (the view colours it). */
    public record ComparisonRow(String metric, String baseline, String current, String change, Verdict verdict) {
    }

    /** One run's per-sample values for the overlaid comparison chart. */
    public record Overlay(String run, String metric, double[] x, double[] y) {
    }

    /** A run in the accuracy-against-energy view. */
    public record TradeOff(StoredRun run, double energyMj, double accuracy, boolean onFront) {
    }

    private final RunRepository runs;
    private final ObjectProperty<String> model = new SimpleObjectProperty<>();
    private final ObjectProperty<String> hardware = new SimpleObjectProperty<>();
    private final ObjectProperty<RunStatus> runStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> hardwares = FXCollections.observableArrayList();
    private final ObservableList<Overlay> overlays = FXCollections.observableArrayList();
    private final ObservableList<TradeOff> tradeOffs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper tradeOffTitle = new ReadOnlyStringWrapper("");
    private final BackgroundTasks tasks;
    /** The metrics being read for the selected run; a newer selection cancels it, so only the latest shows. */
    private BackgroundTask<List<MetricRow>> metricsRead;
    private final ObservableList<StoredRun> rows = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<StoredRun> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparisonTitle = new ReadOnlyStringWrapper("Select two or more runs and compare");
    private final ObservableList<String> configurationDifferences = FXCollections.observableArrayList();
    /** The configuration keys whose values differ among the listed runs: what the configuration column shows. */
    private List<String> differingKeys = List.of();

    private final Clock clock;

    /** Days of the date filter begin at midnight in the machine's zone. */
    public RunsViewModel(RunRepository runs, BackgroundTasks tasks) {
        this(runs, tasks, Clock.systemDefaultZone());
    }

    /** {@code clock}'s zone decides where a day begins for the date filter (tests pass a fixed clock). */
    public RunsViewModel(RunRepository runs, BackgroundTasks tasks, Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.clock = clock;
        search.addListener((o, a, b) -> load(null, false));
        kind.addListener((o, a, b) -> load(null, false));
        model.addListener((o, a, b) -> load(null, false));
        hardware.addListener((o, a, b) -> load(null, false));
        runStatus.addListener((o, a, b) -> load(null, false));
        since.addListener((o, a, b) -> load(null, false));
        selected.addListener((o, a, b) -> loadMetrics(b));
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<String> hardwareProperty() {
        return hardware;
    }

    public ObjectProperty<RunStatus> runStatusProperty() {
        return runStatus;
    }

    /** Only runs started on or after this day (in the clock's zone); null for any. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** The models and hardware that stored runs have, for the filter choices. */
    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> hardwares() {
        return hardwares;
    }

    public ObservableList<Overlay> overlays() {
        return overlays;
    }

    public ObservableList<TradeOff> tradeOffs() {
        return tradeOffs;
    }

    public ReadOnlyStringProperty tradeOffTitleProperty() {
        return tradeOffTitle.getReadOnlyProperty();
    }

    public ObservableList<StoredRun> rows() {
        return rows;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<RunKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<StoredRun> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<ComparisonRow> comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty comparisonTitleProperty() {
        return comparisonTitle.getReadOnlyProperty();
    }

    /**
     * What the last comparison's runs were configured differently, one line per setting ({@code #ID key:
     * baseline -> current}), or one line saying they were configured the same.
     */
    public ObservableList<String> configurationDifferences() {
        return configurationDifferences;
    }

    /**
     * A run's configuration as the history's column shows it: the settings that differ among the listed
     * runs ({@code key=value, ...}), all of its own where none differ, empty where none was recorded.
     */
    public String configurationColumn(StoredRun run) {
        return RunConfiguration.summary(RunConfiguration.flat(run.configuration()), differingKeys);
    }

    /** A run's whole configuration, one {@code key = value} a line (the column's tooltip). */
    public static String configurationDetail(StoredRun run) {
        Map<String, String> settings = RunConfiguration.flat(run.configuration());
        if (settings.isEmpty()) {
            return "configuration not recorded";
        }
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + " = " + v));
        return String.join("\n", lines);
    }

    /**
     * Sets a run's label and tags to what the user typed: the label as one line (empty clears it), the tags
     * as words separated by spaces or commas, replacing the run's. Both are checked before either is stored,
     * so bad input changes nothing and ends in the dialog with what is allowed; then the history reloads.
     */
    public void setLabelAndTags(StoredRun run, String label, String tagsText) {
        tasks.task("Cannot label the run", cancel -> {
            RunLabels.label(label);
            Set<String> wanted = new TreeSet<>();
            for (String word : tagsText == null ? new String[0] : tagsText.trim().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    wanted.add(RunLabels.tag(word));
                }
            }
            if (wanted.size() > RunLabels.MAX_TAGS) {
                throw new StoreException("a run carries at most " + RunLabels.MAX_TAGS + " tags: " + wanted.size() + " were given");
            }
            // the tags as stored now, not as the row shows them: another process may have tagged the run since
            Set<String> removed = new TreeSet<>(runs.find(run.id()).map(StoredRun::tags)
                    .orElseThrow(() -> new StoreException("no stored run " + run.id())));
            runs.setLabel(run.id(), label);
            removed.removeAll(wanted);
            runs.changeTags(run.id(), wanted, removed);
            return "labelled run " + run.id();
        }).advice(e -> e instanceof UserInputException ? new ErrorAdvice(e.getMessage(), "Change the label or tags and try again; "
                + "the run is as it was.") : ErrorAdvice.of(e, ErrorAdvice.WORKBENCH_GOES_ON))
                .onSuccess(note -> load(note, false)).onFailure(a -> status.set("labelling failed: " + a.problem())).start();
    }

    /**
     * Compares runs with the earliest of them, one verdict per metric (the seed's thresholds and a
     * significance test on the samples, as {@code stc runs compare} judges); with more than two, each
     * later run against that baseline, one after another in the table.
     */
    public void compare(List<StoredRun> chosen) {
        if (chosen.size() < 2) {
            comparisonTitle.set("Select two or more runs and compare");
            comparison.clear();
            configurationDifferences.clear();
            return;
        }
        List<StoredRun> ordered = chosen.stream().sorted(Comparator.comparing(StoredRun::started)
                .thenComparingLong(StoredRun::id)).toList();
        record Compared(List<ComparisonRow> rows, String title, List<Overlay> lines, List<String> configuration) {
        }
        tasks.task("Comparison failed", cancel -> {
            StoredRun base = ordered.get(0);
            Map<String, Measurement> baseline = runs.metrics(base.id());
            List<ComparisonRow> out = new ArrayList<>();
            boolean regression = false;
            for (StoredRun r : ordered.subList(1, ordered.size())) {
                Comparison c = Comparison.of(baseline, runs.metrics(r.id()), List.of());
                regression |= c.hasRegression();
                for (MetricComparison m : c.metrics()) {
                    String metric = ordered.size() > 2 ? "#" + r.id() + " " + m.metric() : m.metric();
                    out.add(new ComparisonRow(metric, value(m.baseline()), value(m.current()), m.changeText(), m.verdict()));
                }
            }
            String title = "Against baseline #" + base.id() + " (" + base.testName() + ")" + (regression ? ": regression" : "");
            return new Compared(out, title, overlays(ordered), configurationDifferences(ordered));
        }).onSuccess(c -> {
            configurationDifferences.setAll(c.configuration());
            overlays.setAll(c.lines());
            comparison.setAll(c.rows());
            comparisonTitle.set(c.title());
        }).start();
    }

    /** Each later run's settings that differ from the baseline's (the first), as {@code stc runs compare} prints them. */
    private static List<String> configurationDifferences(List<StoredRun> ordered) {
        Map<String, String> baseline = RunConfiguration.flat(ordered.get(0).configuration());
        List<String> out = new ArrayList<>();
        for (StoredRun r : ordered.subList(1, ordered.size())) {
            RunConfiguration.compare(baseline, RunConfiguration.flat(r.configuration()), true)
                    .forEach(d -> out.add("#" + r.id() + " " + d.text()));
        }
        return out.isEmpty() ? List.of("Same configuration as baseline #" + ordered.get(0).id()) : out;
    }

    /**
     * The per-sample values of each run for the overlaid chart: the stored per-inference series (energy
     * and latency) where runs have them, else the raw samples of the first metric every run measured.
     */
    private List<Overlay> overlays(List<StoredRun> chosen) {
        List<Overlay> out = new ArrayList<>();
        for (String series : List.of("energy_per_inference_mj", "inference_latency_ms")) {
            for (StoredRun r : chosen) {
                Series s = runs.series(r.id(), series);
                if (s.size() > 0) {
                    out.add(new Overlay("#" + r.id() + " " + r.testName(), series, s.x(), s.y()));
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        List<Map<String, Measurement>> all = chosen.stream().map(r -> runs.metrics(r.id())).toList();
        String common = all.get(0).entrySet().stream().filter(e -> e.getValue().samples().length > 1).map(Map.Entry::getKey)
                .filter(k -> all.stream().allMatch(m -> m.containsKey(k) && m.get(k).samples().length > 1)).findFirst().orElse(null);
        if (common == null) {
            return out;
        }
        for (int i = 0; i < chosen.size(); i++) {
            double[] y = all.get(i).get(common).samples();
            double[] x = IntStream.range(0, y.length).asDoubleStream().toArray();
            out.add(new Overlay("#" + chosen.get(i).id() + " " + chosen.get(i).testName(), common, x, y));
        }
        return out;
    }

    /**
     * Accuracy against energy per inference of inference runs (the chosen ones, or with fewer than two
     * chosen every finished inference run shown in the history), with the Pareto front marked.
     */
    public void tradeOff(List<StoredRun> chosen) {
        List<StoredRun> candidates = (chosen.size() >= 2 ? chosen : List.copyOf(rows)).stream()
                .filter(r -> r.kind() == RunKind.INFERENCE && r.status() == RunStatus.FINISHED).toList();
        record Shown(List<TradeOff> points, String title) {
        }
        tasks.task("Trade-off view failed", cancel -> {
            List<ParetoFront.Point> points = new ArrayList<>();
            Map<Long, StoredRun> byId = new HashMap<>();
            for (StoredRun r : candidates) {
                Map<String, Measurement> m = runs.metrics(r.id());
                if (m.containsKey("accuracy") && m.containsKey("energy_per_inference_mj")) {
                    points.add(new ParetoFront.Point(r.id(), r.testName(), m.get("energy_per_inference_mj").value(),
                            m.get("accuracy").value()));
                    byId.put(r.id(), r);
                }
            }
            Set<Long> front = new HashSet<>();
            ParetoFront.of(points).forEach(p -> front.add(p.id()));
            List<TradeOff> out = points.stream().map(p -> new TradeOff(byId.get(p.id()), p.energy(), p.accuracy(),
                    front.contains(p.id()))).toList();
            String title = out.isEmpty() ? "No finished inference runs with accuracy and energy: run a sweep from Setup"
                    : out.size() + " inference runs, " + front.size() + " on the Pareto front (less energy, more accuracy)";
            return new Shown(out, title);
        }).onSuccess(t -> {
            tradeOffs.setAll(t.points());
            tradeOffTitle.set(t.title());
        }).start();
    }

    /**
     * Stores result files (seed JSON, for example the PyTorch baseline's). Every file is read and checked
     * first; a corrupt one stops the import with a dialog and nothing is stored.
     */
    public void importFiles(List<Path> files) {
        tasks.task("Import failed", cancel -> {
            List<ResultDocument> docs = new ArrayList<>();
            for (Path f : files) {
                docs.addAll(ResultDocument.readAll(f));
            }
            List<Long> ids = runs.importResults(docs); // one transaction: all or none
            return "imported " + ids.size() + (ids.size() == 1 ? " result" : " results") + " as run(s) " + ids;
        }).onSuccess(note -> load(note, true)).onFailure(a -> status.set("import failed: " + a.problem())).start();
    }

    /** Deletes runs and everything stored with them. */
    public void delete(List<StoredRun> chosen) {
        tasks.task("Delete failed", cancel -> {
            chosen.forEach(r -> runs.delete(r.id()));
            return chosen.size();
        }).onSuccess(n -> refresh()).onFailure(a -> refresh()).start(); // what was deleted before the failure is gone
    }

    /**
     * Writes a run's result to a file: the seed JSON as stored for {@code .json}, otherwise a tidy CSV row
     * (identity, configuration, metrics) with its raw samples beside it in NAME-samples.csv, as {@code stc runs export} does. Reports the outcome in the status line.
     */
    public void export(StoredRun run, Path file) {
        tasks.task("Export failed", cancel -> {
            if (file.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                runs.result(run.id()).orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no result")).write(file);
            } else {
                RunExport.writeCsv(runs, List.of(run.id()), file);
            }
            return file;
        }).advice(e -> new ErrorAdvice("Cannot write " + file + ": " + e.getMessage(),
                "Choose a folder you can write to; the stored run is unchanged."))
                .onSuccess(f -> status.set("exported run " + run.id() + " to " + f))
                .onFailure(a -> status.set("export failed: " + a.problem())).start();
    }

    private static String value(Measurement m) {
        return m == null ? "-" : m.failed() ? "failed" : String.format(Locale.ROOT, "%.5g", m.value());
    }

    /** Reloads the history with the current filters, newest first, and the models and hardware to filter by. */
    public void refresh() {
        load(null, true);
    }

    /**
     * Reloads the rows, then shows {@code note} (what just happened) before the count in the status line.
     * The filter choices are read again only when runs may have been added or removed, not per keystroke.
     */
    private void load(String note, boolean choices) {
        String text = search.get() == null || search.get().isBlank() ? null : search.get().trim();
        RunQuery q = new RunQuery(kind.get(), model.get(), hardware.get(), runStatus.get(), text, 1000);
        Instant from = since.get() == null ? null : since.get().atStartOfDay(clock.getZone()).toInstant();
        record Loaded(List<StoredRun> found, List<String> models, List<String> hardwares) {
        }
        tasks.task("Cannot read the runs", cancel -> {
            List<StoredRun> found = runs.list(q).stream().filter(r -> from == null || !r.started().isBefore(from)).toList();
            List<StoredRun> every = choices ? runs.list(RunQuery.all()) : List.of();
            List<String> m = every.stream().map(StoredRun::model).filter(Objects::nonNull).distinct().sorted().toList();
            List<String> h = every.stream().map(StoredRun::hardware).filter(Objects::nonNull).distinct().sorted().toList();
            return new Loaded(found, m, h);
        }).onSuccess(l -> {
            if (choices && !l.models().equals(models)) {
                models.setAll(l.models());
            }
            if (choices && !l.hardwares().equals(hardwares)) {
                hardwares.setAll(l.hardwares());
            }
            // before the rows, so that their configuration cells show the keys that tell these rows apart
            differingKeys = RunConfiguration.differingKeys(l.found().stream().map(r -> RunConfiguration.flat(r.configuration())).toList());
            rows.setAll(l.found());
            String count = l.found().size() + (l.found().size() == 1 ? " run" : " runs");
            status.set(note == null ? count : note + "; " + count);
        }).onFailure(a -> status.set("cannot read the runs: " + a.problem())).start();
    }

    private void loadMetrics(StoredRun run) {
        if (metricsRead != null) {
            metricsRead.cancel(); // a slower read for the previous selection must not overwrite this one
        }
        if (run == null) {
            metricsRead = null;
            metrics.clear();
            return;
        }
        metricsRead = tasks.task("Cannot read the run's metrics", cancel -> rows(runs.metrics(run.id()))).onSuccess(metrics::setAll).start();
    }

    /** The table's rows; a figure the result records an interval for (accuracy) shows it beside its value. */
    static List<MetricRow> rows(Map<String, Measurement> all) {
        return all.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), all)).toList();
    }

    static MetricRow row(String name, Measurement m, Map<String, Measurement> all) {
        double[] s = m.samples();
        String samples = s.length == 0 ? "" : String.format(Locale.ROOT, "n=%d, median %.4g, %.4g-%.4g", s.length, Statistics.median(s),
                Statistics.min(s), Statistics.max(s));
        String value = m.failed() ? "failed" : String.format(Locale.ROOT, "%.6g", m.value())
                + ProportionInterval.recorded(all, name).map(b -> String.format(Locale.ROOT, " (95 %% CI %.4g–%.4g)", b.low(), b.high()))
                        .orElse("");
        return new MetricRow(name, value, samples);
    }
}
