package org.spiketc.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a metric is judged: the direction that is better and the smallest change that counts, as the seed
 * document sets them (benchmarks-README, "Regression Testing"): time more than 10% slower, energy more
 * than 5% higher, accuracy more than 1 point lower. Throughput and memory follow the time rule; metrics
 * of no known kind are informational.
 *
 * <p>A floor is a duration or a size, not a number: it is kept in one unit per kind ({@code unit}) and
 * converted into the metric's declared unit ({@link MetricInfo#floor}), so that half a millisecond stays
 * half a millisecond for a metric in seconds, and 16 MB stays 16 MB for one in bytes.
 *
 * <p>{@link #forMetric} and {@link #deterministic} read a metric's kind from its name: they are how results
 * that declare nothing about their metrics (schema versions 0 and 1) are read ({@link MetricInfo#legacy}).
 *
 * @param better    which way is an improvement
 * @param threshold the smallest change that counts: relative (0.10 = 10%) or, if {@code absolute}, in the
 *                  metric's own unit (0.01 = 1 point of an accuracy between 0 and 1)
 * @param absolute  whether {@code threshold} is a difference rather than a ratio
 * @param floor     the smallest difference, in {@code unit}, that can count at all for a measured metric:
 *                  below it a change is measurement noise whatever the ratio (a heap peak of 10 MB moving
 *                  by 2 MB); deterministic metrics have none ({@link #deterministic})
 * @param unit      the unit word {@code floor} is expressed in ({@code ms}, {@code mb}, {@code mj}), or
 *                  empty where the kind has no unit to convert (fractions, rates)
 */
public record MetricRule(Direction better, double threshold, boolean absolute, double floor, String unit) {
    public enum Direction { LOWER, HIGHER, NEITHER }

    /** Time: 10% slower (the seed), and at least half a millisecond. */
    public static final MetricRule TIME = new MetricRule(Direction.LOWER, 0.10, false, 0.5, "ms");
    /** Energy: 5% more (the seed). */
    public static final MetricRule ENERGY = new MetricRule(Direction.LOWER, 0.05, false, 0, "mj");
    /** Accuracy and fidelity on a 0..1 scale: 1 point lower (the seed). */
    public static final MetricRule ACCURACY = new MetricRule(Direction.HIGHER, 0.01, true, 0, "");
    public static final MetricRule THROUGHPUT = new MetricRule(Direction.HIGHER, 0.10, false, 0, "");
    /** Memory: 10% more, and at least 16 MB (heap peaks move with GC timing). MB are MiB, as stc reports them. */
    public static final MetricRule MEMORY = new MetricRule(Direction.LOWER, 0.10, false, 16, "mb");
    public static final MetricRule INFORMATIONAL = new MetricRule(Direction.NEITHER, 0, false, 0, "");

    /**
     * The names, or first words of names, of the metrics that are computed rather than measured; see
     * {@link #deterministic}. A name matches when it is one of these or continues one with {@code _} or
     * {@code -} ({@code inference_latency_ms_loihi1}, {@code energy_static_mj}).
     */
    private static final List<String> COMPUTED = List.of(
            // the chip emulator's figures, from counted events and the profile's figures
            "energy", "inference_latency", "throughput_images_per_s",
            // answers counted on a fixed set of images
            "accuracy", "fidelity",
            // sizes of the compiled program
            "model_size_mb", "synaptic_memory_mb", "binary_bytes");

    /**
     * The rule for a metric, from the words of its name ({@code _ms}, {@code _mj}, {@code accuracy}, ...),
     * wherever they stand: {@code compilation_time_ms_spikformer-8-768} is a time. Differences ({@code pass_saves_*})
     * and interval bounds ({@code accuracy_ci95_low}) are informational. The rule's floor is in the kind's unit.
     */
    public static MetricRule forMetric(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Set<String> words = Set.copyOf(Arrays.asList(n.split("[_\\-]"))); // a name may repeat a word
        if (n.startsWith("pass_saves_") || words.contains("ci95")) {
            // differences, and the bounds of an interval (its centre is the metric judged)
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
        if (words.contains("mb") || words.contains("kb") || words.contains("gb") || words.contains("bytes") || words.contains("memory")) {
            return MEMORY;
        }
        return INFORMATIONAL;
    }

    /**
     * Whether a metric is computed rather than measured, so that two runs of the same code give the same
     * value: the chip emulator's energy, latency and modelled throughput (counted events times the
     * profile's figures), accuracy and fidelity (answers counted on fixed images) and the compiled
     * program's sizes. Everything timed or sampled on the host ({@code host_*}, {@code compilation_time_*},
     * {@code pass_ms_*}, {@code memory_peak_mb}, {@code allocated_mb_*}, {@code sim_events_per_s}) is
     * measured, and so is any name not listed here: a floor and a significance test only make a verdict
     * more cautious, so an unknown metric is given them.
     *
     * <p>The list is kept here, by name, because the result documents carry no marker of their own (the
     * names are the interface, see results-json.md) and the samples cannot tell: a deterministic metric's
     * samples are one figure per image, which spread as the images differ, not as the host's timing does.
     * That spread is no noise, so a deterministic metric is judged by its threshold alone: no floor, and
     * no significance test, which would ask whether the images differ rather than whether the code did.
     */
    public static boolean deterministic(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String c : COMPUTED) {
            if (n.equals(c) || n.startsWith(c + "_") || n.startsWith(c + "-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code current} is beyond the threshold in the worse direction relative to {@code baseline}
     * (positive), in the better direction (negative), or within it (zero); a difference below {@code floor}
     * (in the metric's unit, see {@link MetricInfo#floor}) never counts.
     */
    int exceeds(double floor, double baseline, double current) {
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
