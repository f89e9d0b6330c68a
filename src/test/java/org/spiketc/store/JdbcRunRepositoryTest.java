package org.spiketc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.report.ResultDocument;

/** The results store on a fresh in-memory database per test. */
class JdbcRunRepositoryTest {
    Database db;
    RunRepository runs;

    @BeforeEach
    void freshDatabase() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runs = new JdbcRunRepository(db);
    }

    static ResultDocument result(String name, double ms, double... samples) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("test_name", name);
        d.put("timestamp", "2026-11-27T01:00:00Z");
        d.put("schema_version", 1);
        d.putObject("metrics").put("compilation_time_ms", ms).put("accuracy", 0.9);
        d.putObject("environment").put("hardware", "Intel Loihi 2").put("model", "fmnist-spikformer-tiny");
        ResultDocument.putSamples(d, "compilation_time_ms", samples);
        d.putArray("passes").addObject().put("id", "fold-batch-norm").put("wall_ms", 1.5).put("cpu_ms", 1.2).put("allocated_bytes", 1024);
        d.putArray("layers").addObject().put("engine", "emulator").put("name", "head").put("spikes_per_inference", 3);
        return ResultDocument.of(d);
    }

    static NewRun compileRun() {
        return new NewRun(RunKind.COMPILE, "compile_x", "fmnist-spikformer-tiny", "loihi2", "{}", "0.1", "test host");
    }

    @Test
    void aRunIsRunningUntilFinishedAndKeepsItsMetricsAndSamples() {
        long id = runs.begin(compileRun());
        assertThat(runs.find(id)).get().extracting(StoredRun::status).isEqualTo(RunStatus.RUNNING);
        runs.finish(id, RunStatus.FINISHED, result("compile_x", 12.5, 12, 12.5, 13));
        StoredRun r = runs.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.finished()).isNotNull();
        assertThat(runs.metrics(id).get("compilation_time_ms").samples()).containsExactly(12, 12.5, 13);
        assertThat(runs.result(id).orElseThrow().testName()).isEqualTo("compile_x");
    }

    @Test
    void aRunLeftRunningByAProcessThatIsGoneIsMarkedInterruptedAtTheNextOpen() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        RunRepository first = new JdbcRunRepository(Database.open(url));
        long mine = first.begin(compileRun());
        long gone = first.begin(compileRun());
        try (var c = Database.open(url).connect(); var s = c.prepareStatement("UPDATE run SET owner_pid = ? WHERE id = ?")) {
            s.setLong(1, Long.MAX_VALUE); // no such process
            s.setLong(2, gone);
            s.executeUpdate();
        }
        RunRepository next = new JdbcRunRepository(Database.open(url));
        assertThat(next.find(gone).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(next.find(mine).orElseThrow().status()).as("this process is alive").isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void importIsOneTransactionSoAFailureAddsNothing() {
        long before = runs.list(RunQuery.all()).size();
        ObjectNode bad = result("import_me", 1).json();
        bad.put("timestamp", "yesterday");
        ResultDocument doc = ResultDocument.of(bad);
        assertThatThrownBy(() -> runs.importResult(doc)).isInstanceOf(UserInputException.class).hasMessageContaining("timestamp");
        assertThat(runs.list(RunQuery.all())).hasSize((int) before);
        long id = runs.importResult(result("import_me", 2, 2, 2.1));
        assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.metrics(id)).containsKeys("compilation_time_ms", "accuracy");
    }

    @Test
    void listFiltersBySearchTextAndKindNewestFirst() {
        long a = runs.importResult(result("compile_alpha", 1));
        long b = runs.importResult(result("inference_beta", 1));
        assertThat(runs.list(new RunQuery(null, null, null, null, "ALPHA", 10))).extracting(StoredRun::id).containsExactly(a);
        assertThat(runs.list(new RunQuery(RunKind.INFERENCE, null, null, null, null, 10))).extracting(StoredRun::id).containsExactly(b);
        assertThat(runs.list(RunQuery.all())).extracting(StoredRun::id).containsExactly(b, a);
    }

    @Test
    void deleteRemovesTheRunAndItsRecords() {
        long id = runs.importResult(result("x", 1));
        runs.appendSeries(id, "energy", new double[] {0, 1}, new double[] {2, 3});
        assertThat(runs.delete(id)).isTrue();
        assertThat(runs.find(id)).isEmpty();
        assertThat(runs.metrics(id)).isEmpty();
        assertThat(runs.series(id, "energy").size()).isZero();
        assertThat(runs.delete(id)).isFalse();
    }

    @Test
    void seriesComeBackInOrderAcrossChunksAndAppends() {
        long id = runs.begin(compileRun());
        int n = JdbcRunRepository.CHUNK * 2 + 17;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i);
        }
        runs.appendSeries(id, "latency", x, y);
        runs.appendSeries(id, "latency", new double[] {n}, new double[] {-1});
        Series s = runs.series(id, "latency");
        assertThat(s.size()).isEqualTo(n + 1);
        assertThat(s.y()[n - 1]).isEqualTo(Math.sin(n - 1));
        assertThat(s.y()[n]).isEqualTo(-1);
        assertThat(runs.seriesNames(id)).containsExactly("latency");
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefusedWithOneMessage(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE";
        Database.open(url);
        try (var c = java.sql.DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                    + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this stc knows");
        assertThat(Files.exists(dir)).isTrue();
    }

    @Test
    void aNonJdbcUrlIsRefused() {
        assertThatThrownBy(() -> Database.open("/tmp/results.db")).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a JDBC URL");
    }
}
