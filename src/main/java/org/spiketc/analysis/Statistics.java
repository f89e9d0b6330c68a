package org.spiketc.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/** Summary statistics of raw samples and the significance test behind a verdict (asv's {@code _stats}). */
public final class Statistics {
    /** asv's level: a difference is significant when Mann–Whitney U gives p below it. */
    static final double SIGNIFICANCE = 0.002;
    /** Below this many samples per side the U test cannot reach {@link #SIGNIFICANCE}; 99% intervals decide. */
    static final int MIN_FOR_U_TEST = 8;

    private Statistics() {
    }

    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    public static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    /** Interquartile range: the spread that one outlier does not move. */
    public static double spread(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return quantile(s, 0.75) - quantile(s, 0.25);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /**
     * Whether two sets of samples differ: Mann–Whitney U at p &lt; 0.002 with at least 8 samples a side,
     * else whether the 99% confidence intervals of the means fail to overlap. Single values (fewer than
     * two samples on a side) cannot be tested: the answer is then {@code true}, and the ratio alone decides,
     * as asv does.
     */
    public static boolean differ(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return true;
        }
        if (a.length >= MIN_FOR_U_TEST && b.length >= MIN_FOR_U_TEST) {
            return new MannWhitneyUTest().mannWhitneyUTest(a, b) < SIGNIFICANCE;
        }
        double[] ia = interval99(a);
        double[] ib = interval99(b);
        return ia[1] < ib[0] || ib[1] < ia[0];
    }

    /** The 99% confidence interval of the mean, from Student's t. */
    static double[] interval99(double[] x) {
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length - 1;
        double half = new TDistribution(x.length - 1).inverseCumulativeProbability(0.995) * Math.sqrt(var / x.length);
        return new double[] {mean - half, mean + half};
    }
}
