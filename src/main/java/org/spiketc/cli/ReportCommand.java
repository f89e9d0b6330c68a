package org.spiketc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.spiketc.bench.ResultsReport;
import org.spiketc.result.ResultDocument;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stc report}: a self-contained HTML report of the stored runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report of the stored runs: targets, trends, utilisation, hotspots, optimization opportunities.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunsCommand.Db db;

    @Option(names = "--out", defaultValue = "stc-report.html", paramLabel = "FILE.html", description = "Default ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--limit", defaultValue = "500", description = "Newest runs to include (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        RunRepository runs = db.open();
        List<StoredRun> stored = new ArrayList<>(runs.list(new RunQuery(null, null, null, null, null, Math.max(1, limit))));
        stored.sort(Comparator.comparing(StoredRun::started).thenComparingLong(StoredRun::id));
        List<ResultDocument> results = new ArrayList<>();
        for (StoredRun r : stored) {
            runs.result(r.id()).ifPresent(results::add);
        }
        Files.writeString(out, ResultsReport.render(results, db.url == null ? "the default results database" : db.url));
        spec.commandLine().getOut().println("wrote " + out + " (" + results.size() + " results)");
        return ExitCodes.OK;
    }
}
