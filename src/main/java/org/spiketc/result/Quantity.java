package org.spiketc.result;

import java.util.Map;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.analysis.MetricRule.Direction;
import org.spiketc.analysis.Role;
import org.spiketc.analysis.Statistics;
import org.spiketc.analysis.Unit;

/**
 * A kind of figure with its unit, direction and role, declared once ({@link Quantities}) and used wherever
 * such a figure is made, so no reader has to guess them from a name.
 */
public record Quantity(String name, MetricInfo info) {
    public static Quantity of(String name, Unit unit, Direction better, Role role) {
        return new Quantity(name, MetricInfo.of(unit, better, role));
    }

    /** A single figure under this quantity's own name. */
    public Metric value(double v) {
        return new Metric(name, name, Map.of(), v, new double[0], info);
    }

    /** A figure with the samples it summarises (one per image or per repetition), reported as given. */
    public Metric value(double v, double[] samples) {
        return new Metric(name, name, Map.of(), v, samples, info);
    }

    /** A repeated measurement: the samples are kept, the figure is their median. */
    public Metric median(double[] samples) {
        return value(Statistics.median(samples), samples);
    }
}
