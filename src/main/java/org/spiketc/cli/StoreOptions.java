package org.spiketc.cli;

import java.io.PrintWriter;
import org.spiketc.result.HostInfo;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.Version;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.NewRun;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import picocli.CommandLine.Option;

/** {@code --db} and {@code --no-store}: where a command records its run, shared by every command that does. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "Results database as a JDBC URL (default: an H2 file in ~/.stc, shared with the workbench).")
    String url;

    @Option(names = "--no-store", description = "Do not record this run in the results database.")
    boolean noStore;

    String url() {
        return url != null ? url : Database.defaultUrl();
    }

    private RunRepository opened;

    /** The database, opened (and migrated) once per command. */
    RunRepository open() {
        if (opened == null) {
            opened = new JdbcRunRepository(Database.open(url()));
        }
        return opened;
    }

    /** Starts recording a run; a no-op with {@code --no-store}. */
    Recording begin(RunKind kind, String testName, String model, String hardware, String configuration) {
        if (noStore) {
            return new Recording(null, 0, url());
        }
        RunRepository runs = open();
        long id = runs.begin(new NewRun(kind, testName, model, hardware, configuration, Version.get(), HostInfo.detect().summary()));
        return new Recording(runs, id, url());
    }

    /** A run being recorded: finish it once, with what it produced. */
    static final class Recording {
        private final RunRepository runs;
        private final long id;
        private final String url;
        private boolean done;

        private Recording(RunRepository runs, long id, String url) {
            this.runs = runs;
            this.id = id;
            this.url = url;
        }

        RunRepository repository() {
            return runs;
        }

        long id() {
            return id;
        }

        boolean active() {
            return runs != null;
        }

        void finish(RunStatus status, ResultDocument result, PrintWriter out) {
            if (runs == null || done) {
                return;
            }
            done = true;
            runs.finish(id, status, result);
            if (out != null) {
                out.println("recorded as run " + id + " in " + url + " (stc runs show " + id + ")");
            }
        }

        /** Marks the run failed if nothing finished it (an exception is on its way out). */
        void failIfOpen() {
            if (runs != null && !done) {
                done = true;
                runs.finish(id, RunStatus.FAILED, null);
            }
        }
    }
}
