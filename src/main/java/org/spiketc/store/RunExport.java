package org.spiketc.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spiketc.report.RunsCsv;

/** Stored runs written as tidy CSV ({@link RunsCsv}), the one way the command line and the workbench export tables. */
public final class RunExport {
    private RunExport() {
    }

    /** Writes {@code csv} (one row per run) and, beside it, NAME-samples.csv (the raw samples); returns the latter. */
    public static Path writeCsv(RunRepository runs, List<Long> ids, Path csv) throws IOException {
        List<RunsCsv.Run> rows = new ArrayList<>();
        for (long id : ids) {
            StoredRun r = runs.find(id).orElseThrow(() -> new StoreException("no stored run " + id));
            rows.add(new RunsCsv.Run(id, r.testName(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT),
                    r.started().toString(), r.model(), r.hardware(), r.label(), r.tags(), r.configuration(), runs.metrics(id)));
        }
        Path samples = csv.resolveSibling(csv.getFileName().toString().replaceFirst("(?i)\\.csv$", "") + "-samples.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            RunsCsv.write(rows, w);
        }
        try (Writer w = Files.newBufferedWriter(samples)) {
            RunsCsv.writeSamples(rows, w);
        }
        return samples;
    }
}
