package org.spiketc.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spiketc.common.Json;

/**
 * A run's configuration (the JSON object it was recorded with) as flat settings: nested objects become
 * dotted keys ({@code {"pipeline": {"level": 2}}} is {@code pipeline.level = 2}), arrays stay JSON text,
 * numbers in one form (4 and 4.0 alike), nulls are left out. Nothing here knows which keys a configuration has: whatever a run records is shown
 * and compared the same way, in the CSV export, on the command line and in the workbench.
 */
public final class RunConfiguration {
    /** The key under which text that is not a JSON object is kept, so that nothing recorded is hidden. */
    public static final String UNREADABLE = "unreadable";

    /** One setting that differs between two runs; a side that lacks it is null. */
    public record Difference(String key, String baseline, String current) {
        /** {@code key: baseline -> current}, a missing side as "-". */
        public String text() {
            return key + ": " + Objects.toString(baseline, "-") + " -> " + Objects.toString(current, "-");
        }
    }

    private RunConfiguration() {
    }

    /** The settings of a stored configuration, in key order; empty when none was recorded. */
    public static SortedMap<String, String> flat(String json) {
        if (json == null || json.isBlank()) {
            return Collections.emptySortedMap();
        }
        try {
            JsonNode n = Json.mapper().readTree(json);
            if (n != null && n.isObject()) {
                return flat(n);
            }
        } catch (IOException e) {
            // kept as text below
        }
        SortedMap<String, String> raw = new TreeMap<>();
        raw.put(UNREADABLE, json);
        return raw;
    }

    /** The settings of a configuration object (a result document's "configuration"), in key order; empty for anything else. */
    public static SortedMap<String, String> flat(JsonNode configuration) {
        SortedMap<String, String> out = new TreeMap<>();
        if (configuration != null && configuration.isObject()) {
            flatten("", configuration, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (!n.isNull()) {
            out.put(prefix, n.isTextual() ? n.asText() : ResultConfiguration.canonical(n));
        }
    }

    /**
     * The keys, in order, whose values are not the same in all of {@code runs} that recorded a configuration
     * (a key one of them lacks differs). Runs that recorded none are left out: they say nothing of any key,
     * and counting them would make every key differ.
     */
    public static List<String> differingKeys(Collection<? extends Map<String, String>> runs) {
        List<? extends Map<String, String>> recorded = runs.stream().filter(r -> !r.isEmpty()).toList();
        TreeSet<String> keys = new TreeSet<>();
        recorded.forEach(r -> keys.addAll(r.keySet()));
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (recorded.stream().map(r -> r.get(k)).distinct().count() > 1) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every key of either side, in order, with both values; {@code onlyDiffering} leaves out the keys whose values agree. */
    public static List<Difference> compare(Map<String, String> baseline, Map<String, String> current, boolean onlyDiffering) {
        TreeSet<String> keys = new TreeSet<>(baseline.keySet());
        keys.addAll(current.keySet());
        List<Difference> out = new ArrayList<>();
        for (String k : keys) {
            if (!onlyDiffering || !Objects.equals(baseline.get(k), current.get(k))) {
                out.add(new Difference(k, baseline.get(k), current.get(k)));
            }
        }
        return out;
    }

    /**
     * One line for a run among others: the {@code key=value} pairs of the keys that differ among them, so
     * that runs of one model told apart by their options read apart; all of the run's where none differ.
     */
    public static String summary(Map<String, String> settings, List<String> differing) {
        return pairs(settings, differing.isEmpty() ? settings.keySet() : differing);
    }

    /** {@code key=value} pairs of {@code settings} for {@code keys} (those it has), comma-separated, in the order given. */
    public static String pairs(Map<String, String> settings, Collection<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            if (settings.containsKey(k)) {
                parts.add(k + "=" + settings.get(k));
            }
        }
        return String.join(", ", parts);
    }
}
