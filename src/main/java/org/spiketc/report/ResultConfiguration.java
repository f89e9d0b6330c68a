package org.spiketc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spiketc.result.ResultDocument;

/**
 * The configuration a result was measured under: its document's top-level {@code configuration} object
 * (a serialised run specification, possibly nested), or {@link #NOT_RECORDED} for a result written
 * before results carried one. Two configurations are equal when they hold the same keys and values,
 * whatever the order of the keys: {@code {"bits": 4, "level": 2}} equals {@code {"level": 2, "bits": 4}}.
 *
 * @param canonical the object as JSON text with its keys sorted at every depth and its numbers in one
 *                  form ({@code 4.0} and {@code 4} alike), the identity; null when not recorded
 * @param settings  the settings for people to read, as {@link RunConfiguration#flat(JsonNode)} gives them
 */
public record ResultConfiguration(String canonical, Map<String, String> settings) {
    /** The configuration of a result that recorded none. */
    public static final ResultConfiguration NOT_RECORDED = new ResultConfiguration(null, Map.of());

    public ResultConfiguration {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The configuration a document records, or {@link #NOT_RECORDED}. */
    public static ResultConfiguration of(ResultDocument result) {
        JsonNode c = result.json().path("configuration");
        if (!c.isObject()) {
            return NOT_RECORDED;
        }
        return new ResultConfiguration(canonical(c), RunConfiguration.flat(c));
    }

    public boolean recorded() {
        return canonical != null;
    }

    /** A setting by dotted name, or null where this configuration does not set it. */
    public String setting(String dottedName) {
        return settings.get(dottedName);
    }

    static String canonical(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder s = new StringBuilder("{");
            sorted.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(quoted(k)).append(':').append(canonical(v)));
            return s.append('}').toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(v -> items.add(canonical(v)));
            return "[" + String.join(",", items) + "]";
        }
        if (n.isNumber()) {
            // 4, 4.0 and 4.00 are one value: a writer that changes its number type must not split a trend
            return n.decimalValue().stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    private static String quoted(String key) {
        return new TextNode(key).toString();
    }
}
