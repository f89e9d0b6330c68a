package org.spiketc.bench;

import static org.spiketc.result.Quantities.CHIP_CROSSINGS_PER_INFERENCE;
import static org.spiketc.result.Quantities.ENERGY_PER_INFERENCE_MJ;
import static org.spiketc.result.Quantities.HOPS_PER_INFERENCE;
import static org.spiketc.result.Quantities.INFERENCE_LATENCY_MS;
import static org.spiketc.result.Quantities.MESSAGES_PER_INFERENCE;
import static org.spiketc.result.Quantities.THROUGHPUT;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * Scaling across chips (seed: {@code test_multi_chip_scaling.py}): the same model spread evenly
 * ({@code --spread}) over 1, 2, 4 and 8 simulated Loihi 2 chips; latency, pipelined throughput, energy and traffic per chip count. The
 * classes must not change with the chip count.
 */
final class MultiChipScalingBenchmark extends SeedBenchmark {
    MultiChipScalingBenchmark() {
        super("multi-chip-scaling",
                "1, 2, 4, 8 chips: latency, throughput, energy, messages, hops, chip crossings",
                Set.of(Marker.PERFORMANCE, Marker.ENERGY), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(15));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(32, 1000);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        out.environment("hardware", "Intel Loihi 2 (partly estimated, simulated), 1-8 chips");
        int[] first = null;
        for (int chips : new int[] {1, 2, 4, 8}) {
            var emu = ctx.emulator("loihi2", chips, BenchContext.options(2, 8, null, null).spreadOverChips());
            Evaluation.Outcome o = ctx.evaluate(emu, data);
            double latency = o.mean(InferenceResult::latencyMs);
            String k = "_" + chips + "chip";
            Map<String, Integer> at = Map.of("chips", chips);
            out.metric(INFERENCE_LATENCY_MS.value(latency).at("inference_latency_ms" + k, at));
            out.metric(THROUGHPUT.value(emu.energyModel().pipelinedThroughput(latency, 1)).at("throughput_images_per_s" + k, at));
            out.metric(ENERGY_PER_INFERENCE_MJ.value(o.mean(InferenceResult::deviceEnergyMj)).at("energy_per_inference_mj" + k, at));
            out.metric(MESSAGES_PER_INFERENCE.value(o.mean(r -> r.traffic().messages())).at("messages_per_inference" + k, at));
            out.metric(HOPS_PER_INFERENCE.value(o.mean(r -> r.traffic().hops())).at("hops_per_inference" + k, at));
            out.metric(CHIP_CROSSINGS_PER_INFERENCE.value(o.mean(r -> r.traffic().chipCrossings())).at("chip_crossings_per_inference" + k, at));
            out.point().put("chips", chips).put("inference_latency_ms", latency)
                    .put("energy_per_inference_mj", out.value("energy_per_inference_mj" + k))
                    .put("chip_crossings_per_inference", out.value("chip_crossings_per_inference" + k));
            int[] classes = Arrays.stream(o.results()).mapToInt(InferenceResult::predicted).toArray();
            if (first == null) {
                first = classes;
            }
            out.check(Arrays.equals(first, classes), "the classes on " + chips + " chips equal those on 1 chip");
        }
        out.check(out.value("chip_crossings_per_inference_8chip") > 0, "on 8 chips some traffic crosses chips");
    }
}
