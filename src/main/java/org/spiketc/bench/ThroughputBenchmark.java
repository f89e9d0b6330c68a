package org.spiketc.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * Inference throughput in images per second (seed: {@code test_throughput.py}): on the modelled chip with
 * inferences pipelined, and on the host for each engine with all worker threads.
 */
final class ThroughputBenchmark implements Benchmark {
    @Override
    public String id() {
        return "throughput";
    }

    @Override
    public String seedName() {
        return "test_throughput.py";
    }

    @Override
    public String description() {
        return "images/s: simulated (pipelined) and host (both engines, all threads)";
    }

    @Override
    public Set<Marker> markers() {
        return Set.of(Marker.PERFORMANCE);
    }

    @Override
    public List<String> requirements() {
        return List.of();
    }

    @Override
    public Duration timeout(Scale scale) {
        return scale == Scale.FULL ? Duration.ofMinutes(10) : Duration.ofMinutes(2);
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(128, 2000);
        out.environment("target_model", BenchContext.MODEL + ", " + data.count() + " images, " + ctx.threads() + " threads");
        var emu = ctx.emulator("loihi2", null, BenchContext.options(2, 8, null, null));
        Evaluation.Outcome o = ctx.evaluate(emu, data);
        out.metric("throughput_images_per_s", emu.energyModel().pipelinedThroughput(o.mean(InferenceResult::latencyMs), 1));
        var ref = BenchContext.reference();
        out.samples("host_throughput_images_per_s_emulator",
                Arrays.stream(Timing.millis(ctx, () -> ctx.evaluate(emu, data))).map(ms -> data.count() / (ms / 1000)).toArray());
        out.samples("host_throughput_images_per_s_reference",
                Arrays.stream(Timing.millis(ctx, () -> ctx.evaluate(ref, data))).map(ms -> data.count() / (ms / 1000)).toArray());
        out.check(out.metrics().get("throughput_images_per_s") > 0, "the modelled chip completes inferences");
    }
}
