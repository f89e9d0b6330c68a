package org.spiketc.bench;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.spiketc.report.ResultConfiguration;
import org.spiketc.report.RunConfiguration;
import org.spiketc.result.ResultDocument;

/**
 * Results grouped by test name and configuration: the report compares figures within a group only,
 * since runs of one model at different optimization levels, weight widths or time steps share a test
 * name but not their energy or accuracy. Results that recorded no configuration form a group of their
 * own per test name, so they are shown but never mixed with runs whose configuration is known.
 */
final class ResultGroups {
    static final String NOT_RECORDED = "configuration not recorded";
    /** The label of a test name's only recorded configuration: there is nothing to tell it from. */
    static final String ONLY_CONFIGURATION = "one configuration throughout";

    private final List<ResultGroup> groups;
    private final Map<ResultDocument, ResultGroup> byResult = new IdentityHashMap<>();

    private ResultGroups(List<ResultGroup> groups) {
        this.groups = List.copyOf(groups);
        for (ResultGroup g : groups) {
            g.results().forEach(r -> byResult.put(r, g));
        }
    }

    /**
     * @param results results in time order (oldest first)
     */
    static ResultGroups of(List<ResultDocument> results) {
        // test name (sorted) -> configuration (in order of first appearance) -> results (in time order)
        Map<String, Map<ResultConfiguration, List<ResultDocument>>> byName = new TreeMap<>();
        for (ResultDocument r : results) {
            byName.computeIfAbsent(r.testName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(ResultConfiguration.of(r), k -> new ArrayList<>()).add(r);
        }
        List<ResultGroup> groups = new ArrayList<>();
        byName.forEach((name, configurations) -> {
            List<ResultConfiguration> recorded = configurations.keySet().stream().filter(ResultConfiguration::recorded).toList();
            boolean alone = configurations.size() == 1;
            configurations.forEach((c, rs) -> groups.add(new ResultGroup(name, c, rs, label(c, recorded), alone)));
        });
        return new ResultGroups(groups);
    }

    /** Every group: by test name, then in the order their configurations first appear. */
    List<ResultGroup> all() {
        return groups;
    }

    /** The group a result of the list belongs to. */
    ResultGroup groupOf(ResultDocument result) {
        return Objects.requireNonNull(byResult.get(result), "not one of the grouped results");
    }

    /**
     * The settings of {@code c} whose values differ among the recorded configurations of its test name,
     * as "name=value", or "name not set" for a setting only others have. The names come in key order, the
     * same for every row of the test name, so rows read as columns.
     */
    static String label(ResultConfiguration c, List<ResultConfiguration> recorded) {
        if (!c.recorded()) {
            return NOT_RECORDED;
        }
        List<String> parts = new ArrayList<>();
        for (String name : RunConfiguration.differingKeys(recorded.stream().map(ResultConfiguration::settings).toList())) {
            parts.add(c.setting(name) == null ? name + " not set" : name + "=" + c.setting(name));
        }
        if (parts.isEmpty() && recorded.size() > 1) {
            // they differ only in how they are written (4 against "4", nested against dotted keys)
            return c.canonical();
        }
        return parts.isEmpty() ? ONLY_CONFIGURATION : String.join(", ", parts);
    }
}
