package org.spiketc.testsupport;

import java.util.UUID;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;

/**
 * A results store of its own for each test: an in-memory H2 database under a fresh name, kept open
 * until the JVM ends ({@code DB_CLOSE_DELAY=-1}) so that several {@link Database#open} calls on the
 * same URL see the same data, as two processes would with a file.
 */
public final class InMemoryStore {
    private InMemoryStore() {
    }

    /** A URL no other test uses. */
    public static String url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A fresh, empty database with the schema in place. */
    public static Database database() {
        return Database.open(url());
    }

    /** The run repository over a fresh, empty database. */
    public static JdbcRunRepository runs() {
        return new JdbcRunRepository(database());
    }
}
