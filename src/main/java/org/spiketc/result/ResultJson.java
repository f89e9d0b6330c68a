package org.spiketc.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.analysis.MetricRule.Direction;
import org.spiketc.analysis.Role;
import org.spiketc.analysis.Statistics;
import org.spiketc.analysis.Unit;
import org.spiketc.common.Json;

/**
 * The seed's JSON shape of a {@link Result}, both ways: the one writer and the one reader. Version 2 adds to
 * version 1 the run's {@code kind}, its {@code configuration}, and {@code metric_info}, which declares each
 * metric's unit, better direction and role (and, for a figure of a sweep, its quantity and parameters);
 * files of versions 0 and 1 are read with those taken from the names, as before.
 */
public final class ResultJson {
    /** The top-level fields this class writes itself; every other one is a section. */
    private static final Set<String> OWN = Set.of("test_name", "timestamp", "schema_version", "kind", "configuration", "metrics",
            "metric_info", "samples", "statistics", "environment");
    /** Environment facts written first, in this order, as the seed's examples have them. */
    private static final List<String> FIRST = List.of("hardware", "software_version", "source_commit");

    private ResultJson() {
    }

    public static ResultDocument write(Result r) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("test_name", r.testName());
        root.put("timestamp", r.timestamp().toString());
        root.put("schema_version", ResultDocument.SCHEMA_VERSION);
        root.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        if (r.configuration() != null) {
            root.set("configuration", r.configuration());
        }
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode info = root.putObject("metric_info");
        ObjectNode samples = Json.mapper().createObjectNode();
        ObjectNode statistics = Json.mapper().createObjectNode();
        for (Metric m : r.metrics()) {
            metrics.put(m.key(), m.value());
            ObjectNode i = info.putObject(m.key());
            i.put("unit", m.info().unit().name().toLowerCase(Locale.ROOT));
            i.put("better", m.info().better().name().toLowerCase(Locale.ROOT));
            i.put("role", m.info().role().name().toLowerCase(Locale.ROOT));
            if (!m.parameters().isEmpty()) {
                i.put("quantity", m.quantity());
                ObjectNode p = i.putObject("parameters");
                m.parameters().forEach(p::put);
            }
            double[] s = m.samples();
            if (s.length > 0) {
                var a = samples.putArray(m.key());
                for (double v : s) {
                    a.add(v);
                }
                statistics.putObject(m.key()).put("n", s.length).put("median", Statistics.median(s)).put("min", Statistics.min(s))
                        .put("max", Statistics.max(s)).put("spread_iqr", Statistics.spread(s));
            }
        }
        if (!samples.isEmpty()) {
            root.set("samples", samples);
            root.set("statistics", statistics);
        }
        ObjectNode env = root.putObject("environment");
        for (String k : FIRST) {
            if (r.environment().containsKey(k)) {
                env.set(k, Json.mapper().valueToTree(r.environment().get(k)));
            }
        }
        r.environment().forEach((k, v) -> {
            if (!FIRST.contains(k) && !k.equals("host")) {
                env.set(k, Json.mapper().valueToTree(v));
            }
        });
        if (r.environment().containsKey("host")) {
            env.set("host", Json.mapper().valueToTree(r.environment().get("host")));
        }
        r.sections().forEach((k, v) -> {
            if (!OWN.contains(k)) {
                root.set(k, v);
            }
        });
        return ResultDocument.of(root);
    }

    /** The typed result of a validated document; what a file does not declare is read as its version did. */
    public static Result read(ResultDocument doc) {
        JsonNode j = doc.json();
        Instant when = Instant.parse(doc.timestamp());
        Result.Builder b = Result.builder(kindOf(doc), doc.testName(), when);
        JsonNode config = j.path("configuration");
        b.configuration(config.isObject() ? config : null);
        JsonNode samples = j.path("samples");
        for (Iterator<Map.Entry<String, JsonNode>> it = j.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            double value = e.getValue().isNull() ? Double.NaN : e.getValue().asDouble();
            JsonNode s = samples.path(key);
            double[] raw = new double[s.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = s.get(i).asDouble();
            }
            JsonNode i = j.path("metric_info").path(key);
            Map<String, String> parameters = new LinkedHashMap<>();
            i.path("parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().asText()));
            b.metric(new Metric(key, i.path("quantity").asText(key), parameters, value, raw, info(key, i)));
        }
        Map<String, Object> env = Json.mapper().convertValue(j.path("environment"), Json.mapper().getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        env.forEach(b::environment);
        j.fields().forEachRemaining(e -> {
            if (!OWN.contains(e.getKey())) {
                b.section(e.getKey(), e.getValue());
            }
        });
        return b.build();
    }

    /** A metric's declaration in {@code metric_info}, or its reading from the name where there is none. */
    static MetricInfo info(String key, JsonNode declared) {
        if (!declared.isObject()) {
            return MetricInfo.legacy(key);
        }
        return MetricInfo.of(Unit.valueOf(declared.path("unit").asText().toUpperCase(Locale.ROOT)),
                Direction.valueOf(declared.path("better").asText().toUpperCase(Locale.ROOT)),
                Role.valueOf(declared.path("role").asText().toUpperCase(Locale.ROOT)));
    }

    /** Problems with a document's {@code metric_info} and {@code kind}, for {@link ResultDocument}'s validation. */
    static List<String> problems(JsonNode node) {
        List<String> problems = new ArrayList<>();
        JsonNode kind = node.path("kind");
        if (!kind.isMissingNode() && (!kind.isTextual() || !isKind(kind.asText()))) {
            problems.add("kind " + ResultDocument.quoted(kind.asText(kind.toString())) + " is not compile, inference, benchmark or imported");
        }
        JsonNode config = node.path("configuration");
        if (!config.isMissingNode() && !config.isNull() && !config.isObject()) {
            problems.add("configuration is not an object");
        }
        JsonNode info = node.path("metric_info");
        if (info.isMissingNode()) {
            return problems;
        }
        if (!info.isObject()) {
            problems.add("metric_info is not an object");
            return problems;
        }
        info.fields().forEachRemaining(e -> {
            String at = "metric_info of " + ResultDocument.shown(e.getKey());
            JsonNode i = e.getValue();
            if (!i.isObject()) {
                problems.add(at + " is not an object");
                return;
            }
            if (!known(Unit.values(), i.path("unit"))) {
                problems.add(at + ": unit " + ResultDocument.quoted(i.path("unit").asText()) + " is not a unit stc knows");
            }
            if (!known(Direction.values(), i.path("better"))) {
                problems.add(at + ": better is not lower, higher or neither");
            }
            if (!known(Role.values(), i.path("role"))) {
                problems.add(at + ": role is not measured, simulated or derived");
            }
        });
        return problems;
    }

    private static boolean known(Enum<?>[] values, JsonNode n) {
        if (!n.isTextual()) {
            return false;
        }
        for (Enum<?> v : values) {
            if (v.name().equalsIgnoreCase(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKind(String s) {
        for (RunKind k : RunKind.values()) {
            if (k.name().equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kind a document declares; a file without one (versions 0 and 1) is known by its test name's prefix,
     * as stc named them, and anything else is an import.
     */
    public static RunKind kindOf(ResultDocument doc) {
        JsonNode k = doc.json().path("kind");
        if (k.isTextual() && isKind(k.asText())) {
            return RunKind.valueOf(k.asText().toUpperCase(Locale.ROOT));
        }
        String name = doc.testName();
        if (name.startsWith("compile")) {
            return RunKind.COMPILE;
        }
        if (name.startsWith("inference")) {
            return RunKind.INFERENCE;
        }
        return RunKind.IMPORTED;
    }
}
