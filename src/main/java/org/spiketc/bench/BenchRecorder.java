package org.spiketc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.analysis.Statistics;
import org.spiketc.common.Json;

/**
 * Collects what a benchmark measured: metrics (a repeated measurement keeps its raw samples and reports
 * their median), sweep points, environment facts, and the outcome of its assertions.
 */
public final class BenchRecorder {
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, double[]> samples = new LinkedHashMap<>();
    private final ObjectNode environment = Json.mapper().createObjectNode();
    private final ArrayNode points = Json.mapper().createArrayNode();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void metric(String name, double value) {
        metrics.put(name, value);
    }

    /** A repeated measurement: the samples are kept, the metric is their median. */
    public void samples(String name, double[] values) {
        samples.put(name, values.clone());
        metrics.put(name, Statistics.median(values));
    }

    /** One point of a sweep: its parameters and what was measured there (for trade-off charts). */
    public ObjectNode point() {
        return points.addObject();
    }

    public void environment(String key, String value) {
        environment.put(key, value);
    }

    public void note(String text) {
        notes.add(text);
    }

    /** An assertion of the benchmark: records a failure message when it does not hold. */
    public void check(boolean holds, String expectation) {
        if (!holds) {
            failures.add(expectation);
        }
    }

    Map<String, Double> metrics() {
        return metrics;
    }

    Map<String, double[]> samples() {
        return samples;
    }

    ObjectNode environment() {
        return environment;
    }

    ArrayNode points() {
        return points;
    }

    List<String> failures() {
        return failures;
    }

    List<String> notes() {
        return notes;
    }
}
