package org.spiketc.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the metrics of a run with a baseline, one verdict per metric. A change counts only where it
 * passes the metric's threshold and floor ({@link MetricRule}) AND the samples show it ({@link Statistics#differ});
 * a deterministic metric ({@link MetricRule#deterministic}) has no noise to tell apart, so its threshold alone
 * decides, except that an accuracy must also change by more than sampling its images allows.
 *
 * @param metrics  one row per metric present on either side, in name order
 * @param warnings what makes the comparison weaker (another machine, another schema), for the reader
 */
public record Comparison(List<MetricComparison> metrics, List<String> warnings) {
    /** Whether any metric regressed: the exit status a CI gate needs. */
    public boolean hasRegression() {
        return metrics.stream().anyMatch(m -> m.verdict().isRegression());
    }

    /**
     * @param baseline the baseline's metrics
     * @param current  the current run's metrics
     * @param warnings already known (machine or schema differences)
     */
    public static Comparison of(Map<String, Measurement> baseline, Map<String, Measurement> current, List<String> warnings) {
        List<MetricComparison> rows = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(baseline.keySet());
        names.addAll(current.keySet());
        for (String name : names) {
            MetricComparison row = compare(name, baseline.get(name), current.get(name));
            rows.add(withinSampling(row, baseline.get(SAMPLES), current.get(SAMPLES)));
        }
        return new Comparison(List.copyOf(rows), List.copyOf(warnings));
    }

    /** The metric that says on how many images an accuracy was counted. */
    static final String SAMPLES = "samples";

    /**
     * An accuracy change that passes its threshold still counts only where it exceeds what sampling the images
     * allows at 95 % ({@link ProportionInterval#differ}): one point on 200 images is within it, one point on
     * 10,000 is not. Runs that do not say how many images they counted are judged by the threshold alone.
     */
    static MetricComparison withinSampling(MetricComparison row, Measurement baseSamples, Measurement curSamples) {
        boolean judged = row.verdict() == Verdict.WORSE || row.verdict() == Verdict.BETTER;
        if (!judged || row.info().rule() != MetricRule.ACCURACY || baseSamples == null || curSamples == null
                || baseSamples.failed() || curSamples.failed()) {
            return row;
        }
        if (ProportionInterval.differ(row.baseline().value(), (int) baseSamples.value(), row.current().value(),
                (int) curSamples.value())) {
            return row;
        }
        return new MetricComparison(row.metric(), row.baseline(), row.current(), row.change(), Verdict.NOT_SIGNIFICANT, row.info());
    }

    static MetricComparison compare(String name, Measurement base, Measurement cur) {
        MetricInfo info = infoOf(name, base, cur);
        MetricRule rule = info.rule();
        if (base == null || cur == null) {
            return new MetricComparison(name, base, cur, Double.NaN, Verdict.INCOMPARABLE, info);
        }
        if (!base.failed() && cur.failed()) {
            return new MetricComparison(name, base, cur, Double.NaN, Verdict.NEW_FAILURE, info);
        }
        if (base.failed() && !cur.failed()) {
            return new MetricComparison(name, base, cur, Double.NaN, Verdict.FIXED, info);
        }
        if (base.failed()) {
            return new MetricComparison(name, base, cur, Double.NaN, Verdict.INCOMPARABLE, info);
        }
        double change = rule.absolute() ? cur.value() - base.value()
                : base.value() == 0 ? Double.NaN : cur.value() / base.value() - 1;
        if (rule.better() == MetricRule.Direction.NEITHER) {
            return new MetricComparison(name, base, cur, change, Verdict.INCOMPARABLE, info);
        }
        int beyond = rule.exceeds(info.floor(), base.value(), cur.value());
        // A deterministic metric's samples are one figure per image: their spread is the images' differences,
        // the same in both runs, so a test would weigh a change that every image shares against those, not noise.
        boolean shown = info.deterministic() || Statistics.differ(base.raw(), cur.raw());
        Verdict v;
        if (beyond == 0 || !shown) {
            v = Verdict.NOT_SIGNIFICANT;
        } else {
            v = beyond > 0 ? Verdict.WORSE : Verdict.BETTER;
        }
        return new MetricComparison(name, base, cur, change, v, info);
    }

    /** What the current run declares the metric to be, else the baseline (an older file may declare nothing). */
    private static MetricInfo infoOf(String name, Measurement base, Measurement cur) {
        if (cur != null && cur.info().declared()) {
            return cur.info();
        }
        if (base != null && base.info().declared()) {
            return base.info();
        }
        return MetricInfo.legacy(name);
    }
}
