package org.spiketc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;
import org.spiketc.common.Json;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.mapping.CoreSlice;
import org.spiketc.compiler.mapping.Mapping;
import org.spiketc.hw.HardwareProfile;

/**
 * Where each core sits and how loaded it is, for the workbench's core/chip map: the result's
 * {@code core_map} section. A compile's load is the share of the core's compartments in use; an
 * inference's is the core's synaptic operations per inference over the busiest core's (the busiest core
 * sets the step time, so that is the load that matters for latency). Above {@link #MAX_CORES} cores the
 * map keeps one record per chip (its cores' mean and highest load) instead: a result stays small and a
 * thousand-chip system is still one picture.
 */
public final class CoreMap {
    /** Most cores the map lists one by one (32 Loihi 2 chips). */
    public static final int MAX_CORES = 4096;

    private CoreMap() {
    }

    /** The cores of a compiled mapping, loaded by compartments. */
    public static ObjectNode compiled(Mapping m) {
        ObjectNode root = header(m.profile(), "compartments used / compartments per core");
        ArrayNode cores = root.putArray("cores");
        double capacity = m.profile().chip().neuronsPerCore().value();
        for (CoreSlice c : m.cores()) {
            cores.addObject().put("core", c.core()).put("chip", c.chip()).put("x", c.x()).put("y", c.y())
                    .put("layer", m.populations().get(c.population()).node()).put("compartments", c.compartments())
                    .put("synaptic_memory_bytes", c.memoryBytes()).put("load", round(c.compartments() / capacity));
        }
        return perChipIfLarge(root);
    }

    /** The cores of an emulated binary, loaded by their mean synaptic operations per inference. */
    public static ObjectNode emulated(BinaryProgram program, HardwareProfile profile, double[] synopsPerInference) {
        ObjectNode root = header(profile, "synaptic operations / busiest core's");
        ArrayNode cores = root.putArray("cores");
        BinaryProgram.Cores c = program.cores();
        double max = 0;
        for (double v : synopsPerInference) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < c.count(); i++) {
            double ops = i < synopsPerInference.length ? synopsPerInference[i] : 0;
            cores.addObject().put("core", i).put("chip", c.chip()[i]).put("x", c.x()[i]).put("y", c.y()[i])
                    .put("layer", program.populations().get(c.population()[i]).name()).put("compartments", c.compartments()[i])
                    .put("synaptic_ops_per_inference", round(ops)).put("load", max == 0 ? 0 : round(ops / max));
        }
        return perChipIfLarge(root);
    }

    /** Replaces a long core list by one record per chip: cores used, mean and highest load. */
    static ObjectNode perChipIfLarge(ObjectNode root) {
        ArrayNode cores = (ArrayNode) root.get("cores");
        if (cores.size() <= MAX_CORES) {
            return root;
        }
        TreeMap<Integer, double[]> chips = new TreeMap<>();
        for (var c : cores) {
            double[] v = chips.computeIfAbsent(c.get("chip").asInt(), k -> new double[3]);
            double load = c.get("load").asDouble();
            v[0]++;
            v[1] += load;
            v[2] = Math.max(v[2], load);
        }
        root.remove("cores");
        root.put("omitted_cores", cores.size());
        ArrayNode out = root.putArray("chips");
        chips.forEach((chip, v) -> out.addObject().put("chip", chip).put("cores", (long) v[0]).put("mean_load", round(v[1] / v[0]))
                .put("max_load", round(v[2])));
        return root;
    }

    private static ObjectNode header(HardwareProfile p, String load) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("mesh_columns", p.chip().meshColumns().intValue());
        root.put("mesh_rows", p.chip().meshRows().intValue());
        root.put("cores_per_tile", p.chip().coresPerTile().intValue());
        root.put("load", load);
        return root;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
