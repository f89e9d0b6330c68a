package org.spiketc.store;

/** What produced a stored run. */
public enum RunKind {
    COMPILE, INFERENCE, BENCHMARK, IMPORTED
}
