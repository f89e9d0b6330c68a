package org.spiketc.bench;

import static org.spiketc.result.Quantities.HOST_TIME_PER_INFERENCE_MS;
import static org.spiketc.result.Quantities.INFERENCE_LATENCY_MS;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * Inference latency (seed: {@code test_inference_latency.py}) on each modelled hardware: the emulator's
 * simulated latency per inference on loihi1 and loihi2 (every inference a sample; target &lt; 25 ms), and
 * the host time per inference of both engines on one thread.
 */
final class InferenceLatencyBenchmark extends SeedBenchmark {
    InferenceLatencyBenchmark() {
        super("inference-latency",
                "simulated latency per inference on loihi1 and loihi2; host time per inference of both engines",
                Set.of(Marker.PERFORMANCE), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(64, 2000);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        for (String target : List.of("loihi1", "loihi2")) {
            var emu = ctx.emulator(target, null, BenchContext.options(2, 8, null, null));
            Evaluation.Outcome o = ctx.evaluate(emu, data);
            double[] latency = o.perInference(InferenceResult::latencyMs);
            out.metric(INFERENCE_LATENCY_MS.median(latency).at("inference_latency_ms_" + target, Map.of("target", target)));
            if (target.equals("loihi2")) {
                out.metric(INFERENCE_LATENCY_MS.median(latency));
            }
        }
        var emu = ctx.emulator();
        var ref = ctx.reference();
        LabelledImages few = data.first(Math.min(16, data.count()));
        BenchContext single = new BenchContext(ctx.scale(), ctx.repeats(), ctx.warmups(), 1, ctx.dataDir(), ctx.cancel(), ctx.progress());
        out.metric(HOST_TIME_PER_INFERENCE_MS.median(Arrays.stream(Timing.millis(ctx, () -> single.evaluate(emu, few)))
                .map(ms -> ms / few.count()).toArray()).at("host_time_per_inference_ms_emulator", Map.of("engine", "emulator")));
        out.metric(HOST_TIME_PER_INFERENCE_MS.median(Arrays.stream(Timing.millis(ctx, () -> single.evaluate(ref, few)))
                .map(ms -> ms / few.count()).toArray()).at("host_time_per_inference_ms_reference", Map.of("engine", "reference")));
        out.check(out.value("inference_latency_ms") < 25, "simulated latency under 25 ms (seed target)");
    }
}
