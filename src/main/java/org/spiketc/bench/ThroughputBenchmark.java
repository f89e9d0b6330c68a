package org.spiketc.bench;

import static org.spiketc.result.Quantities.ACCURACY;
import static org.spiketc.result.Quantities.ACCURACY_REFERENCE;
import static org.spiketc.result.Quantities.HOST_THROUGHPUT;
import static org.spiketc.result.Quantities.THROUGHPUT;

import ai.onnxruntime.OrtEnvironment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * Inference throughput in images per second (seed: {@code test_throughput.py}): on the modelled chip with
 * inferences pipelined, on the host for each engine with all worker threads, and for the seed's CPU
 * (ONNX) baseline, ONNX Runtime running the same model's export at batch 1 and 64.
 */
final class ThroughputBenchmark extends SeedBenchmark {
    ThroughputBenchmark() {
        super("throughput",
                "images/s: simulated (pipelined) and host (both engines, all threads)",
                Set.of(Marker.PERFORMANCE), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    /**
     * The CPU (ONNX) baseline on the same images: host throughput at batch 1 and 64 and its accuracy,
     * which must match the float reference (same weights, same arithmetic up to summation order).
     */
    static void onnx(BenchContext ctx, BenchRecorder out, LabelledImages data, double referenceAccuracy) throws Exception {
        OnnxBaseline.Result r = OnnxBaseline.open(ctx.threads());
        if (r.baseline().isEmpty()) {
            out.environment("onnx_baseline", "skipped: " + r.reason());
            out.note("ONNX baseline skipped: " + r.reason());
            return;
        }
        try (OnnxBaseline onnx = r.baseline().get()) {
            out.environment("onnx_baseline", "ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion() + " CPU, "
                    + ctx.threads() + " intra-op threads");
            for (int batch : new int[] {1, 64}) {
                double[] tput = new double[ctx.repeats()];
                double acc = 0;
                onnx.evaluate(data, batch); // warm-up
                for (int i = 0; i < tput.length; i++) {
                    double[] e = onnx.evaluate(data, batch);
                    acc = e[0];
                    tput[i] = data.count() / (e[1] / 1000);
                }
                out.metric(HOST_THROUGHPUT.median(tput).at("host_throughput_images_per_s_onnx_batch" + batch,
                        Map.of("engine", "onnx", "batch", batch)));
                out.metric(ACCURACY.value(acc).at("accuracy_onnx", Map.of("engine", "onnx")));
            }
            out.metric(ACCURACY_REFERENCE.value(referenceAccuracy));
            out.check(Math.abs(out.value("accuracy_onnx") - referenceAccuracy) <= 0.01,
                    "the ONNX export scores within 1 point of the float reference on the same images");
        }
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(128, 2000);
        out.environment("target_model", BenchContext.MODEL + ", " + data.count() + " images, " + ctx.threads() + " threads");
        var emu = ctx.emulator();
        Evaluation.Outcome o = ctx.evaluate(emu, data);
        out.metric(THROUGHPUT.value(emu.energyModel().pipelinedThroughput(o.mean(InferenceResult::latencyMs), 1)));
        var ref = ctx.reference();
        out.metric(HOST_THROUGHPUT.median(Arrays.stream(Timing.millis(ctx, () -> ctx.evaluate(emu, data))).map(ms -> data.count() / (ms / 1000))
                .toArray()).at("host_throughput_images_per_s_emulator", Map.of("engine", "emulator")));
        out.metric(HOST_THROUGHPUT.median(Arrays.stream(Timing.millis(ctx, () -> ctx.evaluate(ref, data))).map(ms -> data.count() / (ms / 1000))
                .toArray()).at("host_throughput_images_per_s_reference", Map.of("engine", "reference")));
        onnx(ctx, out, data, ctx.evaluate(ref, data).accuracy());
        out.check(out.value("throughput_images_per_s") > 0, "the modelled chip completes inferences");
    }
}
