package org.spiketc.bench;

import java.util.List;
import org.spiketc.report.ResultConfiguration;
import org.spiketc.result.ResultDocument;

/**
 * Results of one test name measured under one configuration, in time order: the runs whose figures may
 * be compared with each other as a trend.
 *
 * @param testName      the results' test name
 * @param configuration what they were run with ({@link ResultConfiguration#NOT_RECORDED} for older results)
 * @param results       the results, oldest first
 * @param label         what tells this group from the other groups of its test name, e.g.
 *                      "pipeline.level=2, pipeline.bits=4", or "configuration not recorded"
 * @param alone         whether it is the only group of its test name, so the name alone identifies it
 */
record ResultGroup(String testName, ResultConfiguration configuration, List<ResultDocument> results, String label, boolean alone) {
    ResultGroup {
        results = List.copyOf(results);
    }

    ResultDocument latest() {
        return results.get(results.size() - 1);
    }

    /** The group as evidence names it: the test name, with its label where the name is shared by other groups. */
    String described() {
        return alone ? testName : testName + " (" + label + ")";
    }
}
