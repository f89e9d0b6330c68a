package org.spiketc.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The results database: owns the connection settings, brings the schema up to date with Flyway on
 * open, refuses a schema newer than this program knows, and marks runs whose process has gone as
 * interrupted. H2 file databases open with {@code AUTO_SERVER=TRUE}, so the workbench and the command
 * line use one database at the same time.
 */
public final class Database {
    /** Overrides the default database (tests and CI point it into the build folder). */
    public static final String URL_PROPERTY = "stc.db";
    private final String url;
    private final DataSource source;

    private Database(String url, DataSource source) {
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
        // Pooled: opening an H2 file connection costs milliseconds, and a live run writes often.
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(8);
        Database db = new Database(url, pool);
        db.migrate();
        db.markInterrupted();
        return db;
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

    /** Runs left RUNNING by a process that no longer exists were cut off: say so. */
    private void markInterrupted() {
        try (Connection c = connect();
                PreparedStatement q = c.prepareStatement("SELECT id, owner_pid FROM run WHERE status = 'RUNNING'");
                ResultSet rs = q.executeQuery()) {
            List<Long> gone = new ArrayList<>();
            while (rs.next()) {
                long pid = rs.getLong(2);
                if (rs.wasNull() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
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
        String hint = m.contains("locked") || m.contains("Locked") ? " (another program holds it; close it or use another --db)" : "";
        return new StoreException(what + " the results database " + url + ": " + m + hint);
    }
}
