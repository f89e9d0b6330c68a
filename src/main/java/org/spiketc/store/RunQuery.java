package org.spiketc.store;

import org.spiketc.result.RunKind;

/**
 * Which runs to list; null fields do not filter.
 *
 * @param text  a substring of the test name, model or hardware, any case
 * @param limit at most this many, newest first
 */
public record RunQuery(RunKind kind, String model, String hardware, RunStatus status, String text, int limit) {
    public static RunQuery all() {
        return new RunQuery(null, null, null, null, null, Integer.MAX_VALUE);
    }
}
