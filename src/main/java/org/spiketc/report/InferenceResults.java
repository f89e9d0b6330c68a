package org.spiketc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.common.Json;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.passes.QuantizeWeights;
import org.spiketc.data.LabelledImages;
import org.spiketc.result.HostInfo;
import org.spiketc.result.Quantities;
import org.spiketc.result.Result;
import org.spiketc.result.RunKind;
import org.spiketc.result.RunSpec;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.emulator.ChipEmulator;

/**
 * The result of an inference run over labelled images on the float reference, the chip emulator or both:
 * accuracy with its interval, fidelity, the papers' energy formula, the emulator's energy, latency, traffic
 * and modelled throughput, host timings, per-layer records and the core map.
 */
public final class InferenceResults {
    private InferenceResults() {
    }

    /** What an inference run produced, as {@link #of} reads it. */
    public record Run(RunSpec spec, String model, String weights, LabelledImages data, List<Evaluation.Outcome> outcomes,
            ChipEmulator emulator, List<PassRecord> compilePasses) {
        /** The engine whose figures are the run's own: the emulator when it ran, else the reference. */
        public Evaluation.Outcome main() {
            return outcomes.get(outcomes.size() - 1);
        }
    }

    /** The test name an inference is stored under: model, engines and, on a chip, the target. */
    public static String testName(RunSpec spec, String model) {
        return "inference_" + model + "_" + spec.engine().id() + (spec.engine().emulator() ? "_" + spec.target() : "");
    }

    /** Modelled inferences per second with the spec's batch streamed through the layer pipeline. */
    public static double modelledThroughput(Run run) {
        return run.emulator().energyModel().pipelinedThroughput(run.main().mean(InferenceResult::latencyMs), run.spec().batch());
    }

    /** Host time per inference per thread. */
    public static double hostMs(Evaluation.Outcome o) {
        return o.hostNanos() / 1e6 / Math.max(1, o.finished()) * o.threads();
    }

    /** The emulator's energy per inference by component, averaged over the finished inferences. */
    public static Map<String, Double> breakdown(Evaluation.Outcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        int n = 0;
        for (InferenceResult r : o.results()) {
            if (r != null) {
                n++;
                r.energyBreakdownMj().forEach((k, v) -> m.merge(k, v, Double::sum));
            }
        }
        int count = Math.max(1, n);
        m.replaceAll((k, v) -> v / count);
        return m;
    }

    public static Result of(Run run, HostInfo host, Instant when) {
        RunSpec spec = run.spec();
        ChipEmulator emu = run.emulator();
        List<Evaluation.Outcome> os = run.outcomes();
        Evaluation.Outcome main = run.main();
        Result.Builder b = Result.builder(RunKind.INFERENCE, testName(spec, run.model()), when).configuration(spec);
        b.metric(Quantities.ACCURACY.value(main.accuracy()));
        ProportionInterval ci = ProportionInterval.wilson95(main.correct(), main.finished());
        b.metric(Quantities.ACCURACY_CI95_LOW.value(ci.low()));
        b.metric(Quantities.ACCURACY_CI95_HIGH.value(ci.high()));
        if (os.size() == 2) {
            b.metric(Quantities.ACCURACY_REFERENCE.value(os.get(0).accuracy()));
            b.metric(Quantities.ACCURACY_EMULATOR.value(os.get(1).accuracy()));
            b.metric(Quantities.FIDELITY.value(Evaluation.Outcome.fidelity(os.get(1), os.get(0))));
        }
        b.metric(Quantities.SAMPLES.value(main.finished()));
        b.metric(Quantities.SPIKES_PER_INFERENCE.value(main.mean(InferenceResult::spikes)));
        b.metric(Quantities.SYNAPTIC_OPS_PER_INFERENCE.value(main.mean(InferenceResult::synapticOps)));
        b.metric(Quantities.ENERGY_PAPER_FORMULA_MJ.value(main.mean(InferenceResult::paperEnergyMj)));
        b.metric(Quantities.SOPS_PAPER_FORMULA.value(main.mean(r -> r.paper().sops())));
        b.metric(Quantities.MACS_PAPER_FORMULA.value(main.mean(r -> r.paper().macs())));
        if (emu != null) {
            b.metric(Quantities.ENERGY_PER_INFERENCE_MJ.value(main.mean(InferenceResult::deviceEnergyMj),
                    main.perInference(InferenceResult::deviceEnergyMj)));
            b.metric(Quantities.INFERENCE_LATENCY_MS.value(main.mean(InferenceResult::latencyMs), main.perInference(InferenceResult::latencyMs)));
            b.metric(Quantities.THROUGHPUT.value(modelledThroughput(run)));
            b.metric(Quantities.MESSAGES_PER_INFERENCE.value(main.mean(r -> r.traffic().messages())));
            b.metric(Quantities.HOPS_PER_INFERENCE.value(main.mean(r -> r.traffic().hops())));
            b.metric(Quantities.CHIP_CROSSINGS_PER_INFERENCE.value(main.mean(r -> r.traffic().chipCrossings())));
            b.metric(Quantities.BARRIER_SYNCS_PER_INFERENCE.value(main.mean(r -> r.traffic().barrierSyncs())));
            b.metric(Quantities.BATCH.value(spec.batch()));
            b.metric(Quantities.WEIGHT_BITS.value(spec.pipeline().bits()));
        }
        b.metric(Quantities.HOST_TIME_PER_INFERENCE_MS.value(hostMs(main)));
        b.metric(Quantities.HOST_THROUGHPUT.value(main.finished() / (main.hostNanos() / 1e9)));
        b.metric(Quantities.SIM_EVENTS_PER_S.value(main.mean(InferenceResult::synapticOps) * main.finished() / (main.hostNanos() / 1e9)));
        b.environment("hardware", emu != null ? emu.profile().label() + " " + emu.program().system() : "host CPU (float reference simulator)");
        b.environment("model", run.model());
        b.environment("weights", run.weights());
        b.environment("dataset", run.data().name());
        b.environment("engine", spec.engine().id());
        b.environment("optimization_level", "O" + spec.pipeline().level());
        b.environment("threads", main.threads());
        b.environment("complete", os.stream().allMatch(Evaluation.Outcome::complete));
        b.environment("energy_formula", PaperEnergy.SOURCE);
        if (run.compilePasses() != null) {
            run.compilePasses().stream().filter(p -> p.id().equals(QuantizeWeights.ID)).findFirst()
                    .ifPresent(p -> b.environment("exponent_ranges", p.parameters().get("ranges")));
        }
        b.host(host);
        if (emu != null) {
            b.section("energy_breakdown_mj", breakdown(main));
            b.section("energy_sources", emu.runDetailed(run.data().pixels()[0]).estimate().sources());
        }
        ArrayNode layers = Json.mapper().createArrayNode();
        for (Evaluation.Outcome o : os) {
            boolean emulated = o.engine().equals("emulator") && emu != null;
            InferenceLayers.add(layers, o, emulated ? emu.profile() : null, emulated ? run.compilePasses() : null);
        }
        b.section("layers", layers);
        if (emu != null) {
            b.section("core_map", CoreMap.emulated(emu.program(), emu.profile(), main.coreMeans()));
        }
        return b.build();
    }
}
