package org.spiketc.bench;

import static org.spiketc.result.Quantities.COMPILATION_TIME_MS;
import static org.spiketc.result.Quantities.CORES_USED;
import static org.spiketc.result.Quantities.ENERGY_PER_INFERENCE_MJ;
import static org.spiketc.result.Quantities.PASS_MS;
import static org.spiketc.result.Quantities.PASS_SAVES_CORES;
import static org.spiketc.result.Quantities.PASS_SAVES_ENERGY_MJ;
import static org.spiketc.result.Quantities.PASS_SAVES_SPIKES;
import static org.spiketc.result.Quantities.SPIKES_PER_INFERENCE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            var run = ctx.prepare(BenchContext.spec(BenchContext.MODEL, "loihi2", null, opts));
            BenchContext.Compiled[] last = new BenchContext.Compiled[1];
            double[] ms = Timing.millis(ctx, () -> last[0] = ctx.compile(run));
            double[] r = measure(ctx, last[0], data);
            String l = "_O" + level;
            Map<String, Integer> at = Map.of("level", level);
            out.metric(COMPILATION_TIME_MS.median(ms).at("compilation_time_ms" + l, at));
            out.metric(CORES_USED.value(last[0].result().mapping().report().coresUsed()).at("cores_used" + l, at));
            out.metric(ENERGY_PER_INFERENCE_MJ.value(r[0]).at("energy_per_inference_mj" + l, at));
            out.metric(SPIKES_PER_INFERENCE.value(r[1]).at("spikes_per_inference" + l, at));
            out.point().put("level", level).put("compilation_time_ms", out.value("compilation_time_ms" + l))
                    .put("cores_used", out.value("cores_used" + l)).put("energy_per_inference_mj", r[0])
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
            Map<String, String> pass = Map.of("pass", p.id());
            out.metric(PASS_MS.value(p.wallMillis()).at("pass_ms_" + p.id(), pass));
            PipelineOptions without = PipelineOptions.builder().disabled(Set.of(p.id())).build();
            BenchContext.Compiled c;
            try {
                c = ctx.compile(BenchContext.spec(BenchContext.MODEL, "loihi2", null, without));
            } catch (UserInputException required) {
                continue; // the mapper needs it: nothing to compare against
            }
            double[] r = measure(ctx, c, data);
            out.metric(PASS_SAVES_ENERGY_MJ.value(r[0] - o2[0]).at("pass_saves_energy_mj_" + p.id(), pass));
            out.metric(PASS_SAVES_CORES.value(c.result().mapping().report().coresUsed() - o2Compile.result().mapping().report().coresUsed())
                    .at("pass_saves_cores_" + p.id(), pass));
            out.metric(PASS_SAVES_SPIKES.value(r[1] - o2[1]).at("pass_saves_spikes_" + p.id(), pass));
        }
        out.check(out.value("energy_per_inference_mj_O2") <= out.value("energy_per_inference_mj_O0") * 1.05,
                "-O2 costs no more energy than -O0");
    }

    /** Energy, spikes and accuracy per inference on the emulator. */
    static double[] measure(BenchContext ctx, BenchContext.Compiled c, LabelledImages data) {
        Evaluation.Outcome o = ctx.evaluate(c.emulator(), data);
        return new double[] {o.mean(InferenceResult::deviceEnergyMj), o.mean(InferenceResult::spikes), o.accuracy()};
    }
}
