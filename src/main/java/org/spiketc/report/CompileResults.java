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
import org.spiketc.result.Quantities;
import org.spiketc.result.Result;
import org.spiketc.result.RunKind;
import org.spiketc.result.RunSpec;
import org.spiketc.result.HostInfo;

/**
 * The result of a compilation: its metrics, environment and the records {@code passes}, {@code timing_tree},
 * {@code layers}, {@code resources} and {@code core_map}. Field names are part of the product's interface:
 * see {@code src/site/markdown/results-json.md}.
 */
public final class CompileResults {
    private CompileResults() {
    }

    /** The test name a compile is stored under: model, target, system size and level. */
    public static String testName(CompileResult r) {
        return "compile_" + r.request().model().name() + "_" + r.request().target().id() + "_" + r.mapping().report().systemChips()
                + "chip_O" + r.request().pipeline().level();
    }

    public static Result of(RunSpec spec, CompileResult r, PeakMemory.Reading peak, HostInfo host, Instant when) {
        var req = r.request();
        ResourceReport rep = r.mapping().report();
        long chipsUsed = rep.chips().stream().filter(c -> c.cores() > 0).count();
        Result.Builder b = Result.builder(RunKind.COMPILE, testName(r), when).configuration(spec);
        b.metric(Quantities.COMPILATION_TIME_MS.value(round(r.stages().totalMs())));
        b.metric(Quantities.MEMORY_PEAK_MB.value(round(peak.megabytes())));
        b.metric(Quantities.MODEL_SIZE_MB.value(round(r.binary().bytes() / (1024.0 * 1024))));
        b.metric(Quantities.PARAMS.value(r.stats().params()));
        b.metric(Quantities.NEURONS.value(r.stats().neurons()));
        b.metric(Quantities.SYNAPSES.value(r.stats().synapses()));
        b.metric(Quantities.SOPS_PER_STEP.value(round(r.stats().sopsPerStep())));
        b.metric(Quantities.FIRST_LAYER_MACS_PER_STEP.value(r.stats().firstLayerMacs()));
        b.metric(Quantities.CORES_USED.value(rep.coresUsed()));
        b.metric(Quantities.CHIPS_USED.value(chipsUsed));
        b.metric(Quantities.CHIPS_NEEDED.value(rep.chipsNeeded()));
        b.metric(Quantities.SYSTEM_CHIPS.value(rep.systemChips()));
        b.metric(Quantities.UTILIZATION.value(round(rep.neuronUtilization())));
        b.metric(Quantities.MEMORY_UTILIZATION.value(round(rep.memoryUtilization())));
        b.metric(Quantities.COMPARTMENTS.value(rep.compartmentsUsed()));
        b.metric(Quantities.SYNAPTIC_MEMORY_MB.value(round(rep.synapticMemoryBytes() / (1024.0 * 1024))));
        b.metric(Quantities.ROUTES.value(rep.routes()));
        b.metric(Quantities.SPIKES_PER_STEP.value(round(rep.spikesPerStep())));
        b.metric(Quantities.SPIKE_HOPS_PER_STEP.value(round(rep.spikeHopsPerStep())));
        b.metric(Quantities.CHIP_CROSSINGS_PER_STEP.value(round(rep.chipCrossingsPerStep())));
        b.metric(Quantities.MAX_LINK_LOAD_PER_STEP.value(round(rep.maxLinkLoad())));
        b.metric(Quantities.MEAN_LINK_LOAD_PER_STEP.value(round(rep.meanLinkLoad())));
        b.metric(Quantities.BINARY_BYTES.value(r.binary().bytes()));
        b.metric(Quantities.FRONTEND_MS.value(round(r.stages().frontendMs())));
        b.metric(Quantities.PASSES_MS.value(round(r.stages().passesMs())));
        b.metric(Quantities.MAPPING_MS.value(round(r.stages().mappingMs())));
        b.metric(Quantities.CODEGEN_MS.value(round(r.stages().codegenMs())));
        b.environment("hardware", req.target().name() + " " + rep.systemName() + " (" + req.target().status() + ", simulated)");
        b.environment("profile", req.target().id());
        b.environment("model", req.model().name());
        b.environment("weights", req.weights().describe());
        b.environment("optimization_level", "O" + req.pipeline().level());
        b.environment("firing_rate", req.pipeline().firingRate());
        b.environment("memory_peak_source", peak.source());
        b.environment("binary_crc32c", Long.toHexString(r.binary().crc32c()));
        b.host(host);
        ArrayNode passes = Json.mapper().createArrayNode();
        for (PassRecord p : r.passes()) {
            passes.add(pass(p));
        }
        b.section("passes", passes);
        b.section("timing_tree", timing(r.timing()));
        ArrayNode layers = Json.mapper().createArrayNode();
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
        b.section("layers", layers);
        ObjectNode res = Json.mapper().createObjectNode();
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
        b.section("resources", res);
        b.section("core_map", CoreMap.compiled(r.mapping()));
        return b.build();
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
