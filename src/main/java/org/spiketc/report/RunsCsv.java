package org.spiketc.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.spiketc.analysis.Measurement;

/**
 * Runs as tidy CSV, as pandas and R read it without reshaping: one row per run, its identity (with the
 * user's label and tags) and configuration columns first, then one column per metric; raw samples in a
 * second, long-format table (run, metric, sample index, value). Configuration keys and metric names
 * absent from a run are empty cells.
 */
public final class RunsCsv {
    /**
     * What a row says of one run. {@code configuration} is its stored JSON object, or null; {@code label}
     * the user's label, or null; {@code tags} the user's tags (one cell, space-separated: a tag has no spaces).
     */
    public record Run(long id, String testName, String kind, String status, String started, String model, String hardware,
            String label, List<String> tags, String configuration, Map<String, Measurement> metrics) {
        public Run {
            tags = List.copyOf(tags);
        }
    }

    private static final List<String> IDENTITY = List.of("run_id", "test_name", "kind", "status", "started", "model", "hardware",
            "label", "tags");

    private RunsCsv() {
    }

    /** The wide table: identity, {@code config.*} columns, metric columns. */
    public static void write(List<Run> runs, Writer out) throws IOException {
        TreeSet<String> config = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        for (Run r : runs) {
            config.addAll(configuration(r).keySet());
            metrics.addAll(r.metrics().keySet());
        }
        List<String> header = new ArrayList<>(IDENTITY);
        config.forEach(c -> header.add("config." + c));
        header.addAll(metrics);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Run r : runs) {
                List<Object> row = new ArrayList<>(List.of(r.id(), r.testName(), r.kind(), r.status(), r.started(),
                        nullToEmpty(r.model()), nullToEmpty(r.hardware()), nullToEmpty(r.label()), String.join(" ", r.tags())));
                Map<String, String> c = configuration(r);
                config.forEach(k -> row.add(c.getOrDefault(k, "")));
                for (String m : metrics) {
                    Measurement v = r.metrics().get(m);
                    row.add(v == null || v.failed() ? "" : v.value());
                }
                p.printRecord(row);
            }
        }
    }

    /** The long table of raw samples: run_id, metric, sample, value. */
    public static void writeSamples(List<Run> runs, Writer out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("run_id", "metric", "sample", "value").get())) {
            for (Run r : runs) {
                for (Map.Entry<String, Measurement> m : new TreeMap<>(r.metrics()).entrySet()) {
                    double[] s = m.getValue().samples();
                    for (int i = 0; i < s.length; i++) {
                        p.printRecord(r.id(), m.getKey(), i, s[i]);
                    }
                }
            }
        }
    }

    private static Map<String, String> configuration(Run r) {
        return RunConfiguration.flat(r.configuration());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
