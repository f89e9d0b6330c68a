package org.spiketc.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;

/** {@link RunRepository} on JDBC: prepared statements only, one transaction per write, one row mapper per record. */
public final class JdbcRunRepository implements RunRepository {
    /** Points per stored chunk of a series. */
    static final int CHUNK = 4096;
    /** An imported configuration beyond this is not a run's options but something else pasted in: refused. */
    public static final int MAX_CONFIGURATION = 64 * 1024;
    /** A run's columns with its tags in order, space-separated (a tag has no spaces), for {@link #run}. */
    private static final String RUN_COLUMNS = "id, kind, test_name, model, hardware, status, started_at, finished_at, software_version, "
            + "host, configuration, label, (SELECT LISTAGG(t.tag, ' ') WITHIN GROUP (ORDER BY t.tag) FROM run_tag t WHERE t.run_id = run.id)";
    private final Database db;
    private final Clock clock;

    public JdbcRunRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A repository that stamps runs' start and end from {@code clock} (tests pass a fixed one). */
    public JdbcRunRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long begin(NewRun r) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO run (kind, test_name, model, hardware, configuration, status, "
                    + "started_at, software_version, host, owner_pid, owner_host, owner_started) "
                    + "VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, r.kind().name());
                s.setString(2, r.testName());
                s.setString(3, r.model());
                s.setString(4, r.hardware());
                s.setString(5, r.configuration());
                s.setTimestamp(6, Timestamp.from(clock.instant()));
                s.setString(7, r.softwareVersion());
                s.setString(8, r.host());
                Owner me = Owner.current();
                s.setLong(9, me.pid());
                s.setString(10, me.host());
                if (me.started() == null) {
                    s.setNull(11, Types.BIGINT);
                } else {
                    s.setLong(11, me.started());
                }
                s.executeUpdate();
                return generatedId(s);
            }
        });
    }

    @Override
    public void finish(long id, RunStatus status, ResultDocument result) {
        write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE run SET status = ?, finished_at = ?, document = ?, test_name = COALESCE(?, test_name), "
                    + "hardware = COALESCE(?, hardware) WHERE id = ?")) {
                s.setString(1, status.name());
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setString(3, result == null ? null : Json.mapper().writeValueAsString(result.json()));
                s.setString(4, result == null ? null : result.testName());
                s.setString(5, result == null ? null : result.environment("hardware"));
                s.setLong(6, id);
                if (s.executeUpdate() == 0) {
                    throw new StoreException("no stored run " + id);
                }
            }
            if (result != null) {
                insertDetails(c, id, result);
            }
            return null;
        });
    }

    @Override
    public long importResult(ResultDocument result) {
        return importResults(List.of(result)).get(0);
    }

    @Override
    public List<Long> importResults(List<ResultDocument> results) {
        List<String> configurations = new ArrayList<>();
        for (ResultDocument r : results) {
            configurations.add(configurationOf(r));
        }
        return write(c -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ResultDocument r = results.get(i);
                try {
                    ids.add(insertImported(c, r, configurations.get(i)));
                } catch (SQLException e) {
                    // Parsing checks what the schema refuses; should the two ever disagree, name the file.
                    throw new StoreException(db.failure("cannot store " + r.origin() + " in", e).getMessage() + "; nothing was imported");
                }
            }
            return ids;
        });
    }

    /**
     * The document's top-level "configuration" object as compact JSON, or null where it has none (or
     * something other than an object there, which says nothing about options); refused beyond
     * {@link #MAX_CONFIGURATION} characters, naming the file.
     */
    private static String configurationOf(ResultDocument r) {
        JsonNode n = r.json().path("configuration");
        if (!n.isObject()) {
            return null;
        }
        String json = n.toString();
        if (json.length() > MAX_CONFIGURATION) {
            throw new StoreException(r.origin() + ": its configuration has " + json.length() + " characters of JSON, more than "
                    + MAX_CONFIGURATION + " (64 KiB) a run keeps; nothing was imported");
        }
        return json;
    }

    private long insertImported(Connection c, ResultDocument result, String configuration) throws Exception {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run (kind, test_name, model, hardware, status, started_at, "
                + "finished_at, software_version, host, document, configuration) VALUES (?, ?, ?, ?, 'FINISHED', ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Instant when = parseInstant(result);
            s.setString(1, kindOf(result).name());
            s.setString(2, result.testName());
            s.setString(3, result.environment("model"));
            s.setString(4, result.environment("hardware"));
            s.setTimestamp(5, Timestamp.from(when));
            s.setTimestamp(6, Timestamp.from(when));
            s.setString(7, result.environment("software_version"));
            s.setString(8, ResultDocument.hostOf(result.environment().path("host")));
            s.setString(9, Json.mapper().writeValueAsString(result.json()));
            s.setString(10, configuration);
            s.executeUpdate();
            id = generatedId(s);
        }
        insertDetails(c, id, result);
        return id;
    }

    @Override
    public List<StoredRun> list(RunQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM run WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(q.kind().name());
        }
        if (q.model() != null) {
            sql.append(" AND model = ?");
            args.add(q.model());
        }
        if (q.hardware() != null) {
            sql.append(" AND LOWER(hardware) LIKE ?");
            args.add("%" + q.hardware().toLowerCase(Locale.ROOT) + "%");
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.text() != null) {
            sql.append(" AND (LOWER(test_name) LIKE ? OR LOWER(COALESCE(model, '')) LIKE ? OR LOWER(COALESCE(hardware, '')) LIKE ?"
                    + " OR LOWER(COALESCE(label, '')) LIKE ? OR EXISTS (SELECT 1 FROM run_tag s WHERE s.run_id = run.id AND s.tag LIKE ?))");
            String like = "%" + q.text().toLowerCase(Locale.ROOT) + "%";
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM run_tag f WHERE f.run_id = run.id AND f.tag = ?)");
            args.add(q.tag().strip().toLowerCase(Locale.ROOT));
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        args.add(q.limit());
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<StoredRun> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(run(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<StoredRun> find(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ResultDocument> result(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT document FROM run WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(ResultDocument.parse(Json.mapper().readTree(rs.getString(1)), "stored run " + id));
                }
            }
        });
    }

    /**
     * Metrics from the metric table, each with what its result declares it to be (the stored document's
     * {@code metric_info}; read from the name for results that declare nothing).
     */
    @Override
    public Map<String, Measurement> metrics(long id) {
        Map<String, MetricInfo> declared = new LinkedHashMap<>();
        result(id).ifPresent(d -> d.measurements().forEach((k, m) -> declared.put(k, m.info())));
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, measured, samples FROM metric WHERE run_id = ? ORDER BY name")) {
                s.setLong(1, id);
                Map<String, Measurement> out = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double v = rs.getDouble(2);
                        String name = rs.getString(1);
                        MetricInfo info = declared.getOrDefault(name, MetricInfo.legacy(name));
                        out.put(name, new Measurement(rs.wasNull() ? Double.NaN : v, samples(rs.getString(3)), info));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void setLabel(long id, String label) {
        String stored = RunLabels.label(label);
        write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE run SET label = ? WHERE id = ?")) {
                s.setString(1, stored);
                s.setLong(2, id);
                if (s.executeUpdate() == 0) {
                    throw new StoreException("no stored run " + id);
                }
            }
            return null;
        });
    }

    @Override
    public List<String> changeTags(long id, Collection<String> add, Collection<String> remove) {
        // Every tag is checked before anything is written, so a bad one changes nothing.
        Set<String> adding = new TreeSet<>();
        add.forEach(t -> adding.add(RunLabels.tag(t)));
        Set<String> removing = new TreeSet<>();
        remove.forEach(t -> removing.add(RunLabels.tag(t)));
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM run WHERE id = ? FOR UPDATE")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no stored run " + id);
                    }
                }
            }
            tagBatch(c, "DELETE FROM run_tag WHERE run_id = ? AND tag = ?", id, removing);
            tagBatch(c, "MERGE INTO run_tag (run_id, tag) KEY (run_id, tag) VALUES (?, ?)", id, adding);
            List<String> tags = tagsOf(c, id);
            if (tags.size() > RunLabels.MAX_TAGS) {
                throw new StoreException("run " + id + " would carry " + tags.size() + " tags, more than " + RunLabels.MAX_TAGS
                        + ": remove some (its tags: " + String.join(" ", tags) + ")");
            }
            return tags;
        });
    }

    /** One statement of (run, tag) per tag, in one batch. */
    private static void tagBatch(Connection c, String sql, long id, Collection<String> tags) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String t : tags) {
                s.setLong(1, id);
                s.setString(2, t);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<String> tagsOf(Connection c, long id) throws SQLException {
        return strings(c, "SELECT tag FROM run_tag WHERE run_id = ? ORDER BY tag", id);
    }

    /** The one text column of a query about one run, in the query's order. */
    private static List<String> strings(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Override
    public boolean delete(long id) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM run WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void appendSeries(long id, String series, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + series + ": " + x.length + " x values but " + y.length + " y values");
        }
        write(c -> {
            int next;
            int filled;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT chunk, points FROM series_chunk WHERE run_id = ? AND series = ? ORDER BY chunk DESC LIMIT 1")) {
                s.setLong(1, id);
                s.setString(2, series);
                try (ResultSet rs = s.executeQuery()) {
                    next = rs.next() ? rs.getInt(1) + 1 : 0;
                    filled = next == 0 ? 0 : rs.getInt(2);
                }
            }
            // Points go into new chunks; a partly filled last chunk stays as it is (chunks may be short).
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO series_chunk (run_id, series, chunk, points, xs, ys) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < x.length; from += CHUNK) {
                    int n = Math.min(CHUNK, x.length - from);
                    s.setLong(1, id);
                    s.setString(2, series);
                    s.setInt(3, next++);
                    s.setInt(4, n);
                    s.setBytes(5, pack(x, from, n));
                    s.setBytes(6, pack(y, from, n));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return filled;
        });
    }

    @Override
    public Series series(long id, String series) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT points, xs, ys FROM series_chunk WHERE run_id = ? AND series = ? ORDER BY chunk")) {
                s.setLong(1, id);
                s.setString(2, series);
                List<double[][]> parts = new ArrayList<>();
                int total = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(1);
                        parts.add(new double[][] {unpack(rs.getBytes(2), n), unpack(rs.getBytes(3), n)});
                        total += n;
                    }
                }
                double[] x = new double[total];
                double[] y = new double[total];
                int at = 0;
                for (double[][] p : parts) {
                    System.arraycopy(p[0], 0, x, at, p[0].length);
                    System.arraycopy(p[1], 0, y, at, p[1].length);
                    at += p[0].length;
                }
                return new Series(series, x, y);
            }
        });
    }

    @Override
    public List<String> seriesNames(long id) {
        return read(c -> strings(c, "SELECT DISTINCT series FROM series_chunk WHERE run_id = ? ORDER BY series", id));
    }

    /** Metrics, samples, pass and layer records from a result document. */
    private static void insertDetails(Connection c, long id, ResultDocument result) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO metric (run_id, name, measured, samples) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Measurement> e : result.measurements().entrySet()) {
                s.setLong(1, id);
                s.setString(2, e.getKey());
                if (e.getValue().failed()) {
                    s.setNull(3, Types.DOUBLE);
                } else {
                    s.setDouble(3, e.getValue().value());
                }
                double[] raw = e.getValue().samples();
                s.setString(4, raw.length == 0 ? null : Json.mapper().writeValueAsString(raw));
                s.addBatch();
            }
            s.executeBatch();
        }
        JsonNode doc = result.json();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pass_record (run_id, position, pass_id, wall_ms, cpu_ms, "
                + "allocated_bytes, details) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (JsonNode p : doc.path("passes")) {
                s.setLong(1, id);
                s.setInt(2, position++);
                s.setString(3, p.path("id").asText("?"));
                s.setDouble(4, p.path("wall_ms").asDouble());
                s.setDouble(5, p.path("cpu_ms").asDouble());
                s.setLong(6, p.path("allocated_bytes").asLong());
                s.setString(7, Json.mapper().writeValueAsString(p));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO layer_record (run_id, position, engine, name, spikes, firing_rate, "
                + "synops, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (JsonNode l : doc.path("layers")) {
                s.setLong(1, id);
                s.setInt(2, position++);
                s.setString(3, l.path("engine").asText(null));
                s.setString(4, l.path("name").asText("?"));
                s.setDouble(5, l.path("spikes_per_inference").asDouble());
                s.setDouble(6, l.path("firing_rate").asDouble());
                s.setDouble(7, l.path("synaptic_ops_per_inference").asDouble());
                s.setString(8, Json.mapper().writeValueAsString(l));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static RunKind kindOf(ResultDocument r) {
        String name = r.testName();
        if (name.startsWith("compile")) {
            return RunKind.COMPILE;
        }
        if (name.startsWith("inference")) {
            return RunKind.INFERENCE;
        }
        return RunKind.IMPORTED;
    }

    private static Instant parseInstant(ResultDocument r) {
        try {
            return Instant.parse(r.timestamp());
        } catch (DateTimeParseException e) {
            throw new StoreException(r.origin() + ": timestamp '" + r.timestamp() + "' is not an ISO-8601 instant (like 2025-08-02T10:30:00Z)");
        }
    }

    private static StoredRun run(ResultSet rs) throws SQLException {
        Timestamp end = rs.getTimestamp(8);
        return new StoredRun(rs.getLong(1), RunKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                RunStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), end == null ? null : end.toInstant(),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), tags(rs.getString(13)));
    }

    private static List<String> tags(String spaced) {
        return spaced == null || spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }

    private static double[] samples(String json) throws Exception {
        if (json == null) {
            return new double[0];
        }
        ArrayNode a = (ArrayNode) Json.mapper().readTree(json);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static byte[] pack(double[] v, int from, int n) {
        ByteBuffer b = ByteBuffer.allocate(n * Double.BYTES);
        b.asDoubleBuffer().put(v, from, n);
        return b.array();
    }

    private static double[] unpack(byte[] bytes, int n) {
        double[] out = new double[n];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(out);
        return out;
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet k = s.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** Runs {@code w} in one transaction: all of it is stored, or nothing. */
    private <T> T write(Work<T> w) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                T t = w.run(c);
                c.commit();
                return t;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (UserInputException e) {
            throw e;
        } catch (Exception e) {
            throw db.failure("cannot write to", e);
        }
    }

    private <T> T read(Work<T> w) {
        try (Connection c = db.connect()) {
            return w.run(c);
        } catch (UserInputException e) {
            throw e;
        } catch (Exception e) {
            throw db.failure("cannot read", e);
        }
    }
}
