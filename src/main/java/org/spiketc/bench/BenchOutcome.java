package org.spiketc.bench;

import org.spiketc.result.ResultDocument;

/**
 * What running one benchmark came to.
 *
 * @param reason   why it failed, was skipped or timed out; null when it passed
 * @param result   its seed-format result (also for skipped and failed runs, which say so)
 */
public record BenchOutcome(Benchmark benchmark, Status status, String reason, ResultDocument result, double seconds) {
    public enum Status { PASSED, FAILED, SKIPPED, TIMED_OUT, CANCELLED }

    public boolean failed() {
        return status == Status.FAILED || status == Status.TIMED_OUT;
    }
}
