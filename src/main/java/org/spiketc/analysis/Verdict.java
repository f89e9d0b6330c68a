package org.spiketc.analysis;

/** The one outcome of comparing a metric with its baseline (asv's marks; the views own colours and symbols). */
public enum Verdict {
    /**
     * Beyond the threshold in the worse direction and, where a measured metric has samples, significantly so:
     * a regression. A deterministic metric needs only the threshold ({@link MetricRule#deterministic}).
     */
    WORSE,
    /** Beyond the threshold in the better direction, and significant where that can be tested. */
    BETTER,
    /** Within the threshold, or the samples do not show the difference. */
    NOT_SIGNIFICANT,
    /** Not comparable: missing on one side, another unit or schema, or an informational metric. */
    INCOMPARABLE,
    /** The baseline had a value and the current run failed to produce one. */
    NEW_FAILURE,
    /** The baseline failed and the current run has a value. */
    FIXED;

    /** Whether this verdict should fail a CI gate. */
    public boolean isRegression() {
        return this == WORSE || this == NEW_FAILURE;
    }
}
