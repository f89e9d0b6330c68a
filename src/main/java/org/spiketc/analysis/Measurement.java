package org.spiketc.analysis;

import java.util.Arrays;

/**
 * One metric of one run: its reported value, what it is, and, where the run repeated the measurement or
 * made one per image, the raw samples.
 *
 * @param value   the reported value (NaN when the run failed to produce it)
 * @param samples raw samples, empty for a single measurement
 * @param info    unit, direction and role, as the result declares them
 */
public record Measurement(double value, double[] samples, MetricInfo info) {
    public Measurement {
        samples = samples.clone();
    }

    public static Measurement single(double value, MetricInfo info) {
        return new Measurement(value, new double[0], info);
    }

    /** A measurement repeated: its value is the samples' median. */
    public static Measurement of(double[] samples, MetricInfo info) {
        return new Measurement(Statistics.median(samples), samples, info);
    }

    public boolean failed() {
        return Double.isNaN(value);
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }

    int count() {
        return samples.length;
    }

    double[] raw() {
        return samples;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurement m && Double.compare(m.value, value) == 0 && Arrays.equals(m.samples, samples)
                && m.info.equals(info);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return samples.length == 0 ? Double.toString(value) : value + " (" + samples.length + " samples)";
    }
}
