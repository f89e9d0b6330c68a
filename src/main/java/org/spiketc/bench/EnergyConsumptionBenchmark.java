package org.spiketc.bench;

import static org.spiketc.result.Quantities.ENERGY_COMPONENT_MJ;
import static org.spiketc.result.Quantities.ENERGY_PAPER_FORMULA_MJ;
import static org.spiketc.result.Quantities.ENERGY_PER_INFERENCE_MJ;
import static org.spiketc.result.Quantities.HOST_ENERGY_PER_INFERENCE_MJ;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.InferenceResult;

/**
 * Energy per inference in detail (seed: {@code test_energy_consumption.py}): on the simulated chip, every
 * inference a sample, with the breakdown by component and each figure's source; by the papers' formula;
 * and, where the host exposes RAPL counters, the host CPU's measured energy running each engine and the
 * CPU (ONNX) baseline. Without counters that part is skipped and the reason recorded.
 */
final class EnergyConsumptionBenchmark extends SeedBenchmark {
    private final Path powercap;

    EnergyConsumptionBenchmark() {
        this(RaplMeter.POWERCAP);
    }

    EnergyConsumptionBenchmark(Path powercap) {
        super("energy-consumption",
                "simulated energy per inference with its breakdown; paper formula; host energy by RAPL where readable",
                Set.of(Marker.ENERGY), List.of("host energy: Linux powercap RAPL counters readable (else that part is skipped)"), Duration.ofMinutes(2), Duration.ofMinutes(10));
        this.powercap = powercap;
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(64, 2000);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        var emu = ctx.emulator();
        Evaluation.Outcome o = ctx.evaluate(emu, data);
        out.metric(ENERGY_PER_INFERENCE_MJ.median(o.perInference(InferenceResult::deviceEnergyMj)));
        out.metric(ENERGY_PAPER_FORMULA_MJ.value(o.mean(InferenceResult::paperEnergyMj)));
        for (String component : o.results()[0].energyBreakdownMj().keySet()) {
            out.metric(ENERGY_COMPONENT_MJ.value(o.mean(r -> r.energyBreakdownMj().get(component)))
                    .at("energy_" + component + "_mj", Map.of("component", component)));
        }
        for (Map.Entry<String, String> s : emu.runDetailed(data.pixels()[0]).estimate().sources().entrySet()) {
            out.environment("source_" + s.getKey(), s.getValue());
        }
        out.environment("hardware", emu.profile().label() + " (simulated)");
        RaplMeter.Result rapl = RaplMeter.open(powercap);
        if (rapl.meter() == null) {
            out.environment("host_energy", "skipped: " + rapl.reason());
            out.note("host energy not measured: " + rapl.reason());
        } else {
            for (var engine : List.of(ctx.reference(), (InferenceEngine) emu)) {
                double[] mj = new double[ctx.repeats()];
                for (int i = 0; i < mj.length; i++) {
                    long[] before = rapl.meter().read();
                    ctx.evaluate(engine, data);
                    mj[i] = rapl.meter().joules(before, rapl.meter().read()) * 1000 / data.count();
                }
                out.metric(HOST_ENERGY_PER_INFERENCE_MJ.median(mj).at("host_energy_per_inference_mj_" + engine.name(), Map.of("engine", engine.name())));
            }
            OnnxBaseline.Result onnx = OnnxBaseline.open(ctx.threads());
            if (onnx.baseline().isPresent()) {
                try (OnnxBaseline baseline = onnx.baseline().get()) {
                    double[] mj = new double[ctx.repeats()];
                    for (int i = 0; i < mj.length; i++) {
                        long[] before = rapl.meter().read();
                        baseline.evaluate(data, 1);
                        mj[i] = rapl.meter().joules(before, rapl.meter().read()) * 1000 / data.count();
                    }
                    out.metric(HOST_ENERGY_PER_INFERENCE_MJ.median(mj).at("host_energy_per_inference_mj_onnx", Map.of("engine", "onnx")));
                }
            }
            out.environment("host_energy", "measured: RAPL package counters, " + rapl.meter().domains() + " domain(s)");
        }
        out.check(out.value("energy_per_inference_mj") < 5, "simulated energy per inference under 5 mJ (seed target)");
    }
}
