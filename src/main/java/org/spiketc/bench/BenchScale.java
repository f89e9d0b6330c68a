package org.spiketc.bench;

/** How much a benchmark does: seconds for CI, minutes for nightly and release runs. */
public enum BenchScale {
    SMOKE, FULL
}
