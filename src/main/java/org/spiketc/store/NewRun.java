package org.spiketc.store;

import org.spiketc.result.RunKind;

/**
 * What is known of a run when it starts.
 *
 * @param configuration the options it runs with, as JSON (shown and compared, not interpreted)
 */
public record NewRun(RunKind kind, String testName, String model, String hardware, String configuration, String softwareVersion,
        String host) {
}
