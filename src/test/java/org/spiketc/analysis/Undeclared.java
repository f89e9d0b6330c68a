package org.spiketc.analysis;

/** Measurements as a result file without metric declarations gives them: judged by their names, as such files are. */
final class Undeclared {
    private static final MetricInfo NONE = MetricInfo.legacy("");

    private Undeclared() {
    }

    static Measurement single(double value) {
        return Measurement.single(value, NONE);
    }

    static Measurement of(double[] samples) {
        return Measurement.of(samples, NONE);
    }
}
