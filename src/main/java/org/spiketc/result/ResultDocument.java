package org.spiketc.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.spiketc.analysis.Measurement;
import org.spiketc.common.Json;
import org.spiketc.common.JsonErrors;
import org.spiketc.common.OneLine;
import org.spiketc.common.UserInputException;

/**
 * A result in the seed's JSON shape ({@code test_name}, {@code timestamp}, {@code metrics},
 * {@code environment}) with this product's additions: {@code schema_version}, raw {@code samples} per
 * metric, and sections such as {@code passes} and {@code layers}. Validated on the way in, so a
 * malformed or foreign file is refused with one message naming what is wrong.
 */
public final class ResultDocument {
    /**
     * The result schema this version writes and reads: 2 adds {@code kind}, {@code configuration} and
     * {@code metric_info} to 1; files of 0 (the seed's examples) and 1 still read.
     */
    public static final int SCHEMA_VERSION = 2;
    /** Longest test name the results store keeps (its column size). */
    public static final int MAX_TEST_NAME = 300;
    /** Longest metric or series name the results store keeps. */
    public static final int MAX_METRIC_NAME = 200;
    /** Longest {@code environment.model}. */
    public static final int MAX_MODEL = 200;
    /** Longest {@code environment.hardware}. */
    public static final int MAX_HARDWARE = 300;
    /** Longest {@code environment.software_version}. */
    public static final int MAX_SOFTWARE_VERSION = 64;
    /** Longest host summary ("cpu, N cores, M MB") made from {@code environment.host}. */
    public static final int MAX_HOST = 300;
    /** Longest {@code passes[].id}. */
    public static final int MAX_PASS_ID = 100;
    /** Longest {@code layers[].name}. */
    public static final int MAX_LAYER_NAME = 300;
    /** Longest {@code layers[].engine}. */
    public static final int MAX_ENGINE = 32;
    /** Timestamps the store keeps: years 1 to 9999, as ISO-8601 instants. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** Problems listed in one message before the rest are counted. */
    private static final int SHOWN_PROBLEMS = 5;
    private final ObjectNode json;
    private final String origin;

    private ResultDocument(ObjectNode json, String origin) {
        this.json = json;
        this.origin = origin;
    }

    /**
     * Wraps a document this program built. A figure it could not compute (NaN or infinite, say an
     * accuracy over no finished sample) is written as {@code null}, a failed measurement, and a
     * non-finite raw sample is left out: a stored result always exports again.
     */
    public static ResultDocument of(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        finiteOnly(copy);
        return parse(copy, "result");
    }

    /** Reads and validates a result file. */
    public static ResultDocument read(Path file) {
        return parse(readJson(file), file.toString());
    }

    /**
     * Every result in a file (one document, or {@code {"results": [...]}} as {@code stc bench --json}
     * writes) or in the JSON files of a folder. Every file is read and checked completely before this
     * returns, so a caller that stores the list stores what the database will take; a folder without
     * any {@code .json} file is refused.
     */
    public static List<ResultDocument> readAll(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (var listing = Files.list(path)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UserInputException("cannot list " + path + ": " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new UserInputException(path + " holds no result files (*.json)");
            }
            return files.stream().flatMap(p -> readAll(p).stream()).toList();
        }
        return all(readJson(path), path.toString());
    }

    /** Every result in JSON text (one document or a {@code results} array); {@code origin} names it in messages. */
    public static List<ResultDocument> readAll(String text, String origin) {
        return all(parseJson(text, origin), origin);
    }

    private static List<ResultDocument> all(JsonNode node, String origin) {
        if (node != null && node.isObject() && node.has("results") && !node.has("test_name")) {
            JsonNode results = node.path("results");
            if (!results.isArray()) {
                throw new UserInputException(origin + " is not a valid result: results is not an array of results");
            }
            List<ResultDocument> out = new ArrayList<>();
            int i = 0;
            for (JsonNode r : results) {
                out.add(parse(r, origin + " result " + i++));
            }
            if (out.isEmpty()) {
                throw new UserInputException(origin + " holds no results (its results array is empty)");
            }
            return out;
        }
        return List.of(parse(node, origin));
    }

    private static JsonNode readJson(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new UserInputException(file + " is not valid JSON: it is not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + (e.getMessage() == null ? "input/output error" : e.getMessage()));
        }
        return parseJson(text, file.toString());
    }

    private static JsonNode parseJson(String text, String origin) {
        try {
            // One JSON value per file: text after it is a damaged or concatenated file, not something to ignore.
            return Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(origin + " is " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new UserInputException(origin + " is not valid JSON: " + OneLine.of(Json.shortMessage(e), 200));
        }
    }


    /** Validates a parsed document; {@code origin} names it in messages. */
    public static ResultDocument parse(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            throw new UserInputException(origin + " is not a result: expected a JSON object");
        }
        List<String> problems = new ArrayList<>();
        JsonNode name = node.path("test_name");
        if (!name.isTextual() || name.asText().isBlank()) {
            problems.add("test_name (a string) is missing");
        } else {
            text(problems, "test_name", name.asText(), MAX_TEST_NAME);
            if (name.asText().chars().anyMatch(Character::isISOControl)) {
                problems.add("test_name holds a control character (a line break, a tab)");
            }
        }
        JsonNode timestamp = node.path("timestamp");
        if (!timestamp.isTextual()) {
            problems.add("timestamp (an ISO-8601 string) is missing");
        } else {
            String problem = instantProblem(timestamp.asText());
            if (problem != null) {
                problems.add(problem);
            }
        }
        JsonNode metrics = node.path("metrics");
        if (!metrics.isObject()) {
            problems.add("metrics (an object of numbers) is missing");
        } else {
            metrics.fields().forEachRemaining(e -> {
                String metric = "metric " + shown(e.getKey());
                if (!e.getValue().isNumber() && !e.getValue().isNull()) {
                    problems.add(metric + " is not a number");
                } else if (e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
                    problems.add(metric + " is not a finite number (beyond 1.8e308, the largest the results store keeps)");
                }
                if (e.getKey().length() > MAX_METRIC_NAME) {
                    problems.add(metric + ": the name has " + e.getKey().length() + " characters, more than " + MAX_METRIC_NAME);
                }
            });
        }
        JsonNode env = node.path("environment");
        if (!env.isObject()) {
            problems.add("environment (an object) is missing");
        } else {
            optionalText(problems, env, "model", MAX_MODEL);
            optionalText(problems, env, "hardware", MAX_HARDWARE);
            optionalText(problems, env, "software_version", MAX_SOFTWARE_VERSION);
            JsonNode host = env.path("host");
            if (!host.isMissingNode() && !host.isNull()) {
                if (!host.isObject()) {
                    problems.add("environment.host is not an object");
                } else {
                    text(problems, "environment.host (as cpu, cores, memory)", hostOf(host), MAX_HOST);
                }
            }
        }
        JsonNode version = node.path("schema_version");
        if (!version.isMissingNode()) {
            if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 0) {
                problems.add("schema_version " + quoted(version.toString()) + " is not a version number");
            } else if (version.asInt() > SCHEMA_VERSION) {
                problems.add("schema_version " + version + " is newer than this stc reads (" + SCHEMA_VERSION + ")");
            }
        }
        JsonNode samples = node.path("samples");
        if (!samples.isMissingNode()) {
            if (!samples.isObject()) {
                problems.add("samples is not an object of number arrays");
            } else {
                samples.fields().forEachRemaining(e -> {
                    boolean ok = e.getValue().isArray();
                    boolean finite = true;
                    for (JsonNode v : e.getValue()) {
                        ok &= v.isNumber();
                        finite &= !v.isNumber() || Double.isFinite(v.asDouble());
                    }
                    if (!ok) {
                        problems.add("samples of " + shown(e.getKey()) + " are not an array of numbers");
                    } else if (!finite) {
                        problems.add("samples of " + shown(e.getKey()) + " hold a number that is not finite");
                    }
                });
            }
        }
        problems.addAll(ResultJson.problems(node));
        records(problems, node, "passes", (at, p) -> {
            optionalText(problems, p, at, "id", MAX_PASS_ID);
            number(problems, p, at, "wall_ms", false);
            number(problems, p, at, "cpu_ms", false);
            number(problems, p, at, "allocated_bytes", true);
        });
        records(problems, node, "layers", (at, l) -> {
            optionalText(problems, l, at, "engine", MAX_ENGINE);
            optionalText(problems, l, at, "name", MAX_LAYER_NAME);
            number(problems, l, at, "spikes_per_inference", false);
            number(problems, l, at, "firing_rate", false);
            number(problems, l, at, "synaptic_ops_per_inference", false);
        });
        if (problems.isEmpty()) {
            // Anywhere else: a number beyond double's range (1e400) would be stored as infinity and never export again.
            String where = nonFinite(node, "");
            if (where != null) {
                problems.add(where + " is not a finite number (beyond 1.8e308, the largest the results store keeps)");
            }
        }
        if (!problems.isEmpty()) {
            String more = problems.size() > SHOWN_PROBLEMS ? "; and " + (problems.size() - SHOWN_PROBLEMS) + " more" : "";
            throw new UserInputException(origin + " is not a valid result: "
                    + String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()))) + more);
        }
        return new ResultDocument(((ObjectNode) node).deepCopy(), origin);
    }

    /** Why a timestamp cannot be stored, or null when it can. */
    private static String instantProblem(String s) {
        try {
            Instant t = Instant.parse(s);
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
                return "timestamp " + quoted(s) + " is outside the years 1 to 9999";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "timestamp " + quoted(s) + " is not an ISO-8601 instant (like 2025-08-02T10:30:00Z)";
        }
    }

    private static void text(List<String> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.add(field + " has " + value.length() + " characters, more than the " + max + " the results store keeps");
        }
    }

    private static void optionalText(List<String> problems, JsonNode parent, String field, int max) {
        optionalText(problems, parent, "environment", field, max);
    }

    private static void optionalText(List<String> problems, JsonNode parent, String at, String field, int max) {
        JsonNode v = parent.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (!v.isTextual()) {
            problems.add(at + "." + field + " is not a string");
        } else {
            text(problems, at + "." + field, v.asText(), max);
        }
    }

    private static void number(List<String> problems, JsonNode parent, String at, String field, boolean whole) {
        JsonNode v = parent.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (!v.isNumber()) {
            problems.add(at + "." + field + " is not a number");
        } else if (whole && (!v.isIntegralNumber() || !v.canConvertToLong())) {
            problems.add(at + "." + field + " is not a whole number of at most 19 digits");
        }
    }

    /** Checks each element of an optional array of objects ({@code passes}, {@code layers}). */
    private static void records(List<String> problems, JsonNode node, String section,
            BiConsumer<String, JsonNode> check) {
        JsonNode a = node.path(section);
        if (a.isMissingNode() || a.isNull()) {
            return;
        }
        if (!a.isArray()) {
            problems.add(section + " is not an array of objects");
            return;
        }
        for (int i = 0; i < a.size() && problems.size() <= SHOWN_PROBLEMS; i++) {
            String at = section + "[" + i + "]";
            if (!a.get(i).isObject()) {
                problems.add(at + " is not an object");
            } else {
                check.accept(at, a.get(i));
            }
        }
    }

    /** The first place (as a path like {@code layers[2].firing_rate}) holding a non-finite number, or null. */
    private static String nonFinite(JsonNode n, String at) {
        if (n.isNumber()) {
            return Double.isFinite(n.asDouble()) ? null : (at.isEmpty() ? "the document" : at);
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String w = nonFinite(n.get(i), at + "[" + i + "]");
                if (w != null) {
                    return w;
                }
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String w = nonFinite(e.getValue(), (at.isEmpty() ? "" : at + ".") + shown(e.getKey()));
                if (w != null) {
                    return w;
                }
            }
        }
        return null;
    }

    /** Non-finite numbers become null; in the {@code samples} arrays they are dropped. */
    private static void finiteOnly(ObjectNode doc) {
        nullNonFinite(doc);
        if (doc.path("samples").isObject()) {
            doc.path("samples").fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    var a = (ArrayNode) e.getValue();
                    for (int i = a.size() - 1; i >= 0; i--) {
                        if (a.get(i).isNull()) {
                            a.remove(i);
                        }
                    }
                }
            });
        }
    }

    private static void nullNonFinite(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> bad = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
                    bad.add(e.getKey());
                } else {
                    nullNonFinite(e.getValue());
                }
            });
            bad.forEach(o::putNull);
        } else if (n.isArray()) {
            var a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber() && !Double.isFinite(a.get(i).asDouble())) {
                    a.set(i, NullNode.getInstance());
                } else {
                    nullNonFinite(a.get(i));
                }
            }
        }
    }

    /** A name from the file as a message shows it: plain names as they are, others {@link #quoted}. */
    static String shown(String s) {
        return s.matches("[A-Za-z0-9_.:+-]{1,60}") && !s.matches(".*(Exception|Error)") ? s : quoted(s);
    }

    /** Text from the file as messages quote it. */
    static String quoted(String s) {
        return OneLine.quoted(s, 60);
    }

    /** The host summary the store keeps for an {@code environment.host} object. */
    public static String hostOf(JsonNode h) {
        if (!h.isObject()) {
            return null;
        }
        return h.path("cpu").asText("?") + ", " + h.path("logical_cores").asText("?") + " cores, " + h.path("memory_mb").asText("?") + " MB";
    }

    /** Where this document came from, as messages name it (a file, "FILE result 3", "result"). */
    public String origin() {
        return origin;
    }

    public ObjectNode json() {
        return json.deepCopy();
    }

    public String testName() {
        return json.path("test_name").asText();
    }

    public String timestamp() {
        return json.path("timestamp").asText();
    }

    /** 0 for files written without a version (the seed's own examples). */
    public int schemaVersion() {
        return json.path("schema_version").asInt(0);
    }

    public JsonNode environment() {
        return json.path("environment");
    }

    /** A text field of the environment, or null. */
    public String environment(String field) {
        JsonNode n = json.path("environment").path(field);
        return n.isValueNode() ? n.asText() : null;
    }

    /**
     * Metrics with their raw samples where the document has them and what they are (declared in
     * {@code metric_info}, else read from their names); a null metric is a failure (NaN).
     */
    public Map<String, Measurement> measurements() {
        Map<String, Measurement> out = new LinkedHashMap<>();
        JsonNode samples = json.path("samples");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double value = e.getValue().isNull() ? Double.NaN : e.getValue().asDouble();
            JsonNode s = samples.path(e.getKey());
            double[] raw = new double[s.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = s.get(i).asDouble();
            }
            out.put(e.getKey(), new Measurement(value, raw, ResultJson.info(e.getKey(), json.path("metric_info").path(e.getKey()))));
        }
        return out;
    }

    /** Adds a metric's raw samples to a document being built (the {@code samples} section). */
    public static void putSamples(ObjectNode doc, String metric, double[] samples) {
        JsonNode section = doc.path("samples");
        ObjectNode s = section.isObject() ? (ObjectNode) section : doc.putObject("samples");
        var a = s.putArray(metric);
        for (double v : samples) {
            a.add(v);
        }
    }

    /** Writes the document as indented JSON. */
    public void write(Path file) throws IOException {
        Json.mapper().writeValue(file.toFile(), json);
    }

    /** Several results in one file, as {@link #readAll(Path)} reads them back: {@code {"schema_version", "results": [...]}}. */
    public static void writeAll(Path file, List<ResultDocument> results) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("schema_version", SCHEMA_VERSION);
        all.put("results", results.stream().map(ResultDocument::json).toList());
        Json.mapper().writeValue(file.toFile(), all);
    }

    @Override
    public String toString() {
        return testName() + " @ " + timestamp();
    }
}
