package org.spiketc.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The results database: owns the connection settings, brings the schema up to date with Flyway on
 * open, refuses a schema newer than this program knows, and marks runs whose process has gone as
 * interrupted. H2 file databases open with {@code AUTO_SERVER=TRUE}, whatever URL names them, unless
 * the URL says {@code AUTO_SERVER} or {@code FILE_LOCK} itself: so the workbench and any number of
 * command-line processes use one database at the same time.
 */
public final class Database implements AutoCloseable {
    /** Overrides the default database (tests and CI point it into the build folder). */
    public static final String URL_PROPERTY = "stc.db";
    private final String url;
    private final JdbcConnectionPool source;

    private Database(String url, JdbcConnectionPool source) {
        this.url = url;
        this.source = source;
    }

    /** {@code jdbc:h2:file:~/.stc/results;AUTO_SERVER=TRUE}, unless the system property {@value #URL_PROPERTY} says otherwise. */
    public static String defaultUrl() {
        String configured = System.getProperty(URL_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = Path.of(System.getProperty("user.home"), ".stc", "results");
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }

    /** Opens (creating or migrating) the database at a JDBC URL. */
    public static Database open(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new StoreException("database URL '" + url + "' is not a JDBC URL (for example jdbc:h2:file:/path/results)");
        }
        if (!url.startsWith("jdbc:h2:")) {
            throw new StoreException("database URL '" + url + "': only H2 (jdbc:h2:...) is bundled with stc");
        }
        String effective = shared(url);
        // Pooled: opening an H2 file connection costs milliseconds, and a live run writes often.
        JdbcConnectionPool pool = JdbcConnectionPool.create(effective, "sa", "");
        pool.setMaxConnections(8);
        Database db = new Database(effective, pool);
        try {
            db.migrate();
            db.flushEachCommit();
            db.markInterrupted();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return db;
    }

    /**
     * The URL an H2 database opens with: an embedded file database gets {@code ;AUTO_SERVER=TRUE} (the
     * first process serves it to the others) unless the URL already says how it is shared or locked
     * ({@code AUTO_SERVER=...}, {@code FILE_LOCK=...}); in-memory and server URLs are kept as they are.
     */
    static String shared(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        String name = (semi < 0 ? rest : rest.substring(0, semi)).toLowerCase(Locale.ROOT);
        for (String inMemoryOrRemote : new String[] {"mem:", "tcp:", "ssl:", "zip:", "memfs:", "memlzf:"}) {
            if (name.startsWith(inMemoryOrRemote)) {
                return url;
            }
        }
        if (semi >= 0) {
            for (String setting : rest.substring(semi + 1).split(";")) {
                int eq = setting.indexOf('=');
                String key = (eq < 0 ? setting : setting.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
                if (key.equals("AUTO_SERVER") || key.equals("FILE_LOCK")) {
                    return url;
                }
            }
        }
        String base = url;
        while (base.endsWith(";")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + ";AUTO_SERVER=TRUE";
    }

    /** Closes this process's connections; the database stays as stored (H2 closes the file with the last one). */
    @Override
    public void close() {
        source.dispose();
    }

    public String url() {
        return url;
    }

    Connection connect() {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw failure("cannot open", e);
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure().dataSource(source).locations("classpath:db/migration").load();
        try {
            for (MigrationInfo m : flyway.info().all()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException("database " + url + " has schema version " + m.getVersion()
                            + ", newer than this stc knows: use a newer stc or another --db");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw failure("cannot prepare", e);
        }
    }

    /**
     * Makes a commit reach the file before the call returns. H2 otherwise writes committed transactions up
     * to half a second later (WRITE_DELAY 500), so a process killed just after "recorded as run N" could
     * lose that run (found by CrashCampaignTest). Persistent; a user without the right to change it (a
     * shared server database) keeps its own setting.
     */
    private void flushEachCommit() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            // not an administrator of a server database: its owner decides how it is written
        }
    }

    /**
     * Runs left RUNNING by a process that has certainly ended were cut off: say so. A run whose owner
     * still runs (on this host, the same process id with the same start time) or that was recorded on
     * another host is left as it is: several processes, here or elsewhere, share the database, and only
     * the owner's host can tell whether the owner is gone.
     */
    private void markInterrupted() {
        try (Connection c = connect();
                PreparedStatement q = c.prepareStatement("SELECT id, owner_host, owner_pid, owner_started FROM run WHERE status = 'RUNNING'");
                ResultSet rs = q.executeQuery()) {
            List<Long> gone = new ArrayList<>();
            while (rs.next()) {
                String host = rs.getString(2);
                long pid = rs.getLong(3);
                Long owner = rs.wasNull() ? null : pid;
                long started = rs.getLong(4);
                Long start = rs.wasNull() ? null : started;
                if (Owner.gone(host, owner, start)) {
                    gone.add(rs.getLong(1));
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE run SET status = 'INTERRUPTED' WHERE id = ? AND status = 'RUNNING'")) {
                for (long id : gone) {
                    u.setLong(1, id);
                    u.addBatch();
                }
                u.executeBatch();
            }
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    /** One message for a database failure, naming the database and the likely cause. */
    StoreException failure(String what, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = m.indexOf('\n');
        m = cut < 0 ? m : m.substring(0, cut);
        String hint = m.contains("locked") || m.contains("Locked") || m.contains("already in use")
                ? " (another program holds it exclusively; close it, leave AUTO_SERVER=FALSE out of the URL, or use another --db)" : "";
        return new StoreException(what + " the results database " + url + ": " + m + hint);
    }
}
