package org.spiketc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.spiketc.analysis.Comparison;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.MetricComparison;
import org.spiketc.analysis.Statistics;
import org.spiketc.common.UserInputException;
import org.spiketc.result.ResultDocument;
import org.spiketc.report.RunConfiguration;
import org.spiketc.store.RunExport;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stc runs}: the stored runs of the command line and the workbench. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, compare, label, tag, export, import and delete stored runs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Compare.class, RunsLabelCommand.class,
                RunsTagCommand.class, RunsCommand.Export.class, RunsCommand.Import.class, RunsCommand.Delete.class})
final class RunsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** The database options every subcommand takes (only --db matters here). */
    static final class Db {
        @Option(names = "--db", paramLabel = "URL", description = "Results database as a JDBC URL (default: the H2 file in ~/.stc).")
        String url;

        RunRepository open() {
            StoreOptions s = new StoreOptions();
            s.url = url;
            return s.open();
        }
    }

    static StoredRun require(RunRepository runs, long id) {
        return runs.find(id).orElseThrow(() -> new UserInputException("no stored run " + id + " (see stc runs list)"));
    }

    /** A run's tags as listed: space-separated in brackets, or "-". */
    static String tagsText(List<String> tags) {
        return tags.isEmpty() ? "-" : "[" + String.join(" ", tags) + "]";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One stored run per line, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Option(names = "--kind", description = "compile, inference, benchmark or imported.")
        RunKind kind;
        @Option(names = "--model", description = "Only runs of this model.")
        String model;
        @Option(names = "--hardware", description = "Only runs whose hardware contains this text.")
        String hardware;
        @Option(names = "--status", description = "running, finished, failed, cancelled or interrupted.")
        RunStatus status;
        @Option(names = "--search", paramLabel = "TEXT", description = "Test name, model, hardware, label or a tag containing TEXT.")
        String search;
        @Option(names = "--tag", paramLabel = "TAG", description = "Only runs tagged TAG (see stc runs tag).")
        String tag;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--wide", description = "Print each run's configuration whole (by default cut at "
                + ConfigurationText.COLUMN + " characters).")
        boolean wide;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunQuery query = new RunQuery(kind, model, hardware, status, search, tag, Math.max(1, limit));
            List<StoredRun> runs = db.open().list(query);
            // The settings that tell the listed runs apart, which is why they are listed side by side.
            List<Map<String, String>> settings = runs.stream().<Map<String, String>>map(r -> RunConfiguration.flat(r.configuration())).toList();
            List<String> differing = RunConfiguration.differingKeys(settings);
            for (int i = 0; i < runs.size(); i++) {
                StoredRun r = runs.get(i);
                out.printf(Locale.ROOT, "%6d  %s  %-9s %-11s %-48s %-24s %-26s %s  %s%s%n", r.id(), WHEN.format(r.started()),
                        r.kind().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT), r.testName(),
                        Objects.toString(r.model(), "-"), Objects.toString(r.hardware(), "-"),
                        ConfigurationText.column(settings.get(i), differing, wide), tagsText(r.tags()),
                        r.label() == null ? "" : "  \"" + r.label() + "\"");
            }
            if (runs.isEmpty()) {
                out.println("no stored runs match");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A stored run: header, metrics with their samples, series.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunRepository runs = db.open();
            StoredRun r = require(runs, id);
            out.printf(Locale.ROOT, "run %d: %s%n", r.id(), r.testName());
            out.printf(Locale.ROOT, "  kind %s, status %s, model %s, hardware %s%n", r.kind().name().toLowerCase(Locale.ROOT),
                    r.status().name().toLowerCase(Locale.ROOT), Objects.toString(r.model(), "-"), Objects.toString(r.hardware(), "-"));
            out.printf(Locale.ROOT, "  started %s, finished %s, stc %s, host %s%n", WHEN.format(r.started()),
                    r.finished() == null ? "-" : WHEN.format(r.finished()), Objects.toString(r.softwareVersion(), "-"),
                    Objects.toString(r.host(), "-"));
            out.println("  label: " + Objects.toString(r.label(), "-"));
            out.println("  tags: " + (r.tags().isEmpty() ? "-" : String.join(" ", r.tags())));
            ConfigurationText.full(out, RunConfiguration.flat(r.configuration()));
            Map<String, Measurement> metrics = runs.metrics(id);
            if (!metrics.isEmpty()) {
                out.printf(Locale.ROOT, "  %-40s %16s   %s%n", "metric", "value", "samples: n, median, min-max, spread (IQR)");
            }
            for (Map.Entry<String, Measurement> e : metrics.entrySet()) {
                Measurement m = e.getValue();
                double[] s = m.samples();
                String samples = s.length == 0 ? "" : String.format(Locale.ROOT, "%d, %.6g, %.6g-%.6g, %.3g", s.length, Statistics.median(s),
                        Statistics.min(s), Statistics.max(s), Statistics.spread(s));
                out.printf(Locale.ROOT, "  %-40s %16s   %s%n", e.getKey(), m.failed() ? "failed" : String.format(Locale.ROOT, "%.6g", m.value()),
                        samples);
            }
            List<String> series = runs.seriesNames(id);
            if (!series.isEmpty()) {
                out.println("  series: " + String.join(", ", series));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare runs with the first (the baseline): one verdict per metric; exit status 3 on a regression.")
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(paramLabel = "RUN", arity = "2..*", description = "Stored run ids or result JSON files; the first is the baseline.")
        List<String> runs;
        @Option(names = "--all-config", description = "Print every configuration key, not only those that differ from the baseline's.")
        boolean allConfig;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunRepository repo = runs.stream().allMatch(Compare::isFile) ? null : db.open();
            Loaded base = load(repo, runs.get(0));
            boolean regression = false;
            for (String other : runs.subList(1, runs.size())) {
                Loaded cur = load(repo, other);
                List<String> warnings = new ArrayList<>();
                if (base.host != null && cur.host != null && !base.host.equals(cur.host)) {
                    warnings.add("the runs come from different machines (" + base.host + " / " + cur.host + "): times compare loosely");
                }
                if (base.schema != cur.schema) {
                    warnings.add("result schema versions differ (" + base.schema + " / " + cur.schema + ")");
                }
                Comparison c = Comparison.of(base.metrics, cur.metrics, warnings);
                out.printf(Locale.ROOT, "%s  vs  baseline %s%n", cur.label, base.label);
                for (String w : c.warnings()) {
                    out.println("  warning: " + w);
                }
                ConfigurationText.differences(out, base.configuration, cur.configuration, allConfig);
                out.printf(Locale.ROOT, "  %-40s %14s %14s %9s  %s%n", "metric", "baseline", "current", "change", "verdict");
                for (MetricComparison m : c.metrics()) {
                    out.printf(Locale.ROOT, "  %-40s %14s %14s %9s  %s%n", m.metric(), value(m.baseline()), value(m.current()),
                            m.changeText(), m.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
                regression |= c.hasRegression();
            }
            if (regression) {
                out.println("regression: see the rows marked worse or new failure");
            }
            return regression ? ExitCodes.REGRESSION : ExitCodes.OK;
        }

        private record Loaded(String label, Map<String, Measurement> metrics, String host, int schema, Map<String, String> configuration) {
        }

        private static boolean isFile(String s) {
            return !s.chars().allMatch(Character::isDigit);
        }

        private static Loaded load(RunRepository repo, String ref) {
            if (isFile(ref)) {
                Path p = Path.of(ref);
                if (!Files.isRegularFile(p)) {
                    throw new UserInputException(ref + " is neither a stored run id nor a result file");
                }
                ResultDocument d = ResultDocument.read(p);
                return new Loaded(ref, d.measurements(), d.environment().path("host").toString(), d.schemaVersion(),
                        RunConfiguration.flat(d.json().path("configuration")));
            }
            long id = Long.parseLong(ref);
            StoredRun r = require(repo, id);
            int schema = repo.result(id).map(ResultDocument::schemaVersion).orElse(ResultDocument.SCHEMA_VERSION);
            String named = r.label() == null ? r.testName() : r.testName() + ", \"" + r.label() + "\"";
            return new Loaded("run " + id + " (" + named + ")", repo.metrics(id), r.host(), schema, RunConfiguration.flat(r.configuration()));
        }

        private static String value(Measurement m) {
            if (m == null) {
                return "-";
            }
            return m.failed() ? "failed" : String.format(Locale.ROOT, "%.5g", m.value());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
            "Write stored runs to files, in the format the name says:",
            "  FILE.json  one run's result (seed JSON);",
            "  FILE.csv   one row per run (identity, config.* columns, metrics) and FILE-samples.csv with the raw samples;",
            "  DIR/       one run-ID_TESTNAME.json per run (an existing folder, or a name ending in /)."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;
        /** Text, not a Path: a Path forgets the trailing "/" that asks for a folder. */
        @Option(names = "--out", required = true, paramLabel = "FILE")
        String outName;

        @Override
        public Integer call() throws Exception {
            Path out = Path.of(outName);
            RunRepository runs = db.open();
            for (long id : ids) {
                require(runs, id);
            }
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            var printed = spec.commandLine().getOut();
            if (Files.isDirectory(out) || outName.endsWith("/")) {
                Files.createDirectories(out);
                for (long id : ids) {
                    ResultDocument d = result(runs, id);
                    Path file = out.resolve("run-" + id + "_" + d.testName().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
                    d.write(file);
                    printed.println("wrote " + file);
                }
            } else if (name.endsWith(".csv")) {
                Path samples = RunExport.writeCsv(runs, ids, out);
                printed.println("wrote " + out + " (" + ids.size() + " runs) and " + samples + " (raw samples)");
            } else if (name.endsWith(".json")) {
                if (ids.size() > 1) {
                    throw new UserInputException("a .json file holds one run; give a folder (DIR/) or a .csv file for " + ids.size() + " runs");
                }
                result(runs, ids.get(0)).write(out);
                printed.println("wrote " + out);
            } else {
                throw new UserInputException("--out " + out + ": name a .json or .csv file, or a folder ending in /");
            }
            return ExitCodes.OK;
        }

        private static ResultDocument result(RunRepository runs, long id) {
            return runs.result(id).orElseThrow(() -> new UserInputException("run " + id + " has no result (it did not finish)"));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Store result files (seed JSON, e.g. the PyTorch baseline's); all are checked before any is stored.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            // Every file is read and checked completely (lengths, timestamps, finite numbers: what the
            // database would refuse) before anything is stored; then all go in one transaction.
            List<ResultDocument> docs = new ArrayList<>();
            for (Path f : files) {
                docs.addAll(ResultDocument.readAll(f));
            }
            List<Long> ids = db.open().importResults(docs);
            for (int i = 0; i < docs.size(); i++) {
                spec.commandLine().getOut().println("imported " + docs.get(i).testName() + " from " + docs.get(i).origin()
                        + " as run " + ids.get(i));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete stored runs and everything recorded with them.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<Long> ids;

        @Override
        public Integer call() {
            RunRepository runs = db.open();
            for (long id : ids) {
                if (!runs.delete(id)) {
                    throw new UserInputException("no stored run " + id + " (see stc runs list)");
                }
                spec.commandLine().getOut().println("deleted run " + id);
            }
            return ExitCodes.OK;
        }
    }
}
