package org.spiketc.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.spiketc.analysis.Measurement;
import org.spiketc.common.Json;

/**
 * One run's result, typed: what ran (kind, test name, its configuration), what it measured (metrics with
 * unit, direction, role and samples), where (environment and provenance), and its records (passes, layers,
 * the core map, sweep points), which the result's builders in {@code report} make. {@link ResultJson}
 * writes it in the seed's JSON shape and reads it back; nothing else writes result JSON.
 *
 * @param configuration the run's specification as JSON ({@link RunSpec#toJson}), or null where unknown
 *                      (results imported from elsewhere, older files)
 * @param environment   scalar facts (hardware, model, dataset, engine, ...) and the {@code host} object
 * @param sections      the records beside the metrics ({@code passes}, {@code layers}, {@code core_map}, ...), in order
 */
public record Result(RunKind kind, String testName, Instant timestamp, JsonNode configuration, List<Metric> metrics,
        Map<String, Object> environment, Map<String, JsonNode> sections) {
    public Result {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(testName);
        metrics = List.copyOf(metrics);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        configuration = configuration == null ? null : configuration.deepCopy();
    }

    public static Builder builder(RunKind kind, String testName, Instant timestamp) {
        return new Builder(kind, testName, timestamp);
    }

    /** The same result under another test name (a run the caller named, such as one point of a sweep). */
    public Result named(String name) {
        return new Result(kind, name, timestamp, configuration, metrics, environment, sections);
    }

    /** The metric under this key, or null. */
    public Metric metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
    }

    /** Metrics by key, as comparisons and the store take them. */
    public Map<String, Measurement> measurements() {
        Map<String, Measurement> out = new LinkedHashMap<>();
        metrics.forEach(m -> out.put(m.key(), m.measurement()));
        return out;
    }

    /** The seed JSON of this result, validated. */
    public ResultDocument document() {
        return ResultJson.write(this);
    }

    /** Collects a result as a run produces it; the order of calls is the order in the file. */
    public static final class Builder {
        private final RunKind kind;
        private final String testName;
        private final Instant timestamp;
        private JsonNode configuration;
        private final Map<String, Metric> metrics = new LinkedHashMap<>();
        private final Map<String, Object> environment = new LinkedHashMap<>();
        private final Map<String, JsonNode> sections = new LinkedHashMap<>();

        private Builder(RunKind kind, String testName, Instant timestamp) {
            this.kind = kind;
            this.testName = testName;
            this.timestamp = timestamp;
            environment.put("software_version", Version.get());
            environment.put("source_commit", Version.commit());
        }

        public Builder configuration(RunSpec spec) {
            configuration = spec == null ? null : spec.toJson();
            return this;
        }

        public Builder configuration(JsonNode json) {
            configuration = json;
            return this;
        }

        /** A configuration that is not a run specification (a benchmark's scale and repetitions), as named settings. */
        public Builder configuration(Map<String, ?> settings) {
            configuration = Json.mapper().valueToTree(settings);
            return this;
        }

        /** A metric; a second one under the same key replaces the first. */
        public Builder metric(Metric m) {
            metrics.put(m.key(), m);
            return this;
        }

        public Builder metrics(List<Metric> ms) {
            ms.forEach(this::metric);
            return this;
        }

        /** A fact of the environment: text, a number, a flag or a list of texts. */
        public Builder environment(String key, Object value) {
            environment.put(key, value);
            return this;
        }

        public Builder host(HostInfo h) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpu", h.cpu());
            m.put("physical_cores", h.physicalCores());
            m.put("logical_cores", h.logicalCores());
            m.put("memory_mb", h.memoryMb());
            m.put("os", h.os());
            m.put("java", h.java());
            environment.put("host", m);
            return this;
        }

        /** A record beside the metrics, from a builder in {@code report} (a tree) or plain values (lists, maps, text). */
        public Builder section(String name, Object value) {
            sections.put(name, value instanceof JsonNode n ? n : Json.mapper().valueToTree(value));
            return this;
        }

        public Result build() {
            return new Result(kind, testName, timestamp, configuration, new ArrayList<>(metrics.values()), environment, sections);
        }
    }
}
