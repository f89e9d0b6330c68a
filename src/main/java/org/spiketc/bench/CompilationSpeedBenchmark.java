package org.spiketc.bench;

import static org.spiketc.result.Quantities.COMPILATION_TIME_MS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compilation time for models of several sizes (seed: {@code test_compilation_speed.py}), in process and
 * JVM warm: config to written binary. The headline model is the largest: Spikformer-8-768 at full scale
 * (the seed's "SpikeFormer-Base"; target &lt; 60 s), Spikformer-4-384 (CIFAR) at smoke scale.
 */
final class CompilationSpeedBenchmark extends SeedBenchmark {
    CompilationSpeedBenchmark() {
        super("compilation-speed",
                "compile time per model size, -O2 --bits 8 for loihi2, repeated after warm-up",
                Set.of(Marker.PERFORMANCE), List.of("full scale: about 2 GB of heap for Spikformer-8-768"), Duration.ofMinutes(2), Duration.ofMinutes(15));
    }

    static List<String> models(BenchScale s) {
        return s == BenchScale.FULL ? List.of("spikformer-8-384", "spikformer-8-512", "spikformer-8-768")
                : List.of("fmnist-spikformer-tiny", "spikformer-4-384-cifar");
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        List<String> models = models(ctx.scale());
        double[] headline = null;
        for (String m : models) {
            var run = ctx.prepare(BenchContext.spec(m, "loihi2", null, BenchContext.options(2, 8, null, null)));
            double[] ms = Timing.millis(ctx, () -> ctx.compile(run));
            out.metric(COMPILATION_TIME_MS.median(ms).at("compilation_time_ms_" + m, Map.of("model", m)));
            headline = ms;
        }
        String base = models.get(models.size() - 1);
        out.metric(COMPILATION_TIME_MS.median(headline));
        out.environment("target_model", base);
        out.environment("hardware", "host CPU (compiling for simulated Loihi 2)");
        out.check(out.value("compilation_time_ms") < 60_000, "compiling " + base + " takes under 60 s (seed target)");
    }
}
