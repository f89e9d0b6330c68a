package org.spiketc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;
import org.spiketc.testsupport.InMemoryStore;

/** The results store on a fresh in-memory database per test. */
class JdbcRunRepositoryTest {
    Database db;
    RunRepository runs;

    @BeforeEach
    void freshDatabase() {
        db = InMemoryStore.database();
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
        String url = InMemoryStore.url();
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
    void onlyRunsWhoseOwnerHasCertainlyEndedAreMarkedInterrupted() throws Exception {
        String url = InMemoryStore.url();
        RunRepository first = new JdbcRunRepository(Database.open(url));
        long elsewhere = first.begin(compileRun());
        long reused = first.begin(compileRun());
        long legacy = first.begin(compileRun());
        long mine = first.begin(compileRun());
        Owner me = Owner.current();
        try (var c = Database.open(url).connect(); var s = c.createStatement()) {
            // another machine's process: its id means nothing here, whatever runs under it
            s.executeUpdate("UPDATE run SET owner_host = 'another-machine', owner_pid = " + Long.MAX_VALUE + " WHERE id = " + elsewhere);
            // this machine, a live process id, but started an hour before the process that has the id now: reused
            s.executeUpdate("UPDATE run SET owner_started = " + (me.started() - 3_600_000) + " WHERE id = " + reused);
            // recorded before owners were
            s.executeUpdate("UPDATE run SET owner_pid = NULL, owner_host = NULL, owner_started = NULL WHERE id = " + legacy);
        }
        RunRepository next = new JdbcRunRepository(Database.open(url));
        assertThat(next.find(elsewhere).orElseThrow().status()).as("owned by another host").isEqualTo(RunStatus.RUNNING);
        assertThat(next.find(reused).orElseThrow().status()).as("its process id was reused").isEqualTo(RunStatus.INTERRUPTED);
        assertThat(next.find(legacy).orElseThrow().status()).as("no owner recorded").isEqualTo(RunStatus.INTERRUPTED);
        assertThat(next.find(mine).orElseThrow().status()).as("this live process").isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void fileUrlsAreSharedBetweenProcessesUnlessTheUrlSaysOtherwise() {
        assertThat(Database.shared("jdbc:h2:file:/data/results")).isEqualTo("jdbc:h2:file:/data/results;AUTO_SERVER=TRUE");
        assertThat(Database.shared("jdbc:h2:./results;MODE=MySQL;")).isEqualTo("jdbc:h2:./results;MODE=MySQL;AUTO_SERVER=TRUE");
        assertThat(Database.shared("jdbc:h2:~/r;auto_server=false")).isEqualTo("jdbc:h2:~/r;auto_server=false");
        assertThat(Database.shared("jdbc:h2:file:/r;AUTO_SERVER=TRUE")).isEqualTo("jdbc:h2:file:/r;AUTO_SERVER=TRUE");
        assertThat(Database.shared("jdbc:h2:file:/r;FILE_LOCK=NO")).isEqualTo("jdbc:h2:file:/r;FILE_LOCK=NO");
        assertThat(Database.shared("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(Database.shared("jdbc:h2:tcp://server/~/results")).isEqualTo("jdbc:h2:tcp://server/~/results");
    }

    @Test
    void importIsOneTransactionSoAResultTheDatabaseRefusesAddsNothingAndIsNamed() throws Exception {
        // Parsing checks everything the schema refuses; a constraint added here stands for a disagreement between the two.
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("ALTER TABLE metric ADD CONSTRAINT no_poison CHECK (name <> 'poison')");
        }
        ObjectNode poisoned = result("import_me", 1).json();
        ((ObjectNode) poisoned.path("metrics")).put("poison", 1);
        ResultDocument bad = ResultDocument.parse(poisoned, "third.json");
        List<ResultDocument> docs = List.of(result("first", 1), result("second", 2), bad);
        assertThatThrownBy(() -> runs.importResults(docs)).isInstanceOf(StoreException.class)
                .hasMessageContaining("third.json").hasMessageContaining("nothing was imported").hasMessageNotContaining("\n");
        assertThat(runs.list(RunQuery.all())).isEmpty();
        List<Long> ids = runs.importResults(docs.subList(0, 2));
        assertThat(ids).hasSize(2);
        assertThat(runs.find(ids.get(1)).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.metrics(ids.get(0))).containsKeys("compilation_time_ms", "accuracy");
    }

    @Test
    void aDocumentAtEveryLimitIsStoredAndExportsAsItCame() {
        ObjectNode d = result("x", 1).json();
        d.put("test_name", "n".repeat(ResultDocument.MAX_TEST_NAME));
        d.put("timestamp", "9999-12-31T23:59:59.999999999Z");
        ((ObjectNode) d.path("metrics")).put("m".repeat(ResultDocument.MAX_METRIC_NAME), 1.7976931348623157e308);
        ((ObjectNode) d.path("environment")).put("model", "o".repeat(ResultDocument.MAX_MODEL))
                .put("hardware", "h".repeat(ResultDocument.MAX_HARDWARE)).put("software_version", "v".repeat(ResultDocument.MAX_SOFTWARE_VERSION))
                .putObject("host").put("cpu", "c".repeat(ResultDocument.MAX_HOST - ", ? cores, ? MB".length()));
        ((ObjectNode) d.path("passes").get(0)).put("id", "p".repeat(ResultDocument.MAX_PASS_ID)).put("allocated_bytes", Long.MAX_VALUE);
        ((ObjectNode) d.path("layers").get(0)).put("name", "l".repeat(ResultDocument.MAX_LAYER_NAME))
                .put("engine", "e".repeat(ResultDocument.MAX_ENGINE));
        ObjectNode early = result("early", 1).json();
        early.put("timestamp", "0001-01-01T00:00:00Z");
        List<Long> ids = runs.importResults(List.of(ResultDocument.parse(d, "limits.json"), ResultDocument.parse(early, "early.json")));
        assertThat(runs.result(ids.get(0)).orElseThrow().json()).isEqualTo(d);
        assertThat(runs.find(ids.get(1)).orElseThrow().started()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void theDocumentsLimitsAreTheSchemasColumnSizes() throws Exception {
        Map<String, Integer> expected = new HashMap<>(Map.of("RUN.TEST_NAME", ResultDocument.MAX_TEST_NAME, "RUN.MODEL", ResultDocument.MAX_MODEL,
                "RUN.HARDWARE", ResultDocument.MAX_HARDWARE, "RUN.SOFTWARE_VERSION", ResultDocument.MAX_SOFTWARE_VERSION,
                "RUN.HOST", ResultDocument.MAX_HOST, "METRIC.NAME", ResultDocument.MAX_METRIC_NAME,
                "PASS_RECORD.PASS_ID", ResultDocument.MAX_PASS_ID, "LAYER_RECORD.NAME", ResultDocument.MAX_LAYER_NAME,
                "LAYER_RECORD.ENGINE", ResultDocument.MAX_ENGINE));
        expected.putAll(Map.of("RUN.LABEL", RunLabels.MAX_LABEL, "RUN_TAG.TAG", RunLabels.MAX_TAG));
        Map<String, Long> actual = new HashMap<>();
        try (var c = db.connect(); var s = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH FROM "
                + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"); var rs = s.executeQuery()) {
            while (rs.next()) {
                actual.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
            }
        }
        expected.forEach((column, max) -> assertThat(actual.get(column)).as(column).isEqualTo(max.longValue()));
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
    void aRunKeepsItsLabelAndTagsAndAnEmptyLabelClearsIt() {
        long id = runs.importResult(result("x", 1));
        assertThat(runs.find(id).orElseThrow().label()).isNull();
        assertThat(runs.find(id).orElseThrow().tags()).isEmpty();
        runs.setLabel(id, "  4-bit weights, pruned 50%  ");
        assertThat(runs.changeTags(id, List.of("paper", "Baseline", "o2"), List.of())).containsExactly("baseline", "o2", "paper");
        assertThat(runs.changeTags(id, List.of("paper"), List.of("o2", "never-there"))).containsExactly("baseline", "paper");
        StoredRun r = runs.find(id).orElseThrow();
        assertThat(r.label()).isEqualTo("4-bit weights, pruned 50%");
        assertThat(r.tags()).containsExactly("baseline", "paper");
        assertThat(runs.list(RunQuery.all())).singleElement().extracting(StoredRun::tags).isEqualTo(List.of("baseline", "paper"));
        runs.setLabel(id, "");
        assertThat(runs.find(id).orElseThrow().label()).isNull();
    }

    @Test
    void theTagFilterListsOnlyRunsWithThatTagInAnyCase() {
        long a = runs.importResult(result("a", 1));
        long b = runs.importResult(result("b", 1));
        runs.importResult(result("c", 1));
        runs.changeTags(a, List.of("sweep-7"), List.of());
        runs.changeTags(b, List.of("sweep-7", "best"), List.of());
        assertThat(runs.list(RunQuery.all().withTag("SWEEP-7"))).extracting(StoredRun::id).containsExactlyInAnyOrder(a, b);
        assertThat(runs.list(RunQuery.all().withTag("best"))).extracting(StoredRun::id).containsExactly(b);
        assertThat(runs.list(RunQuery.all().withTag("sweep"))).as("a whole tag, not a part of one").isEmpty();
        runs.setLabel(a, "The Good One");
        assertThat(runs.list(new RunQuery(null, null, null, null, "good", 10))).as("search reads labels").extracting(StoredRun::id)
                .containsExactly(a);
        assertThat(runs.list(new RunQuery(null, null, null, null, "BES", 10))).as("and tags").extracting(StoredRun::id).containsExactly(b);
    }

    @Test
    void aBadLabelOrTagOrAMissingRunIsRefusedWithOneMessageAndChangesNothing() {
        long id = runs.importResult(result("x", 1));
        runs.changeTags(id, List.of("kept"), List.of());
        assertThatThrownBy(() -> runs.setLabel(id, "two\nlines")).isInstanceOf(StoreException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> runs.setLabel(id, "l".repeat(RunLabels.MAX_LABEL + 1))).hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> runs.changeTags(id, List.of("ok", "two words"), List.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining("tag 'two words' is not allowed").hasMessageContaining("a-z, 0-9");
        assertThatThrownBy(() -> runs.changeTags(id, List.of("t".repeat(RunLabels.MAX_TAG + 1)), List.of()))
                .hasMessageContaining("is not allowed");
        List<String> many = IntStream.range(0, RunLabels.MAX_TAGS).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> runs.changeTags(id, many, List.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining("would carry 17 tags, more than 16");
        assertThat(runs.find(id).orElseThrow().tags()).as("all or nothing").containsExactly("kept");
        assertThat(runs.find(id).orElseThrow().label()).isNull();
        assertThatThrownBy(() -> runs.setLabel(999, "x")).isInstanceOf(StoreException.class).hasMessage("no stored run 999");
        assertThatThrownBy(() -> runs.changeTags(999, List.of("x"), List.of())).hasMessage("no stored run 999");
    }

    @Test
    void deletingARunDeletesItsTags() throws Exception {
        long id = runs.importResult(result("x", 1));
        runs.changeTags(id, List.of("gone-with-it"), List.of());
        runs.delete(id);
        try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM run_tag")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void anImportKeepsTheDocumentsConfigurationObjectAsCompactJson() {
        ObjectNode d = result("configured", 1).json();
        d.putObject("configuration").put("bits", 4).putObject("pipeline").put("level", 2).putArray("disabled").add("fuse-lif");
        List<Long> ids = runs.importResults(List.of(ResultDocument.parse(d, "configured.json"), result("plain", 1)));
        assertThat(runs.find(ids.get(0)).orElseThrow().configuration())
                .isEqualTo("{\"bits\":4,\"pipeline\":{\"level\":2,\"disabled\":[\"fuse-lif\"]}}");
        assertThat(runs.find(ids.get(1)).orElseThrow().configuration()).isNull();
    }

    @Test
    void anImportWhoseConfigurationIsBeyondItsBoundStoresNothingAndNamesTheFile() {
        ObjectNode d = result("huge", 1).json();
        d.putObject("configuration").put("pasted", "x".repeat(JdbcRunRepository.MAX_CONFIGURATION));
        List<ResultDocument> docs = List.of(result("fine", 1), ResultDocument.parse(d, "huge.json"));
        assertThatThrownBy(() -> runs.importResults(docs)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("huge.json: its configuration has").hasMessageContaining("more than 65536 (64 KiB)")
                .hasMessageContaining("nothing was imported");
        assertThat(runs.list(RunQuery.all())).isEmpty();
    }

    @Test
    void aVersion5DatabaseMigratesKeepingItsRunsWithoutLabelOrTags() throws Exception {
        String url = InMemoryStore.url();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("5").load().migrate();
        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            s.execute("INSERT INTO run (kind, test_name, model, hardware, configuration, status, started_at, finished_at) VALUES "
                    + "('INFERENCE', 'from_v5', 'm', 'loihi2', '{\"bits\": 8}', 'FINISHED', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-27 01:00:00Z', TIMESTAMP WITH TIME ZONE '2026-11-27 01:05:00Z')");
            s.execute("INSERT INTO metric (run_id, name, measured) SELECT id, 'accuracy', 0.9 FROM run");
        }
        RunRepository migrated = new JdbcRunRepository(Database.open(url));
        StoredRun r = migrated.list(RunQuery.all()).get(0);
        assertThat(r.testName()).isEqualTo("from_v5");
        assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.configuration()).isEqualTo("{\"bits\": 8}");
        assertThat(r.label()).isNull();
        assertThat(r.tags()).isEmpty();
        assertThat(migrated.metrics(r.id())).containsKey("accuracy");
        migrated.changeTags(r.id(), List.of("old"), List.of());
        assertThat(migrated.list(RunQuery.all().withTag("old"))).hasSize(1);
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
        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
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
