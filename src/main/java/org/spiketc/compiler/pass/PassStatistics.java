package org.spiketc.compiler.pass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters and per-layer figures one pass run reports (MLIR's pass statistics), such as
 * {@code folded=34} or, per layer, {@code quantization_rmse}.
 */
public final class PassStatistics {
    /** One figure about one layer. */
    public record LayerStat(String layer, String metric, double value) {
    }

    private final Map<String, Double> counters = new LinkedHashMap<>();
    private final List<LayerStat> layers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void count(String counter, double value) {
        counters.merge(counter, value, Double::sum);
    }

    public void layer(String layer, String metric, double value) {
        layers.add(new LayerStat(layer, metric, value));
    }

    /** A line of explanation for the report, e.g. the cost of each lowering choice. */
    public void note(String line) {
        notes.add(line);
    }

    public Map<String, Double> counters() {
        return Collections.unmodifiableMap(counters);
    }

    public List<LayerStat> layers() {
        return Collections.unmodifiableList(layers);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }
}
