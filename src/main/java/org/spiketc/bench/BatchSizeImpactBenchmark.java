package org.spiketc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * The impact of batch size (seed: {@code test_batch_size_impact.py}): on the modelled chip a batch streams
 * through the layer pipeline, so throughput grows with the batch toward one inference per T steps while
 * each inference's latency stays; on the host, the time per inference of both engines is measured for
 * each batch (the engines run a batch's samples in parallel).
 */
final class BatchSizeImpactBenchmark implements Benchmark {
    private static final Info INFO = new Info("batch-size-impact", "test_batch_size_impact.py",
            "batch 1-64: pipelined throughput on the chip; host time per inference",
            Set.of(Marker.PERFORMANCE), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(10));

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(64, 1024);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        var emu = ctx.emulator();
        Evaluation.Outcome o = ctx.evaluate(emu, data);
        double latency = o.mean(InferenceResult::latencyMs);
        double previous = 0;
        for (int batch : new int[] {1, 4, 16, 64}) {
            double tput = emu.energyModel().pipelinedThroughput(latency, batch);
            out.metric("throughput_images_per_s_batch" + batch, tput);
            LabelledImages b = data.first(Math.min(batch, data.count()));
            double[] hostMs = Timing.millis(ctx, () -> ctx.evaluate(emu, b));
            for (int i = 0; i < hostMs.length; i++) {
                hostMs[i] /= b.count();
            }
            out.samples("host_time_per_inference_ms_batch" + batch, hostMs);
            out.point().put("batch", batch).put("throughput_images_per_s", tput).put("inference_latency_ms", latency)
                    .put("host_time_per_inference_ms", out.metrics().get("host_time_per_inference_ms_batch" + batch));
            out.check(tput >= previous, "modelled throughput does not fall as the batch grows (batch " + batch + ")");
            previous = tput;
        }
        out.metric("inference_latency_ms", latency);
    }
}
