package org.spiketc.result;

/** What produced a stored run. */
public enum RunKind {
    COMPILE, INFERENCE, BENCHMARK, IMPORTED
}
