package org.spiketc.result;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.MetricInfo;

/**
 * One figure of a result.
 *
 * @param key        its name in the result's {@code metrics} (the seed's names; a parameterised one keeps the
 *                   name users and baselines know, such as {@code accuracy_4bit})
 * @param quantity   what is measured ({@code accuracy}), the key without its parameters
 * @param parameters where it was measured ({@code weight_bits = 4}), empty for the run's own figure
 * @param value      NaN when the run could not produce it
 * @param samples    one per repetition or per image, empty for a single figure
 * @param info       unit, better direction and role
 */
public record Metric(String key, String quantity, Map<String, String> parameters, double value, double[] samples, MetricInfo info) {
    public Metric {
        parameters = Map.copyOf(parameters);
        samples = samples.clone();
    }

    /** The same figure measured at a point of a sweep: stored as {@code key} with the point's parameters as fields. */
    public Metric at(String key, Map<String, ?> where) {
        Map<String, String> p = new LinkedHashMap<>();
        where.forEach((k, v) -> p.put(k, String.valueOf(v)));
        return new Metric(key, quantity, p, value, samples, info);
    }

    public Measurement measurement() {
        return new Measurement(value, samples, info);
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && m.key.equals(key) && m.quantity.equals(quantity) && m.parameters.equals(parameters)
                && Double.compare(m.value, value) == 0 && Arrays.equals(m.samples, samples) && m.info.equals(info);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Double.hashCode(value);
    }
}
