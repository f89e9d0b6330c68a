package org.spiketc.gui.runs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.spiketc.analysis.Verdict;
import org.spiketc.analysis.Statistics;
import org.spiketc.gui.UiThread;
import org.spiketc.store.RunKind;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.StoredRun;

/** The run history: filter by text and kind, select a run to see its metrics. */
public final class RunsViewModel {
    /** One metric of the selected run, as the table shows it. */
    public record MetricRow(String name, String value, String samples) {
    }

    /** One metric of a comparison: baseline, current, change and the verdict (the view colours it). */
    public record ComparisonRow(String metric, String baseline, String current, String change, Verdict verdict) {
    }

    private final RunRepository runs;
    private final UiThread threads;
    private final ObservableList<StoredRun> rows = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<StoredRun> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparisonTitle = new ReadOnlyStringWrapper("Select two or more runs and compare");

    public RunsViewModel(RunRepository runs, UiThread threads) {
        this.runs = runs;
        this.threads = threads;
        search.addListener((o, a, b) -> refresh());
        kind.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> loadMetrics(b));
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
     * Compares runs with the earliest of them, one verdict per metric (the seed's thresholds and a
     * significance test on the samples, as {@code stc runs compare} judges); with more than two, each
     * later run against that baseline, one after another in the table.
     */
    public void compare(List<StoredRun> chosen) {
        if (chosen.size() < 2) {
            comparisonTitle.set("Select two or more runs and compare");
            comparison.clear();
            return;
        }
        List<StoredRun> ordered = chosen.stream().sorted(java.util.Comparator.comparing(StoredRun::started)
                .thenComparingLong(StoredRun::id)).toList();
        threads.background().execute(() -> {
            StoredRun base = ordered.get(0);
            Map<String, Measurement> baseline = runs.metrics(base.id());
            List<ComparisonRow> out = new java.util.ArrayList<>();
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
            threads.ui().execute(() -> {
                comparison.setAll(out);
                comparisonTitle.set(title);
            });
        });
    }

    /**
     * Writes a run's result to a file: the seed JSON as stored for {@code .json}, its metrics as CSV
     * (metric, value, samples...) otherwise. Reports the outcome in the status line.
     */
    public void export(StoredRun run, java.nio.file.Path file) {
        threads.background().execute(() -> {
            try {
                if (file.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    runs.result(run.id()).orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no result")).write(file);
                } else {
                    StringBuilder csv = new StringBuilder("metric,value,samples\n");
                    runs.metrics(run.id()).forEach((k, m) -> {
                        csv.append(k).append(',').append(m.failed() ? "" : Double.toString(m.value())).append(',');
                        csv.append(java.util.Arrays.stream(m.samples()).mapToObj(Double::toString)
                                .collect(java.util.stream.Collectors.joining(" "))).append('\n');
                    });
                    java.nio.file.Files.writeString(file, csv);
                }
                threads.ui().execute(() -> status.set("exported run " + run.id() + " to " + file));
            } catch (Exception e) {
                threads.ui().execute(() -> status.set("export failed: " + e.getMessage()));
            }
        });
    }

    private static String value(Measurement m) {
        return m == null ? "-" : m.failed() ? "failed" : String.format(Locale.ROOT, "%.5g", m.value());
    }

    /** Reloads the history with the current filters, newest first. */
    public void refresh() {
        String text = search.get() == null || search.get().isBlank() ? null : search.get().trim();
        RunQuery q = new RunQuery(kind.get(), null, null, null, text, 1000);
        threads.background().execute(() -> {
            try {
                List<StoredRun> found = runs.list(q);
                threads.ui().execute(() -> {
                    rows.setAll(found);
                    status.set(found.size() + (found.size() == 1 ? " run" : " runs"));
                });
            } catch (RuntimeException e) {
                threads.ui().execute(() -> status.set("cannot read the runs: " + e.getMessage()));
            }
        });
    }

    private void loadMetrics(StoredRun run) {
        if (run == null) {
            metrics.clear();
            return;
        }
        threads.background().execute(() -> {
            Map<String, Measurement> m = runs.metrics(run.id());
            List<MetricRow> out = m.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
            threads.ui().execute(() -> metrics.setAll(out));
        });
    }

    static MetricRow row(String name, Measurement m) {
        double[] s = m.samples();
        String samples = s.length == 0 ? "" : String.format(Locale.ROOT, "n=%d, median %.4g, %.4g-%.4g", s.length, Statistics.median(s),
                Statistics.min(s), Statistics.max(s));
        return new MetricRow(name, m.failed() ? "failed" : String.format(Locale.ROOT, "%.6g", m.value()), samples);
    }
}
