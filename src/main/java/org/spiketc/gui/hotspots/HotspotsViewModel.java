package org.spiketc.gui.hotspots;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spiketc.gui.UiThread;
import org.spiketc.report.ResultDocument;
import org.spiketc.store.RunRepository;
import org.spiketc.store.StoredRun;

/**
 * Where a run spent its effort: for a compile, each pass's time, allocation and IR change; for an
 * inference, each layer's share of the synaptic operations (which drive dynamic energy) and its spikes.
 * Read from the stored result, so it works for command-line runs too.
 */
public final class HotspotsViewModel {
    /** One pass of a compile. */
    public record PassRow(String pass, double wallMs, double cpuMs, double allocatedMb, String irChange, String notes) {
    }

    /** One layer of an inference. */
    public record LayerRow(String layer, String engine, double synapticOps, double share, double spikes, double firingRate) {
    }

    private final RunRepository runs;
    private final UiThread threads;
    private final ObservableList<PassRow> passes = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a run in Runs to see its hotspots");

    public HotspotsViewModel(RunRepository runs, UiThread threads) {
        this.runs = runs;
        this.threads = threads;
    }

    public ObservableList<PassRow> passes() {
        return passes;
    }

    public ObservableList<LayerRow> layers() {
        return layers;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shows the hotspots of a run (null clears). */
    public void show(StoredRun run) {
        if (run == null) {
            passes.clear();
            layers.clear();
            title.set("Select a run in Runs to see its hotspots");
            return;
        }
        threads.background().execute(() -> {
            ResultDocument doc = runs.result(run.id()).orElse(null);
            List<PassRow> p = new ArrayList<>();
            List<LayerRow> l = new ArrayList<>();
            if (doc != null) {
                JsonNode json = doc.json();
                for (JsonNode n : json.path("passes")) {
                    if (n.path("depth").asInt(1) == 0) {
                        continue; // the pipeline itself, not a pass
                    }
                    String change = String.format(Locale.ROOT, "nodes %d -> %d, parameters %.1f -> %.1f MB", n.path("nodes_before").asLong(),
                            n.path("nodes_after").asLong(), n.path("parameter_bytes_before").asDouble() / 1048576,
                            n.path("parameter_bytes_after").asDouble() / 1048576);
                    List<String> notes = new ArrayList<>();
                    n.path("counters").fields().forEachRemaining(e -> notes.add(e.getKey() + " " + e.getValue().asText()));
                    p.add(new PassRow(n.path("id").asText(), n.path("wall_ms").asDouble(), n.path("cpu_ms").asDouble(),
                            n.path("allocated_bytes").asDouble() / 1048576, change, String.join(", ", notes)));
                }
                double total = 0;
                for (JsonNode n : json.path("layers")) {
                    total += n.path("engine").asText("").equals("reference") ? 0 : n.path("synaptic_ops_per_inference").asDouble();
                }
                for (JsonNode n : json.path("layers")) {
                    if (!n.has("synaptic_ops_per_inference")) {
                        continue; // compile layers: their resources are in the report, not here
                    }
                    double ops = n.path("synaptic_ops_per_inference").asDouble();
                    boolean ref = n.path("engine").asText("").equals("reference");
                    l.add(new LayerRow(n.path("name").asText(), n.path("engine").asText(""), ops, ref || total == 0 ? 0 : ops / total,
                            n.path("spikes_per_inference").asDouble(), n.path("firing_rate").asDouble()));
                }
            }
            l.sort((a, b) -> Double.compare(b.synapticOps(), a.synapticOps()));
            String t = doc == null ? "Run " + run.id() + " has no stored result" : String.format(Locale.ROOT, "Run %d (%s): %d passes, %d layers",
                    run.id(), run.testName(), p.size(), l.size());
            threads.ui().execute(() -> {
                passes.setAll(p);
                layers.setAll(l);
                title.set(t);
            });
        });
    }
}
