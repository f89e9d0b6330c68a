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
 */
public record MetricRule(Direction better, double threshold, boolean absolute) {
    public enum Direction { LOWER, HIGHER, NEITHER }

    public static final MetricRule TIME = new MetricRule(Direction.LOWER, 0.10, false);
    public static final MetricRule ENERGY = new MetricRule(Direction.LOWER, 0.05, false);
    public static final MetricRule ACCURACY = new MetricRule(Direction.HIGHER, 0.01, true);
    public static final MetricRule THROUGHPUT = new MetricRule(Direction.HIGHER, 0.10, false);
    public static final MetricRule MEMORY = new MetricRule(Direction.LOWER, 0.10, false);
    public static final MetricRule INFORMATIONAL = new MetricRule(Direction.NEITHER, 0, false);

    /** The rule for a metric, from its name's conventions ({@code _ms}, {@code _mj}, {@code accuracy}, ...). */
    public static MetricRule forMetric(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("accuracy") || n.equals("fidelity") || n.startsWith("fidelity_")) {
            return ACCURACY;
        }
        if (n.contains("energy") || n.endsWith("_mj") || n.endsWith("_uj") || n.endsWith("_j")) {
            return ENERGY;
        }
        if (n.endsWith("_per_s") || n.contains("throughput")) {
            return THROUGHPUT;
        }
        if (n.endsWith("_ms") || n.endsWith("_s") || n.endsWith("_ns") || n.endsWith("_us") || n.contains("latency")) {
            return TIME;
        }
        if (n.endsWith("_mb") || n.endsWith("_bytes") || n.contains("memory")) {
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
        if (Math.abs(change) <= threshold) {
            return 0;
        }
        boolean worse = better == Direction.LOWER ? change > 0 : change < 0;
        return worse ? 1 : -1;
    }
}
