/**
 * The results store: every compile, inference, benchmark and imported run with its metrics, raw
 * samples, time series, pass and layer records, in an embedded H2 file database by default (any JDBC
 * URL by option), its schema kept by Flyway migrations under {@code db/migration}. The CLI and the
 * workbench write and read the same database, at the same time.
 */
package org.spiketc.store;
