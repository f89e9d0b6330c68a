package org.spiketc.bench;

import java.util.Locale;

/** The seed's pytest markers; also JUnit 5 tags of the smoke tests, selected by Maven profiles. */
public enum Marker {
    /** Performance benchmarks. */
    PERFORMANCE,
    /** Energy measurement benchmarks. */
    ENERGY,
    /** Long-running benchmarks. */
    SLOW,
    /** Hardware-dependent benchmarks: they skip, with the reason, where no hardware backend is configured. */
    HARDWARE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
