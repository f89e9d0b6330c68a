package org.spiketc.analysis;

import java.util.Locale;

/**
 * A metric of two runs side by side.
 *
 * @param metric   name, as in the results' {@code metrics}
 * @param baseline the baseline's measurement, or null where it has none
 * @param current  the current run's, or null where it has none
 * @param change   current / baseline − 1 for relative rules, current − baseline for absolute ones; NaN if
 *                 not computable
 * @param verdict  the one outcome
 * @param info     what the metric is, by which it was judged
 */
public record MetricComparison(String metric, Measurement baseline, Measurement current, double change, Verdict verdict,
        MetricInfo info) {
    /** The change as people read it: "+12.5%" for relative rules, "-0.0150" (a difference) for absolute ones, "" if none. */
    public String changeText() {
        if (Double.isNaN(change)) {
            return "";
        }
        return info.inPoints() ? String.format(Locale.ROOT, "%+.4f", change)
                : String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }
}
