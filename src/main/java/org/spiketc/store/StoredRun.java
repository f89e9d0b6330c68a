package org.spiketc.store;

import java.time.Instant;
import org.spiketc.result.RunKind;
import java.util.List;

/**
 * A stored run's header.
 *
 * @param finished null while running or when interrupted
 * @param host     the machine, as "cpu, N cores, M MB"
 * @param configuration the options it ran with, as a JSON object (null where none was recorded, as for old imports)
 * @param label    the user's one-line label, or null
 * @param tags     the user's tags, in alphabetical order (see {@link RunLabels})
 */
public record StoredRun(long id, RunKind kind, String testName, String model, String hardware, RunStatus status, Instant started,
        Instant finished, String softwareVersion, String host, String configuration, String label, List<String> tags) {
    public StoredRun {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
