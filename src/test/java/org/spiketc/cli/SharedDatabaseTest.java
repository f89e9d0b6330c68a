package org.spiketc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spiketc.cli.StcCommandTest.stc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.store.ChildJvm;
import org.spiketc.store.Database;
import org.spiketc.store.DatabaseHolder;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;

/** One database file, two processes: a URL given without AUTO_SERVER is shared all the same; one that turns it off is not. */
class SharedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aRunAndAnImportGoInWhileASecondProcessHoldsTheDatabaseAndNothingIsLost() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("results"); // as a user types it: no AUTO_SERVER
        Path result = dir.resolve("baseline.json");
        Files.writeString(result, """
                {"test_name": "pytorch_baseline", "timestamp": "2026-11-27T01:00:00Z", "metrics": {"accuracy": 0.9},
                 "environment": {"hardware": "host CPU"}}""");
        try (ChildJvm holder = ChildJvm.start(256, List.of(), DatabaseHolder.class, url)) {
            assertThat(holder.awaitOut("holding run 1", 60_000)).as(holder.out() + holder.err()).isTrue();
            var run = stc("run", "--model", "fmnist-spikformer-tiny", "--engine", "emulator", "--samples", "3", "--threads", "1",
                    "--db", url);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("recorded as run 2");
            var imported = stc("runs", "import", result.toString(), "--db", url);
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("imported pytorch_baseline from " + result + " as run 3");
            // the second process sees both, and its own run is still running: this process's opens did not judge it gone
            holder.tell("list");
            assertThat(holder.awaitOut("end", 30_000)).isTrue();
            assertThat(holder.out()).contains("run 1 running held_by_second_process")
                    .contains("run 2 finished inference_fmnist-spikformer-tiny_emulator").contains("run 3 finished pytorch_baseline");
            holder.tell("finish");
            assertThat(holder.waitFor(30_000)).as(holder.err()).isZero();
        }
        try (Database db = Database.open(url)) {
            var runs = new JdbcRunRepository(db);
            assertThat(runs.list(RunQuery.all())).extracting(StoredRun::id, StoredRun::status).containsExactlyInAnyOrder(
                    Tuple.tuple(1L, RunStatus.FINISHED), Tuple.tuple(2L, RunStatus.FINISHED),
                    Tuple.tuple(3L, RunStatus.FINISHED));
            assertThat(runs.metrics(2)).containsKey("energy_per_inference_mj");
            assertThat(runs.series(2, "accuracy_running").size()).isEqualTo(3);
            assertThat(runs.metrics(3)).containsKey("accuracy");
        }
    }

    @Test
    void aUrlThatTurnsSharingOffOpensExclusivelyAndTheSecondProcessIsToldWhy() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("results") + ";AUTO_SERVER=FALSE";
        try (ChildJvm holder = ChildJvm.start(256, List.of(), DatabaseHolder.class, url)) {
            assertThat(holder.awaitOut("holding run 1", 60_000)).as(holder.out() + holder.err()).isTrue();
            var list = stc("runs", "list", "--db", url);
            assertThat(list.code()).isEqualTo(ExitCodes.USER);
            assertThat(list.err().strip()).contains("already in use").contains("AUTO_SERVER=FALSE").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }
}
