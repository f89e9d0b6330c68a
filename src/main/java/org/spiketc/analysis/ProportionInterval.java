package org.spiketc.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A confidence interval for a proportion measured on a sample, such as top-1 accuracy on n test images:
 * the Wilson score interval (Wilson 1927), which stays inside [0, 1] and keeps its coverage near 0 and 1
 * and for small n, where the normal approximation does not. Computed by Apache Commons Math.
 *
 * @param successes correct answers
 * @param trials    answers counted
 * @param low       lower bound
 * @param high      upper bound
 */
public record ProportionInterval(int successes, int trials, double low, double high) {
    public static final double LEVEL = 0.95;

    /** The 95 % Wilson interval of {@code successes} out of {@code trials} (empty: [0, 1]). */
    public static ProportionInterval wilson95(int successes, int trials) {
        if (trials <= 0) {
            return new ProportionInterval(0, 0, 0, 1);
        }
        var ci = new WilsonScoreInterval().createInterval(trials, successes, LEVEL);
        // Wilson's bounds are exactly 0 at 0 successes and 1 at n; Commons Math's differ from them by a rounding error.
        double low = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double high = successes == trials ? 1 : Math.min(1, ci.getUpperBound());
        return new ProportionInterval(successes, trials, low, high);
    }

    /** The bounds of an interval as a result records them. */
    public record Bounds(double low, double high) {
    }

    /** The 95 % interval a result records beside {@code metric} ({@code METRIC_ci95_low} and {@code _high}), if it does. */
    public static Optional<Bounds> recorded(Map<String, Measurement> metrics, String metric) {
        Measurement low = metrics.get(metric + "_ci95_low");
        Measurement high = metrics.get(metric + "_ci95_high");
        return low == null || high == null || low.failed() || high.failed() ? Optional.empty()
                : Optional.of(new Bounds(low.value(), high.value()));
    }

    public double proportion() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** "89.44–90.60 %" as the CLI and the report print it. */
    public String percentRange() {
        return String.format(Locale.ROOT, "%.2f–%.2f %%", 100 * low, 100 * high);
    }

    /**
     * Whether two proportions measured on samples of these sizes differ by more than their sampling spread
     * allows at 95 %: |p1 − p2| > 1.96 · √(p1(1−p1)/n1 + p2(1−p2)/n2) (the two-proportion z-test, unpaired, so
     * cautious when both runs counted the same images).
     */
    public static boolean differ(double p1, int n1, double p2, int n2) {
        if (n1 <= 0 || n2 <= 0) {
            return true;
        }
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return Math.abs(p1 - p2) > 1.959963984540054 * se;
    }
}
