package org.spiketc.bench;

import static org.spiketc.result.Quantities.CHIPS_NEEDED;
import static org.spiketc.result.Quantities.COMPILATION_TIME_MS;
import static org.spiketc.result.Quantities.CORES_USED;
import static org.spiketc.result.Quantities.ENERGY_PER_INFERENCE_MJ;
import static org.spiketc.result.Quantities.INFERENCE_LATENCY_MS;
import static org.spiketc.result.Quantities.PARAMS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.spiketc.sim.InferenceResult;

/**
 * Performance against model size (seed: {@code test_model_size_scaling.py}): for the Spikformer presets,
 * parameters, compile time, peak heap, cores and chips on Loihi 2, and, where emulation is affordable,
 * energy and latency per inference (on seeded random images for the models without a data set here).
 */
final class ModelSizeScalingBenchmark extends SeedBenchmark {
    ModelSizeScalingBenchmark() {
        super("model-size-scaling",
                "per preset: params, compile time, peak heap, cores, chips; energy and latency where emulated",
                Set.of(Marker.PERFORMANCE, Marker.SLOW), List.of("full scale: about 2 GB of heap for Spikformer-8-768"), Duration.ofMinutes(2), Duration.ofMinutes(30));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        List<String> models = ctx.full()
                ? List.of("fmnist-spikformer-tiny", "spikformer-4-384-cifar", "spikformer-8-384", "spikformer-8-512", "spikformer-8-768")
                : List.of("fmnist-spikformer-tiny", "spikformer-4-384-cifar");
        for (String m : models) {
            var run = ctx.prepare(BenchContext.spec(m, "loihi2", null, BenchContext.options(2, 8, null, null)));
            System.gc();
            BenchContext.Compiled[] c = new BenchContext.Compiled[1];
            double[] ms = Timing.millis(ctx, () -> c[0] = ctx.compile(run));
            var rep = c[0].result().mapping().report();
            Map<String, String> at = Map.of("model", m);
            out.metric(PARAMS.value(c[0].result().stats().params()).at("params_" + m, at));
            out.metric(COMPILATION_TIME_MS.median(ms).at("compilation_time_ms_" + m, at));
            out.metric(CORES_USED.value(rep.coresUsed()).at("cores_used_" + m, at));
            out.metric(CHIPS_NEEDED.value(rep.chipsNeeded()).at("chips_needed_" + m, at));
            var point = out.point().put("model", m).put("params", c[0].result().stats().params())
                    .put("compilation_time_ms", out.value("compilation_time_ms_" + m)).put("cores_used", rep.coresUsed())
                    .put("chips_needed", rep.chipsNeeded());
            int images = m.startsWith("fmnist") ? (ctx.full() ? 256 : 32) : m.equals("spikformer-4-384-cifar") ? (ctx.full() ? 16 : 2) : 0;
            if (images > 0) {
                var emu = c[0].emulator();
                var cfg = c[0].result().request().model();
                int size = cfg.inChannels() * cfg.imageSize() * cfg.imageSize();
                double energy = 0;
                double latency = 0;
                for (int i = 0; i < images; i++) {
                    float[] img = m.startsWith("fmnist") ? ctx.data(images, images).pixels()[i] : random(size, i);
                    InferenceResult r = emu.run(img);
                    energy += r.deviceEnergyMj() / images;
                    latency += r.latencyMs() / images;
                }
                out.metric(ENERGY_PER_INFERENCE_MJ.value(energy).at("energy_per_inference_mj_" + m, at));
                out.metric(INFERENCE_LATENCY_MS.value(latency).at("inference_latency_ms_" + m, at));
                point.put("energy_per_inference_mj", energy).put("inference_latency_ms", latency).put("emulated_images", images);
            }
        }
        out.check(out.value("cores_used_spikformer-4-384-cifar") > out.value("cores_used_fmnist-spikformer-tiny"),
                "a larger model needs more cores");
    }

    private static float[] random(int n, int seed) {
        Random r = new Random(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = r.nextFloat();
        }
        return f;
    }
}
