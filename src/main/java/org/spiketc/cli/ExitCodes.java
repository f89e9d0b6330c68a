package org.spiketc.cli;

/** What {@code stc} returns. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug: something failed that should not have. */
    public static final int INTERNAL = 1;
    /** The user's input: a bad file or flag, an unknown preset, a model that does not fit. */
    public static final int USER = 2;
    /** A comparison found a regression (a metric worse beyond its threshold, or newly failing): for CI gates. */
    public static final int REGRESSION = 3;
    /** A benchmark failed one of its assertions or ran past its timeout. */
    public static final int BENCHMARK_FAILED = 4;
    /** Cancelled (Ctrl-C or the GUI's cancel). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
