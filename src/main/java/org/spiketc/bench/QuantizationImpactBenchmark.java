package org.spiketc.bench;

import static org.spiketc.result.Quantities.ACCURACY;
import static org.spiketc.result.Quantities.ACCURACY_REFERENCE;
import static org.spiketc.result.Quantities.FIDELITY;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;

/**
 * The impact of quantization on accuracy (seed: {@code test_quantization_impact.py}): for each weight
 * width from 2 to 8 bits, the emulator's accuracy and its fidelity to the float reference.
 */
final class QuantizationImpactBenchmark extends SeedBenchmark {
    QuantizationImpactBenchmark() {
        super("quantization-impact",
                "accuracy and fidelity per weight width, 2 to 8 bits",
                Set.of(Marker.PERFORMANCE, Marker.SLOW), List.of("full scale: Debian's dataset-fashion-mnist for the 10,000-image test set"), Duration.ofMinutes(3), Duration.ofMinutes(45));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(48, 10_000);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        Evaluation.Outcome ref = ctx.evaluate(ctx.reference(), data);
        out.metric(ACCURACY_REFERENCE.value(ref.accuracy()));
        for (int bits = 2; bits <= 8; bits++) {
            Evaluation.Outcome o = ctx.evaluate(ctx.emulator("loihi2", null, BenchContext.options(2, bits, null, null)), data);
            out.metric(ACCURACY.value(o.accuracy()).at("accuracy_" + bits + "bit", Map.of("weight_bits", bits)));
            out.metric(FIDELITY.value(Evaluation.Outcome.fidelity(o, ref)).at("fidelity_" + bits + "bit", Map.of("weight_bits", bits)));
            out.point().put("bits", bits).put("accuracy", o.accuracy()).put("fidelity", Evaluation.Outcome.fidelity(o, ref));
        }
        out.check(out.value("fidelity_8bit") >= out.value("fidelity_2bit"), "8-bit weights agree with the reference at least as often as 2-bit");
        out.check(Math.abs(out.value("accuracy_8bit") - ref.accuracy()) <= (ctx.full() ? 0.01 : 0.1),
                "8-bit accuracy within " + (ctx.full() ? "1 point" : "10 points (smoke sample)") + " of the float reference");
    }
}
