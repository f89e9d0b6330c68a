package org.spiketc.store;

import org.spiketc.result.RunKind;

/**
 * Which runs to list; null fields do not filter.
 *
 * @param text  a substring of the test name, model, hardware, label or a tag, any case
 * @param tag   a tag the runs carry (any case, as tags are)
 * @param limit at most this many, newest first
 */
public record RunQuery(RunKind kind, String model, String hardware, RunStatus status, String text, String tag, int limit) {
    /** Without a tag filter. */
    public RunQuery(RunKind kind, String model, String hardware, RunStatus status, String text, int limit) {
        this(kind, model, hardware, status, text, null, limit);
    }

    public static RunQuery all() {
        return new RunQuery(null, null, null, null, null, Integer.MAX_VALUE);
    }

    /** This query, also filtered by {@code tag} (null: by none). */
    public RunQuery withTag(String tag) {
        return new RunQuery(kind, model, hardware, status, text, tag, limit);
    }
}
