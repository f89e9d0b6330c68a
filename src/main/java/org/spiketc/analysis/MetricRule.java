package org.spiketc.analysis;

import java.util.Locale;

/**
 * How a metric is judged: the direction that is better and the smallest change that counts, as the seed
 * document sets them (benchmarks-README, "Regression Testing"): time more than 10% slower, energy more
 * than 5% higher, accuracy more than 1 point lower. Throughput and memory follow the time rule; metrics
 * of no known kind are informational.
 *
 * @param better    which way is an improvement
 * @param threshold the smallest change that counts: relative (0.10 = 10%) or, if {@code absolute}, in the
 *                  metric's own unit (0.01 = 1 point of an accuracy between 0 and 1)
 * @param absolute  whether {@code threshold} is a difference rather than a ratio
 * @param floor     the smallest difference, in the metric's unit, that can count at all: below it a change is
 *                  measurement noise whatever the ratio (a heap peak of 10 MB moving by 2 MB)
 */
public record MetricRule(Direction better, double threshold, boolean absolute, double floor) {
    public enum Direction { LOWER, HIGHER, NEITHER }

    /** Time: 10% slower (the seed), and at least half a millisecond. */
    public static final MetricRule TIME = new MetricRule(Direction.LOWER, 0.10, false, 0.5);
    /** Energy: 5% more (the seed). */
    public static final MetricRule ENERGY = new MetricRule(Direction.LOWER, 0.05, false, 0);
    /** Accuracy and fidelity on a 0..1 scale: 1 point lower (the seed). */
    public static final MetricRule ACCURACY = new MetricRule(Direction.HIGHER, 0.01, true, 0);
    public static final MetricRule THROUGHPUT = new MetricRule(Direction.HIGHER, 0.10, false, 0);
    /** Memory in MB: 10% more, and at least 16 MB (heap peaks move with GC timing). */
    public static final MetricRule MEMORY = new MetricRule(Direction.LOWER, 0.10, false, 16);
    public static final MetricRule INFORMATIONAL = new MetricRule(Direction.NEITHER, 0, false, 0);

    /**
     * The rule for a metric, from the words of its name ({@code _ms}, {@code _mj}, {@code accuracy}, ...),
     * wherever they stand: {@code compilation_time_ms_spikformer-8-768} is a time. Differences ({@code pass_saves_*})
     * are informational.
     */
    public static MetricRule forMetric(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        java.util.Set<String> words = java.util.Set.of(n.split("[_\\-]"));
        if (n.startsWith("pass_saves_")) {
            return INFORMATIONAL;
        }
        if (words.contains("accuracy") || words.contains("fidelity")) {
            return ACCURACY;
        }
        if (words.contains("energy") || words.contains("mj") || words.contains("uj") || words.contains("j")) {
            return ENERGY;
        }
        if (words.contains("throughput") || n.contains("_per_s")) {
            return THROUGHPUT;
        }
        if (words.contains("ms") || words.contains("s") || words.contains("ns") || words.contains("us") || words.contains("latency")) {
            return TIME;
        }
        if (words.contains("mb") || words.contains("bytes") || words.contains("memory")) {
            return MEMORY;
        }
        return INFORMATIONAL;
    }

    /**
     * Whether {@code current} is beyond the threshold in the worse direction relative to {@code baseline}
     * (positive), in the better direction (negative), or within it (zero).
     */
    int exceeds(double baseline, double current) {
        if (better == Direction.NEITHER) {
            return 0;
        }
        double change;
        if (absolute) {
            change = current - baseline;
        } else if (baseline == 0) {
            change = current == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current);
        } else {
            change = (current - baseline) / Math.abs(baseline);
        }
        if (Math.abs(change) <= threshold || Math.abs(current - baseline) < floor) {
            return 0;
        }
        boolean worse = better == Direction.LOWER ? change > 0 : change < 0;
        return worse ? 1 : -1;
    }
}
