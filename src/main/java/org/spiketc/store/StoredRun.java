package org.spiketc.store;

import java.time.Instant;
import org.spiketc.result.RunKind;

/**
 * A stored run's header.
 *
 * @param finished null while running or when interrupted
 * @param host     the machine, as "cpu, N cores, M MB"
 * @param configuration the options it ran with, as JSON (null for imported results)
 */
public record StoredRun(long id, RunKind kind, String testName, String model, String hardware, RunStatus status, Instant started,
        Instant finished, String softwareVersion, String host,
        String configuration) {
}
