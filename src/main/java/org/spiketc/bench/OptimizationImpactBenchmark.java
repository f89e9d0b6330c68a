package org.spiketc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * What each optimization costs and saves (seed: {@code test_optimization_impact.py}): per level -O0..-O3,
 * compile time, cores, and the emulator's energy and spikes per inference; per optional pass, its time
 * in the -O2 pipeline and what leaving it out changes.
 */
final class OptimizationImpactBenchmark extends SeedBenchmark {
    OptimizationImpactBenchmark() {
        super("optimization-impact",
                "per level and per pass: compile time, cores, energy and spikes per inference",
                Set.of(Marker.PERFORMANCE, Marker.ENERGY), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(15));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(32, 1000);
        out.environment("target_model", BenchContext.MODEL + " on loihi2, " + data.count() + " images");
        double[] o2 = null;
        BenchContext.Compiled o2Compile = null;
        for (int level = 0; level <= 3; level++) {
            PipelineOptions opts = BenchContext.options(level, 8, null, null);
            var req = BenchContext.request(BenchContext.MODEL, "loihi2", null, opts);
            BenchContext.Compiled[] last = new BenchContext.Compiled[1];
            double[] ms = Timing.millis(ctx, () -> last[0] = ctx.compile(req));
            double[] r = measure(ctx, last[0], data);
            String l = "_O" + level;
            out.samples("compilation_time_ms" + l, ms);
            out.metric("cores_used" + l, last[0].result().mapping().report().coresUsed());
            out.metric("energy_per_inference_mj" + l, r[0]);
            out.metric("spikes_per_inference" + l, r[1]);
            out.point().put("level", level).put("compilation_time_ms", out.metrics().get("compilation_time_ms" + l))
                    .put("cores_used", out.metrics().get("cores_used" + l)).put("energy_per_inference_mj", r[0])
                    .put("spikes_per_inference", r[1]).put("accuracy", r[2]);
            if (level == 2) {
                o2 = r;
                o2Compile = last[0];
            }
        }
        for (PassRecord p : o2Compile.result().passes()) {
            if (p.depth() != 1) {
                continue;
            }
            out.metric("pass_ms_" + p.id(), p.wallMillis());
            PipelineOptions without = PipelineOptions.builder().disabled(Set.of(p.id())).build();
            BenchContext.Compiled c;
            try {
                c = ctx.compile(BenchContext.request(BenchContext.MODEL, "loihi2", null, without));
            } catch (UserInputException required) {
                continue; // the mapper needs it: nothing to compare against
            }
            double[] r = measure(ctx, c, data);
            out.metric("pass_saves_energy_mj_" + p.id(), r[0] - o2[0]);
            out.metric("pass_saves_cores_" + p.id(), c.result().mapping().report().coresUsed() - o2Compile.result().mapping().report().coresUsed());
            out.metric("pass_saves_spikes_" + p.id(), r[1] - o2[1]);
        }
        out.check(out.metrics().get("energy_per_inference_mj_O2") <= out.metrics().get("energy_per_inference_mj_O0") * 1.05,
                "-O2 costs no more energy than -O0");
    }

    /** Energy, spikes and accuracy per inference on the emulator. */
    static double[] measure(BenchContext ctx, BenchContext.Compiled c, LabelledImages data) {
        Evaluation.Outcome o = ctx.evaluate(c.emulator(), data);
        return new double[] {o.mean(InferenceResult::deviceEnergyMj), o.mean(InferenceResult::spikes), o.accuracy()};
    }
}
