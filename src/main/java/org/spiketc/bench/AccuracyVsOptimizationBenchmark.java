package org.spiketc.bench;

import static org.spiketc.result.Quantities.ACCURACY;
import static org.spiketc.result.Quantities.ACCURACY_REFERENCE;
import static org.spiketc.result.Quantities.ENERGY_PER_INFERENCE_MJ;
import static org.spiketc.result.Quantities.PARETO_POINTS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.spiketc.data.LabelledImages;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * The trade-off between optimization and accuracy (seed: {@code test_accuracy_vs_optimization.py}): a
 * sweep over weight bits × pruning sparsity × time steps, each point's accuracy, fidelity, energy and
 * latency, and which points are on the Pareto front of accuracy against energy.
 */
final class AccuracyVsOptimizationBenchmark extends SeedBenchmark {
    AccuracyVsOptimizationBenchmark() {
        super("accuracy-vs-optimization",
                "sweep bits x sparsity x time steps: accuracy, fidelity, energy, latency; Pareto front",
                Set.of(Marker.PERFORMANCE, Marker.ENERGY, Marker.SLOW), List.of("full scale: Debian's dataset-fashion-mnist for the 10,000-image test set"), Duration.ofMinutes(3), Duration.ofMinutes(60));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        LabelledImages data = ctx.data(48, 10_000);
        int[] bits = ctx.full() ? new int[] {8, 6, 4} : new int[] {8, 4};
        double[] sparsity = ctx.full() ? new double[] {0, 0.3, 0.6} : new double[] {0, 0.5};
        int[] steps = ctx.full() ? new int[] {4, 2} : new int[] {4};
        out.environment("target_model", BenchContext.MODEL + " on simulated loihi2, " + data.count() + " images");
        Evaluation.Outcome ref = ctx.evaluate(ctx.reference(), data);
        out.metric(ACCURACY_REFERENCE.value(ref.accuracy()));
        List<double[]> front = new ArrayList<>();
        List<BenchRecorder.Point> points = new ArrayList<>();
        for (int b : bits) {
            for (double s : sparsity) {
                for (int t : steps) {
                    var emu = ctx.emulator("loihi2", null, BenchContext.options(2, b, s > 0 ? s : null, t == 4 ? null : t));
                    Evaluation.Outcome o = ctx.evaluate(emu, data);
                    double acc = o.accuracy();
                    double energy = o.mean(InferenceResult::deviceEnergyMj);
                    BenchRecorder.Point p = out.point().put("bits", b).put("sparsity", s).put("time_steps", t).put("accuracy", acc)
                            .put("fidelity", Evaluation.Outcome.fidelity(o, ref)).put("energy_per_inference_mj", energy)
                            .put("inference_latency_ms", o.mean(InferenceResult::latencyMs));
                    points.add(p);
                    front.add(new double[] {acc, energy});
                    String key = String.format(Locale.ROOT, "_%db_s%.0f_t%d", b, s * 100, t);
                    Map<String, Object> at = Map.of("weight_bits", b, "sparsity", s, "time_steps", t);
                    out.metric(ACCURACY.value(acc).at("accuracy" + key, at));
                    out.metric(ENERGY_PER_INFERENCE_MJ.value(energy).at("energy_per_inference_mj" + key, at));
                }
            }
        }
        int onFront = 0;
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (double[] q : front) {
                dominated |= q[0] >= front.get(i)[0] && q[1] <= front.get(i)[1] && (q[0] > front.get(i)[0] || q[1] < front.get(i)[1]);
            }
            points.get(i).put("pareto", !dominated);
            onFront += dominated ? 0 : 1;
        }
        out.metric(PARETO_POINTS.value(onFront));
        double best8 = out.value("accuracy_8b_s0_t4");
        out.check(Math.abs(best8 - ref.accuracy()) <= (ctx.full() ? 0.01 : 0.1),
                "at 8 bits, no pruning, T=4 the emulator's accuracy is within " + (ctx.full() ? "1 point" : "10 points (smoke sample)")
                        + " of the float reference");
    }
}
