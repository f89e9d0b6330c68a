package org.spiketc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.app.Launcher;
import org.spiketc.store.ChildJvm;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;

/**
 * kill -9 at seeded random moments of {@code stc run}: after each kill the database opens, no finished
 * run is lost or changed, and the killed run, if it had been recorded, shows as interrupted. Slow (a JVM
 * per kill): run with {@code -Dtest.groups=crash -Dexcluded.test.groups=none}, as CI does. The seed and
 * the number of kills can be set with {@code -Dstc.crash.seed=N -Dstc.crash.kills=N}.
 */
@Tag("slow")
@Tag("crash")
class CrashCampaignTest {
    static final int SAMPLES = 100;
    /** Each child JVM's heap: two cores and little memory in CI. */
    static final int HEAP_MB = 384;

    @TempDir
    Path dir;

    /** Where a run was when it was killed, read from what it had printed and what the database holds. */
    enum Phase { STARTUP, COMPILATION, RUNNING, STORING, FINISHED_BEFORE_KILL }

    /** What a finished run holds, to check later that it is all still there. */
    record Kept(int metrics, int accuracyPoints, String testName) {
    }

    @Test
    void killedRunsAreInterruptedAndFinishedOnesStayWhole() throws Exception {
        long seed = Long.getLong("stc.crash.seed", 20261127L);
        int kills = Integer.getInteger("stc.crash.kills", 24);
        Random random = new Random(seed);
        String url = "jdbc:h2:file:" + dir.resolve("results"); // no AUTO_SERVER: shared all the same
        Map<Long, Kept> finished = new LinkedHashMap<>();
        Map<Phase, Integer> phases = new TreeMap<>();
        List<String> log = new ArrayList<>();
        int interrupted = 0;
        int notRecorded = 0;
        int finishedAtKill = 0;

        // Runs to the end, for finished runs to keep and for the moments a run's phases begin (the second,
        // with the files cached as they are for the runs that follow).
        completeRun(url, finished);
        long[] marks = completeRun(url, finished);
        long progressAt = marks[0];
        long printedAt = marks[1];
        long exitAt = marks[2];
        for (int k = 0; k < kills; k++) {
            // Moments anywhere in a run's life or aimed at its phases (the storing window is short); used by one
            // kill in three, the others aim after the run is recorded (below).
            long planned = switch (k % 6) {
                // compiling ends where progress begins; it takes up to about the last 45% before that (measured)
                case 1 -> (long) (progressAt * (0.55 + 0.45 * random.nextDouble()));
                case 3 -> progressAt + (long) (random.nextDouble() * Math.max(1, printedAt - progressAt));
                case 5 -> printedAt + (long) (random.nextDouble() * Math.max(1, exitAt - printedAt));
                default -> (long) (random.nextDouble() * exitAt * 1.05);
            };
            Map<Long, StoredRun> before = snapshot(url);
            String out;
            String err;
            long at;
            try (ChildJvm child = start(url)) {
                long t0 = System.nanoTime();
                if (k % 3 == 0) {
                    Thread.sleep(planned);
                } else {
                    // Two kills in three once the run shows progress (it was recorded before compiling), at a moment
                    // anywhere in what is left of it: the JVM's start takes much of a short run's life, and a kill
                    // there finds nothing to judge. (Polling the database instead would open it and disturb the run.)
                    while (child.alive() && !child.err().contains("%")) {
                        Thread.sleep(5);
                    }
                    Thread.sleep((long) (random.nextDouble() * (exitAt - progressAt) * 1.1));
                }
                child.kill(); // SIGKILL, wherever it is (a run that has ended already is left as it ended)
                at = (System.nanoTime() - t0) / 1_000_000;
                out = child.out();
                err = child.err();
            }
            // The database opens; whatever it held finished is there as it was.
            Map<Long, StoredRun> after;
            try (Database db = Database.open(url)) {
                JdbcRunRepository runs = new JdbcRunRepository(db);
                after = new HashMap<>();
                for (StoredRun r : runs.list(new RunQuery(null, null, null, null, null, 10_000))) {
                    after.put(r.id(), r);
                }
                for (Map.Entry<Long, Kept> f : finished.entrySet()) {
                    StoredRun r = after.get(f.getKey());
                    assertThat(r).as("finished run " + f.getKey() + " after kill " + k).isNotNull();
                    assertThat(r.status()).as("run " + f.getKey()).isEqualTo(RunStatus.FINISHED);
                    assertThat(runs.metrics(r.id())).as("run " + f.getKey() + "'s metrics").hasSize(f.getValue().metrics());
                    assertThat(runs.series(r.id(), "accuracy_running").size()).isEqualTo(f.getValue().accuracyPoints());
                    assertThat(runs.result(r.id()).orElseThrow().testName()).isEqualTo(f.getValue().testName());
                }
                List<StoredRun> added = after.values().stream().filter(r -> !before.containsKey(r.id())).toList();
                assertThat(added).as("kill " + k + ": one run per process at most").hasSizeLessThanOrEqualTo(1);
                Phase phase;
                if (added.isEmpty()) {
                    phase = Phase.STARTUP;
                    notRecorded++;
                    assertThat(out).as("kill %d: not recorded, so not finished", k).doesNotContain("recorded as run");
                } else {
                    StoredRun r = added.get(0);
                    if (r.status() == RunStatus.FINISHED) {
                        // killed after its result was committed: a finished run like any other from now on
                        assertThat(out).as("kill %d: finished only after evaluating", k).contains("Model ");
                        phase = out.contains("recorded as run") ? Phase.FINISHED_BEFORE_KILL : Phase.STORING;
                        finished.put(r.id(), kept(runs, r));
                        finishedAtKill++;
                    } else {
                        assertThat(r.status()).as("kill %d at %d ms: the killed run %d", k, at, r.id()).isEqualTo(RunStatus.INTERRUPTED);
                        assertThat(out).doesNotContain("recorded as run");
                        interrupted++;
                        phase = out.contains("Model ") ? Phase.STORING : err.contains("%") ? Phase.RUNNING : Phase.COMPILATION;
                    }
                }
                phases.merge(phase, 1, Integer::sum);
                log.add(String.format(Locale.ROOT, "kill %2d at %5d ms: %s", k, at, phase.name().toLowerCase(Locale.ROOT)));
            }
            if (k == kills / 2) {
                completeRun(url, finished); // another finished run, between the kills
            }
        }
        String summary = String.format(Locale.ROOT, "crash campaign (seed %d): %d kills of stc run (%d samples; run %d ms, progress from %d ms,"
                + " results from %d ms); by phase %s; %d killed runs found interrupted, %d killed before being recorded,"
                + " %d had finished; %d finished runs kept, 0 lost", seed, kills, SAMPLES, exitAt, progressAt, printedAt, phases,
                interrupted, notRecorded, finishedAtKill, finished.size());
        System.out.println(String.join(System.lineSeparator(), log));
        System.out.println(summary);
        Files.writeString(Path.of("target", "crash-campaign.txt"), String.join("\n", log) + "\n" + summary + "\n");
        assertThat(kills).isGreaterThanOrEqualTo(20);
        assertThat(interrupted + notRecorded + finishedAtKill).isEqualTo(kills);
        // Which phases the kills hit depends on the machine's speed (reported above, not asserted); that
        // some killed run had been recorded is what gives the campaign its power.
        assertThat(interrupted).as("some kill hit a recorded run").isPositive();
    }

    private ChildJvm start(String url) throws Exception {
        return ChildJvm.start(HEAP_MB, List.of(), Launcher.class, "run", "--model", "fmnist-spikformer-tiny", "--engine", "emulator",
                "--samples", String.valueOf(SAMPLES), "--threads", "1", "--db", url);
    }

    /** Runs stc run to the end; returns the moments (ms) of its first progress, its results and its exit. */
    private long[] completeRun(String url, Map<Long, Kept> finished) throws Exception {
        long[] marks = new long[3];
        try (ChildJvm child = start(url)) {
            long t0 = System.nanoTime();
            while (!child.err().contains("%")) {
                assertThat(child.alive()).as(child.err()).isTrue();
                Thread.sleep(5);
            }
            marks[0] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(child.awaitOut("Model ", 120_000)).as(child.err()).isTrue();
            marks[1] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(child.waitFor(120_000)).as(child.err()).isZero();
            marks[2] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(child.out()).contains("recorded as run");
        }
        try (Database db = Database.open(url)) {
            JdbcRunRepository runs = new JdbcRunRepository(db);
            for (StoredRun r : runs.list(new RunQuery(null, null, null, RunStatus.FINISHED, null, 10_000))) {
                finished.putIfAbsent(r.id(), kept(runs, r));
            }
        }
        return marks;
    }

    private static Kept kept(JdbcRunRepository runs, StoredRun r) {
        Kept k = new Kept(runs.metrics(r.id()).size(), runs.series(r.id(), "accuracy_running").size(), r.testName());
        assertThat(k.metrics()).as("a finished run has its metrics").isPositive();
        return k;
    }

    private static Map<Long, StoredRun> snapshot(String url) {
        try (Database db = Database.open(url)) {
            Map<Long, StoredRun> m = new HashMap<>();
            new JdbcRunRepository(db).list(new RunQuery(null, null, null, null, null, 10_000)).forEach(r -> m.put(r.id(), r));
            return m;
        }
    }
}
