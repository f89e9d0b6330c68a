package org.spiketc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.result.Metric;

/**
 * Collects what a benchmark measured: metrics as their quantities declare them (a repeated measurement
 * keeps its raw samples), sweep points, environment facts, and the outcome of its assertions. It builds no
 * JSON: the runner hands all of it to the result model's writer.
 */
public final class BenchRecorder {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<Point> points = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One point of a sweep: its parameters and what was measured there, by name, in the order put (for trade-off charts). */
    public static final class Point {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Point put(String name, Object value) {
            values.put(name, value);
            return this;
        }

        Map<String, Object> values() {
            return Collections.unmodifiableMap(values);
        }
    }

    /** Records a figure under its key; a second figure under one key replaces the first. */
    public void metric(Metric m) {
        metrics.put(m.key(), m);
    }

    /** The value recorded under {@code key}, for the benchmark's own checks; null when none was. */
    public Double value(String key) {
        Metric m = metrics.get(key);
        return m == null ? null : m.value();
    }

    public Point point() {
        Point p = new Point();
        points.add(p);
        return p;
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

    Map<String, Metric> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    Map<String, Object> environment() {
        return Collections.unmodifiableMap(environment);
    }

    List<Map<String, Object>> points() {
        return points.stream().map(Point::values).toList();
    }

    List<String> failures() {
        return failures;
    }

    List<String> notes() {
        return notes;
    }
}
