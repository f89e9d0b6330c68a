package org.spiketc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.spiketc.common.Json;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.mapping.ChipUsage;
import org.spiketc.compiler.mapping.PopulationSummary;
import org.spiketc.compiler.mapping.ResourceReport;
import org.spiketc.compiler.pass.IrSize;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.pass.PassStatistics;
import org.spiketc.compiler.pass.PassTiming;

/**
 * A compilation in the seed's result shape ({@code test_name}, {@code timestamp}, {@code metrics},
 * {@code environment}) plus {@code passes}, {@code timing_tree}, {@code layers} and {@code resources}.
 * Field names are part of the product's interface: see {@code src/site/markdown/results-json.md}.
 */
public final class CompileJson {
    public static final int SCHEMA_VERSION = 1;

    private CompileJson() {
    }

    public static ObjectNode of(CompileResult r, PeakMemory.Reading peak, HostInfo host, Instant when) {
        ObjectNode root = Json.mapper().createObjectNode();
        var req = r.request();
        ResourceReport rep = r.mapping().report();
        long chipsUsed = rep.chips().stream().filter(c -> c.cores() > 0).count();
        root.put("test_name", "compile_" + req.model().name() + "_" + req.target().id() + "_" + rep.systemChips() + "chip_O"
                + req.pipeline().level());
        root.put("timestamp", when.toString());
        root.put("schema_version", SCHEMA_VERSION);
        ObjectNode m = root.putObject("metrics");
        m.put("compilation_time_ms", round(r.stages().totalMs()));
        m.put("memory_peak_mb", round(peak.megabytes()));
        m.put("model_size_mb", round(r.binary().bytes() / (1024.0 * 1024)));
        m.put("params", r.stats().params());
        m.put("neurons", r.stats().neurons());
        m.put("synapses", r.stats().synapses());
        m.put("sops_per_step", round(r.stats().sopsPerStep()));
        m.put("first_layer_macs_per_step", r.stats().firstLayerMacs());
        m.put("cores_used", rep.coresUsed());
        m.put("chips_used", chipsUsed);
        m.put("chips_needed", rep.chipsNeeded());
        m.put("system_chips", rep.systemChips());
        m.put("utilization", round(rep.neuronUtilization()));
        m.put("memory_utilization", round(rep.memoryUtilization()));
        m.put("compartments", rep.compartmentsUsed());
        m.put("synaptic_memory_mb", round(rep.synapticMemoryBytes() / (1024.0 * 1024)));
        m.put("routes", rep.routes());
        m.put("spikes_per_step", round(rep.spikesPerStep()));
        m.put("spike_hops_per_step", round(rep.spikeHopsPerStep()));
        m.put("chip_crossings_per_step", round(rep.chipCrossingsPerStep()));
        m.put("max_link_load_per_step", round(rep.maxLinkLoad()));
        m.put("mean_link_load_per_step", round(rep.meanLinkLoad()));
        m.put("binary_bytes", r.binary().bytes());
        m.put("frontend_ms", round(r.stages().frontendMs()));
        m.put("passes_ms", round(r.stages().passesMs()));
        m.put("mapping_ms", round(r.stages().mappingMs()));
        m.put("codegen_ms", round(r.stages().codegenMs()));
        ObjectNode env = root.putObject("environment");
        env.put("hardware", req.target().name() + " " + rep.systemName() + " (" + req.target().status() + ", simulated)");
        env.put("software_version", Version.get());
        env.put("source_commit", Version.commit());
        env.put("profile", req.target().id());
        env.put("model", req.model().name());
        env.put("weights", req.weights().describe());
        env.put("optimization_level", "O" + req.pipeline().level());
        env.put("firing_rate", req.pipeline().firingRate());
        env.put("memory_peak_source", peak.source());
        env.put("binary_crc32c", Long.toHexString(r.binary().crc32c()));
        ObjectNode h = env.putObject("host");
        h.put("cpu", host.cpu());
        h.put("physical_cores", host.physicalCores());
        h.put("logical_cores", host.logicalCores());
        h.put("memory_mb", host.memoryMb());
        h.put("os", host.os());
        h.put("java", host.java());
        ArrayNode passes = root.putArray("passes");
        for (PassRecord p : r.passes()) {
            passes.add(pass(p));
        }
        root.set("timing_tree", timing(r.timing()));
        ArrayNode layers = root.putArray("layers");
        for (PopulationSummary s : r.mapping().populations()) {
            ObjectNode l = layers.addObject();
            l.put("name", s.node());
            l.put("kind", s.kind());
            l.put("shape", s.shape());
            l.put("neurons", s.neurons());
            l.put("cores", s.cores());
            l.put("slice_channels", s.sliceChannels());
            l.put("slice_positions", s.slicePositions());
            l.put("binding_limit", s.bindingLimit());
            l.put("partial_sums", s.split());
            l.put("bit_planes", s.planes());
            l.put("synaptic_memory_bytes", s.memoryBytes());
            l.put("synapse_encoding", s.encoding());
        }
        ObjectNode res = root.putObject("resources");
        res.put("system", rep.systemName());
        res.put("system_chosen_by_compiler", rep.systemChosen());
        res.put("core_capacity", rep.coreCapacity());
        ArrayNode chips = res.putArray("chips");
        for (ChipUsage c : rep.chips()) {
            ObjectNode o = chips.addObject();
            o.put("chip", c.chip());
            o.put("cores", c.cores());
            o.put("core_utilization", round(c.coreUtilization()));
            o.put("neuron_utilization", round(c.neuronUtilization()));
            o.put("memory_utilization", round(c.memoryUtilization()));
        }
        ArrayNode hist = res.putArray("core_utilization_histogram");
        for (int n : rep.coreUtilization()) {
            hist.add(n);
        }
        res.put("host_input_per_step", round(rep.hostInputPerStep()));
        res.put("fan_out_violations", rep.fanOutViolations());
        ArrayNode w = res.putArray("warnings");
        rep.warnings().forEach(w::add);
        root.set("core_map", CoreMap.compiled(r.mapping()));
        return root;
    }

    private static ObjectNode pass(PassRecord p) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", p.id());
        o.put("description", p.description());
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach(params::put);
        o.put("depth", p.depth());
        o.put("wall_ms", round(p.wallMillis()));
        o.put("cpu_ms", round(p.cpuMillis()));
        o.put("allocated_bytes", p.allocatedBytes());
        size(o, "before", p.before());
        size(o, "after", p.after());
        ObjectNode counters = o.putObject("counters");
        for (Map.Entry<String, Double> e : p.counters().entrySet()) {
            counters.put(e.getKey(), e.getValue());
        }
        ArrayNode layers = o.putArray("layers");
        for (PassStatistics.LayerStat s : p.layers()) {
            layers.addObject().put("layer", s.layer()).put("metric", s.metric()).put("value", s.value());
        }
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        return o;
    }

    private static void size(ObjectNode o, String prefix, IrSize s) {
        o.put("nodes_" + prefix, s.nodes());
        o.put("edges_" + prefix, s.edges());
        o.put("parameter_bytes_" + prefix, s.parameterBytes());
    }

    private static ObjectNode timing(PassTiming t) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("pass", t.pass());
        o.put("total_ms", round(t.totalMillis()));
        o.put("self_ms", round(t.selfMillis()));
        ArrayNode c = o.putArray("children");
        t.children().forEach(x -> c.add(timing(x)));
        return o;
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
