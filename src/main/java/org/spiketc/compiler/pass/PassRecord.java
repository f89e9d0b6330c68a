package org.spiketc.compiler.pass;

import java.util.List;
import java.util.Map;

/**
 * Everything measured about one pass run: the row of the report's pass table, one JSON record,
 * one row in the store.
 *
 * @param id             pass id
 * @param description    what it does
 * @param parameters     its settings
 * @param depth          0 for the pipeline, 1 for its passes
 * @param wallMillis     wall time including children
 * @param cpuMillis      CPU time of all live JVM threads while it ran (a pass may use worker threads; other
 *                       work in the process at the same time is counted too), see {@code ThreadCounters}
 * @param allocatedBytes bytes allocated by all live JVM threads while it ran, counted the same way
 * @param before         IR size before
 * @param after          IR size after
 * @param counters       pass statistics
 * @param layers         per-layer statistics
 * @param notes          explanations the pass gave (e.g. lowering costs)
 */
public record PassRecord(String id, String description, Map<String, String> parameters, int depth, double wallMillis,
        double cpuMillis, long allocatedBytes, IrSize before, IrSize after, Map<String, Double> counters,
        List<PassStatistics.LayerStat> layers, List<String> notes) {
}
