package org.spiketc.gui.hotspots;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spiketc.gui.BackgroundTask;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.result.ResultDocument;
import org.spiketc.store.RunRepository;
import org.spiketc.store.StoredRun;

/**
 * Where a run spent its effort. For a compile: each pass's time, self time, allocation and IR change on a
 * timeline, and for the selected pass the layers it changed and how (quantization error, pruned fraction,
 * ...). For an inference: each layer's share of the synaptic operations and its spikes. For both: the
 * core/chip map, each core coloured by its load. Read from the stored result, so command-line runs too.
 */
public final class HotspotsViewModel {
    /** One pass of a compile; {@code startMs} is its offset in the pipeline, {@code selfMs} its time minus its sub-passes'. */
    public record PassRow(String pass, double startMs, double wallMs, double selfMs, double cpuMs, double allocatedMb, String irChange,
            String notes, List<LayerChange> layers) {
    }

    /** What a pass changed in one layer: a named statistic (e.g. quantization error) and its value. */
    public record LayerChange(String layer, String metric, double value) {
    }

    /**
     * One layer of an inference: its work and, on the chip, its register overflow (neuron-steps per inference
     * whose current wrapped or membrane saturated) next to the quantization's weight error and range use
     * (NaN where the run has none).
     */
    public record LayerRow(String layer, String engine, double synapticOps, double share, double spikes, double firingRate,
            double synapticEnergyMj, double currentWraps, double voltageClips, double weightError, double rangeUse) {
    }

    /** One core on the map: its chip, its cell in that chip's grid, its layer and load (0..1), and the values behind it. */
    public record CoreCell(int core, int chip, int column, int row, String layer, double load, String detail) {
    }

    /**
     * The core/chip map: cells per chip on a grid of {@code columns} x {@code rows} cores, and what the
     * colour means; with {@code chipLevel}, one grid whose cells are whole chips (too many cores to draw).
     */
    public record CoreMapData(int columns, int rows, String loadMeaning, List<CoreCell> cells, boolean chipLevel) {
        public List<Integer> chips() {
            return cells.stream().map(CoreCell::chip).distinct().sorted().toList();
        }
    }

    private final RunRepository runs;
    private final BackgroundTasks tasks;
    /** The read for the run shown last; a newer choice cancels it, so a slow read never replaces a later run's hotspots. */
    private BackgroundTask<?> reading;
    private final ObservableList<PassRow> passes = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerChange> passLayers = FXCollections.observableArrayList();
    private final ObjectProperty<PassRow> selectedPass = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CoreMapData> coreMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper focus = new ReadOnlyStringWrapper("passes");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a run in Runs to see its hotspots");

    public HotspotsViewModel(RunRepository runs, BackgroundTasks tasks) {
        this.runs = runs;
        this.tasks = tasks;
        selectedPass.addListener((o, a, b) -> passLayers.setAll(b == null ? List.of() : b.layers()));
    }

    public ObservableList<PassRow> passes() {
        return passes;
    }

    public ObservableList<LayerRow> layers() {
        return layers;
    }

    /** The layers the selected pass changed (the drill-down). */
    public ObservableList<LayerChange> passLayers() {
        return passLayers;
    }

    public ObjectProperty<PassRow> selectedPassProperty() {
        return selectedPass;
    }

    public ReadOnlyObjectProperty<CoreMapData> coreMapProperty() {
        return coreMap.getReadOnlyProperty();
    }

    /** What the shown run is mostly about: "passes" for a compile, "layers" for an inference. */
    public ReadOnlyStringProperty focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shows the hotspots of a run (null clears). */
    public void show(StoredRun run) {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        if (run == null) {
            passes.clear();
            layers.clear();
            coreMap.set(null);
            title.set("Select a run in Runs to see its hotspots");
            return;
        }
        record Shown(List<PassRow> passes, List<LayerRow> layers, CoreMapData map, String title) {
        }
        reading = tasks.task("Cannot show the hotspots", cancel -> {
            ResultDocument doc = runs.result(run.id()).orElse(null);
            JsonNode json = doc == null ? null : doc.json();
            List<PassRow> p = json == null ? List.of() : passes(json.path("passes"));
            List<LayerRow> l = json == null ? List.of() : layers(json.path("layers"));
            CoreMapData map = json == null || !json.has("core_map") ? null : coreMap(json.path("core_map"));
            String t = doc == null ? "Run " + run.id() + " has no stored result" : String.format(Locale.ROOT,
                    "Run %d (%s): %d passes, %d layers%s", run.id(), run.testName(), p.size(), l.size(),
                    map == null ? "" : map.chipLevel() ? String.format(Locale.ROOT, ", %d chips", map.cells().size())
                            : String.format(Locale.ROOT, ", %d cores on %d chip(s)", map.cells().size(), map.chips().size()));
            return new Shown(p, l, map, t);
        }).onSuccess(shown -> {
            selectedPass.set(null);
            passes.setAll(shown.passes());
            layers.setAll(shown.layers());
            coreMap.set(shown.map());
            focus.set(shown.passes().isEmpty() && !shown.layers().isEmpty() ? "layers" : "passes");
            title.set(shown.title());
        }).start();
    }

    static List<PassRow> passes(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        List<PassRow> out = new ArrayList<>();
        double clock = 0;
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            int depth = n.path("depth").asInt(1);
            if (depth == 0) {
                continue; // the pipeline itself, not a pass
            }
            double wall = n.path("wall_ms").asDouble();
            double children = 0;
            for (int j = i + 1; j < nodes.size() && nodes.get(j).path("depth").asInt(1) > depth; j++) {
                children += nodes.get(j).path("depth").asInt(1) == depth + 1 ? nodes.get(j).path("wall_ms").asDouble() : 0;
            }
            String change = String.format(Locale.ROOT, "nodes %d -> %d, parameters %.2f -> %.2f MB", n.path("nodes_before").asLong(),
                    n.path("nodes_after").asLong(), n.path("parameter_bytes_before").asDouble() / 1048576,
                    n.path("parameter_bytes_after").asDouble() / 1048576);
            List<String> notes = new ArrayList<>();
            n.path("counters").fields().forEachRemaining(e -> notes.add(e.getKey() + " " + e.getValue().asText()));
            List<LayerChange> changed = new ArrayList<>();
            n.path("layers").forEach(c -> changed.add(new LayerChange(c.path("layer").asText(), c.path("metric").asText(),
                    c.path("value").asDouble())));
            out.add(new PassRow(n.path("id").asText(), clock, wall, Math.max(0, wall - children), n.path("cpu_ms").asDouble(),
                    n.path("allocated_bytes").asDouble() / 1048576, change, String.join(", ", notes), List.copyOf(changed)));
            if (depth == 1) {
                clock += wall;
            }
        }
        return out;
    }

    static List<LayerRow> layers(JsonNode array) {
        double total = 0;
        for (JsonNode n : array) {
            total += n.path("engine").asText("").equals("reference") ? 0 : n.path("synaptic_ops_per_inference").asDouble();
        }
        List<LayerRow> l = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.has("synaptic_ops_per_inference")) {
                continue; // compile layers: their resources are in the report, not here
            }
            double ops = n.path("synaptic_ops_per_inference").asDouble();
            boolean ref = n.path("engine").asText("").equals("reference");
            l.add(new LayerRow(n.path("name").asText(), n.path("engine").asText(""), ops, ref || total == 0 ? 0 : ops / total,
                    n.path("spikes_per_inference").asDouble(), n.path("firing_rate").asDouble(),
                    n.path("synaptic_energy_mj_per_inference").asDouble(Double.NaN),
                    n.path("current_wraps_per_inference").asDouble(Double.NaN), n.path("voltage_clips_per_inference").asDouble(Double.NaN),
                    n.path("quantization").path("weight_rel_rmse").asDouble(Double.NaN),
                    n.path("quantization").path("range_use").asDouble(Double.NaN)));
        }
        l.sort((a, b) -> Double.compare(b.synapticOps(), a.synapticOps()));
        return l;
    }

    /**
     * Places each core in its chip's grid: tiles on the mesh, the cores of one tile side by side in a small
     * square within it (in core order).
     */
    static CoreMapData coreMap(JsonNode m) {
        if (m.has("omitted_cores")) {
            return chipMap(m);
        }
        int meshColumns = m.path("mesh_columns").asInt(1);
        int meshRows = m.path("mesh_rows").asInt(1);
        int perTile = Math.max(1, m.path("cores_per_tile").asInt(1));
        int k = (int) Math.ceil(Math.sqrt(perTile));
        Map<String, Integer> inTile = new HashMap<>();
        List<CoreCell> cells = new ArrayList<>();
        for (JsonNode c : m.path("cores")) {
            int chip = c.path("chip").asInt();
            int x = Math.floorMod(c.path("x").asInt(), meshColumns);
            int y = Math.floorMod(c.path("y").asInt(), meshRows);
            int j = inTile.merge(chip + "/" + x + "/" + y, 1, Integer::sum) - 1;
            StringBuilder detail = new StringBuilder();
            c.fields().forEachRemaining(e -> detail.append(e.getKey().replace('_', ' ')).append(": ").append(e.getValue().asText()).append('\n'));
            cells.add(new CoreCell(c.path("core").asInt(), chip, x * k + j % k, y * k + j / k, c.path("layer").asText(),
                    Math.max(0, Math.min(1, c.path("load").asDouble())), detail.toString().strip()));
        }
        return new CoreMapData(meshColumns * k, meshRows * k, m.path("load").asText("load"), List.copyOf(cells), false);
    }

    /** Chips as the cells of one near-square grid, coloured by their cores' mean load. */
    private static CoreMapData chipMap(JsonNode m) {
        int n = m.path("chips").size();
        int side = (int) Math.ceil(Math.sqrt(n));
        List<CoreCell> cells = new ArrayList<>();
        int i = 0;
        for (JsonNode c : m.path("chips")) {
            String detail = String.format(Locale.ROOT, "chip %d: %d cores, mean load %.3f, highest %.3f", c.path("chip").asInt(),
                    c.path("cores").asLong(), c.path("mean_load").asDouble(), c.path("max_load").asDouble());
            cells.add(new CoreCell(c.path("chip").asInt(), 0, i % side, i / side, "", c.path("mean_load").asDouble(), detail));
            i++;
        }
        return new CoreMapData(side, (n + side - 1) / Math.max(1, side), "mean load of each chip's cores (" + m.path("load").asText("load")
                + "); " + m.path("omitted_cores").asLong() + " cores are too many to draw one by one", List.copyOf(cells), true);
    }
}
