package org.spiketc.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.spiketc.result.RunKind;

/**
 * A second process holding a results database open with a run under way, for tests: opens the URL given,
 * begins a run, prints {@code holding run N}, then answers lines on standard input: {@code list} prints
 * every stored run as {@code run ID STATUS TEST_NAME} and then {@code end}; {@code finish} finishes its
 * run and exits.
 */
public final class DatabaseHolder {
    private DatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        Database db;
        try {
            db = Database.open(args[0]);
        } catch (StoreException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunRepository runs = new JdbcRunRepository(db);
        long id = runs.begin(new NewRun(RunKind.INFERENCE, "held_by_second_process", "m", "h", "{}", "test", "second process"));
        System.out.println("holding run " + id);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("list")) {
                for (StoredRun r : runs.list(RunQuery.all())) {
                    System.out.println("run " + r.id() + " " + r.status().name().toLowerCase(Locale.ROOT) + " " + r.testName());
                }
                System.out.println("end");
            } else if (line.equals("finish")) {
                runs.finish(id, RunStatus.FINISHED, null);
                System.out.println("finished run " + id);
                db.close();
                return;
            }
        }
    }
}
