package org.spiketc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.analysis.Measurement;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;

/**
 * A result in the seed's JSON shape ({@code test_name}, {@code timestamp}, {@code metrics},
 * {@code environment}) with this product's additions: {@code schema_version}, raw {@code samples} per
 * metric, and sections such as {@code passes} and {@code layers}. Validated on the way in, so a
 * malformed or foreign file is refused with one message naming what is wrong.
 */
public final class ResultDocument {
    /** The result schema this version writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    private final ObjectNode json;

    private ResultDocument(ObjectNode json) {
        this.json = json;
    }

    /** Wraps a document this program built. */
    public static ResultDocument of(ObjectNode json) {
        return parse(json, "result");
    }

    /** Reads and validates a result file. */
    public static ResultDocument read(Path file) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException(file + " is not readable JSON: " + Json.shortMessage(e));
        }
        return parse(node, file.toString());
    }

    /**
     * Every result in a file (one document, or {@code {"results": [...]}} as {@code stc bench --json}
     * writes) or in the JSON files of a folder.
     */
    public static java.util.List<ResultDocument> readAll(Path path) {
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                return files.filter(p -> p.toString().endsWith(".json")).sorted().flatMap(p -> readAll(p).stream()).toList();
            } catch (IOException e) {
                throw new UserInputException("cannot list " + path + ": " + e.getMessage());
            }
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UserInputException(path + " is not readable JSON: " + Json.shortMessage(e));
        }
        if (node != null && node.isObject() && node.path("results").isArray() && !node.has("test_name")) {
            java.util.List<ResultDocument> out = new ArrayList<>();
            int i = 0;
            for (JsonNode r : node.path("results")) {
                out.add(parse(r, path + " result " + i++));
            }
            return out;
        }
        return java.util.List.of(parse(node, path.toString()));
    }

    /** Validates a parsed document; {@code origin} names it in messages. */
    public static ResultDocument parse(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            throw new UserInputException(origin + " is not a result: expected a JSON object");
        }
        List<String> problems = new ArrayList<>();
        if (!node.path("test_name").isTextual() || node.path("test_name").asText().isBlank()) {
            problems.add("test_name (a string) is missing");
        }
        if (!node.path("timestamp").isTextual()) {
            problems.add("timestamp (an ISO-8601 string) is missing");
        }
        JsonNode metrics = node.path("metrics");
        if (!metrics.isObject()) {
            problems.add("metrics (an object of numbers) is missing");
        } else {
            metrics.fields().forEachRemaining(e -> {
                if (!e.getValue().isNumber() && !e.getValue().isNull()) {
                    problems.add("metric " + e.getKey() + " is not a number");
                }
            });
        }
        if (!node.path("environment").isObject()) {
            problems.add("environment (an object) is missing");
        }
        JsonNode version = node.path("schema_version");
        if (!version.isMissingNode() && (!version.canConvertToInt() || version.asInt() > SCHEMA_VERSION)) {
            problems.add("schema_version " + version + " is newer than this stc reads (" + SCHEMA_VERSION + ")");
        }
        JsonNode samples = node.path("samples");
        if (!samples.isMissingNode()) {
            if (!samples.isObject()) {
                problems.add("samples is not an object of number arrays");
            } else {
                samples.fields().forEachRemaining(e -> {
                    boolean ok = e.getValue().isArray();
                    for (JsonNode v : e.getValue()) {
                        ok &= v.isNumber();
                    }
                    if (!ok) {
                        problems.add("samples of " + e.getKey() + " are not an array of numbers");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(origin + " is not a valid result: " + String.join("; ", problems));
        }
        return new ResultDocument(((ObjectNode) node).deepCopy());
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

    /** Metrics with their raw samples where the document has them; a null metric is a failure (NaN). */
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
            out.put(e.getKey(), new Measurement(value, raw));
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

    @Override
    public String toString() {
        return testName() + " @ " + timestamp();
    }
}
