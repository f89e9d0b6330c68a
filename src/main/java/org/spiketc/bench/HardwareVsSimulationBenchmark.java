package org.spiketc.bench;

import static org.spiketc.result.Quantities.ACCURACY_EMULATOR;
import static org.spiketc.result.Quantities.ACCURACY_REFERENCE;
import static org.spiketc.result.Quantities.FIDELITY;
import static org.spiketc.result.Quantities.LAYERS_COMPARED;
import static org.spiketc.result.Quantities.SPIKE_RATE_DEVIATION_MAX;
import static org.spiketc.result.Quantities.SPIKE_RATE_DEVIATION_MEAN;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;

/**
 * Hardware against simulation (seed: {@code test_hardware_vs_simulation.py}): accuracy, class fidelity
 * and per-layer spike-rate deviation of the chip against the float reference simulator. stc has no
 * hardware backend today, so the bit-accurate emulator stands in, labelled emulation; the comparison with
 * real hardware is skipped and the reason recorded.
 */
final class HardwareVsSimulationBenchmark extends SeedBenchmark {
    HardwareVsSimulationBenchmark() {
        super("hardware-vs-simulation",
                "chip (emulated) vs float reference: accuracy, fidelity, per-layer spike-rate deviation",
                Set.of(Marker.HARDWARE, Marker.PERFORMANCE), List.of("real hardware: a Loihi backend (none exists yet; the emulator stands in)"), Duration.ofMinutes(2), Duration.ofMinutes(15));
    }

    static final String NO_BACKEND = "no hardware backend configured (stc has none today): the chip emulator stands in, labelled emulation";

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(64, 10_000);
        out.environment("hardware", "emulation of Intel Loihi 2 (simulated), not hardware");
        out.environment("hardware_backend", "skipped: " + NO_BACKEND);
        out.note("hardware comparison skipped: " + NO_BACKEND);
        out.environment("target_model", BenchContext.MODEL + ", " + data.count() + " images");
        Evaluation.Outcome ref = ctx.evaluate(ctx.reference(), data);
        Evaluation.Outcome emu = ctx.evaluate(ctx.emulator(), data);
        out.metric(ACCURACY_REFERENCE.value(ref.accuracy()));
        out.metric(ACCURACY_EMULATOR.value(emu.accuracy()));
        out.metric(FIDELITY.value(Evaluation.Outcome.fidelity(emu, ref)));
        Map<String, Double> refRates = rates(ref);
        Map<String, Double> emuRates = rates(emu);
        double sum = 0;
        double max = 0;
        int n = 0;
        for (Map.Entry<String, Double> e : emuRates.entrySet()) {
            Double r = refRates.get(e.getKey());
            if (r == null) {
                continue;
            }
            double d = Math.abs(e.getValue() - r);
            out.point().put("layer", e.getKey()).put("firing_rate_reference", r).put("firing_rate_emulator", e.getValue())
                    .put("deviation", d);
            sum += d;
            max = Math.max(max, d);
            n++;
        }
        out.metric(SPIKE_RATE_DEVIATION_MEAN.value(n == 0 ? Double.NaN : sum / n));
        out.metric(SPIKE_RATE_DEVIATION_MAX.value(max));
        out.metric(LAYERS_COMPARED.value(n));
        out.check(n > 0, "the two engines share spiking layers to compare");
        out.check(out.value("fidelity") >= 0.8, "the emulator agrees with the reference on at least 80% of the images");
    }

    /** Mean firing rate per spiking layer over the run. */
    static Map<String, Double> rates(Evaluation.Outcome o) {
        Map<String, double[]> acc = new HashMap<>();
        for (InferenceResult r : o.results()) {
            if (r == null) {
                continue;
            }
            for (LayerActivity l : r.layers()) {
                if (l.spikes() > 0 || l.firingRate() > 0) {
                    double[] a = acc.computeIfAbsent(l.layer(), k -> new double[2]);
                    a[0] += l.firingRate();
                    a[1]++;
                }
            }
        }
        Map<String, Double> out = new HashMap<>();
        acc.forEach((k, v) -> out.put(k, v[0] / v[1]));
        return out;
    }
}
