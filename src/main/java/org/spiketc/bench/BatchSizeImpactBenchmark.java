package org.spiketc.bench;

import static org.spiketc.result.Quantities.BARRIER_SYNCS_PER_INFERENCE;
import static org.spiketc.result.Quantities.HOST_TIME_PER_INFERENCE_MS;
import static org.spiketc.result.Quantities.INFERENCE_LATENCY_MS;
import static org.spiketc.result.Quantities.THROUGHPUT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * The impact of batch size (seed: {@code test_batch_size_impact.py}): on the modelled chip a batch streams
 * through the layer pipeline, so throughput grows with the batch toward one inference per T steps while
 * each inference's latency stays (B / ((T·B + depth − 1) steps), which the tests check against the chip
 * steps the emulator runs); on the host, the time per inference of the emulator is measured for each
 * batch (it runs a batch's samples in parallel), and the simulated figures of the batch are checked to
 * be those the images had in the full run.
 */
final class BatchSizeImpactBenchmark extends SeedBenchmark {
    BatchSizeImpactBenchmark() {
        super("batch-size-impact",
                "batch 1-64: pipelined throughput on the chip; host time per inference",
                Set.of(Marker.PERFORMANCE), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(64, 1024);
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        var emu = ctx.emulator();
        Evaluation.Outcome o = ctx.evaluate(emu, data);
        double latency = o.mean(InferenceResult::latencyMs);
        for (int batch : new int[] {1, 4, 16, 64}) {
            double tput = emu.energyModel().pipelinedThroughput(latency, batch);
            out.metric(THROUGHPUT.value(tput).at("throughput_images_per_s_batch" + batch, Map.of("batch", batch)));
            LabelledImages b = data.first(Math.min(batch, data.count()));
            Evaluation.Outcome[] batched = new Evaluation.Outcome[1];
            double[] hostMs = Timing.millis(ctx, () -> batched[0] = ctx.evaluate(emu, b));
            for (int i = 0; i < hostMs.length; i++) {
                hostMs[i] /= b.count();
            }
            out.metric(HOST_TIME_PER_INFERENCE_MS.median(hostMs).at("host_time_per_inference_ms_batch" + batch, Map.of("batch", batch)));
            out.point().put("batch", batch).put("throughput_images_per_s", tput).put("inference_latency_ms", latency)
                    .put("host_time_per_inference_ms", out.value("host_time_per_inference_ms_batch" + batch));
            // The modelled figures rest on each image's simulated latency and energy being its own, whatever else
            // the host runs beside it: a batch on several threads must give the figures the whole set gave.
            Evaluation.Outcome again = batched[0] != null ? batched[0] : ctx.evaluate(emu, b);
            out.check(sameSimulatedFigures(again, o), "batch " + batch + ": each image's simulated latency and energy are those of "
                    + "the full run (the emulator is deterministic whatever the batch and threads)");
        }
        out.metric(INFERENCE_LATENCY_MS.value(latency));
        // one barrier per chip step: T + depth - 1 steps an inference, the figure the pipelined throughput rests on
        out.metric(BARRIER_SYNCS_PER_INFERENCE.value(o.mean(r -> r.traffic().barrierSyncs())));
    }

    /** Whether every image that both runs finished has the same simulated latency and energy in each, bit for bit. */
    static boolean sameSimulatedFigures(Evaluation.Outcome batch, Evaluation.Outcome all) {
        for (int i = 0; i < batch.results().length; i++) {
            InferenceResult a = batch.results()[i];
            InferenceResult b = all.results()[i];
            if (a != null && b != null && (Double.compare(a.latencyMs(), b.latencyMs()) != 0
                    || Double.compare(a.deviceEnergyMj(), b.deviceEnergyMj()) != 0)) {
                return false;
            }
        }
        return true;
    }
}
