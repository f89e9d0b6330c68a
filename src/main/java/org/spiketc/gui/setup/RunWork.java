package org.spiketc.gui.setup;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.BenchOutcome;
import org.spiketc.bench.BenchRunner;
import org.spiketc.bench.BenchScale;
import org.spiketc.bench.Benchmark;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.report.RegisterOverflow;
import org.spiketc.result.RunSpec;
import org.spiketc.run.CompileRun;
import org.spiketc.run.InferenceRun;
import org.spiketc.run.PreparedRun;
import org.spiketc.run.RunHooks;
import org.spiketc.run.RunService;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoreSeries;
import org.spiketc.store.StoredRun;

/**
 * The workbench's runs on the run thread, through the run service as the command line's: compile, run
 * inference, run a benchmark, and store the result under the run's id. Each returns the one line the
 * status bar shows.
 */
final class RunWork {
    private final RunRepository runs;
    private final RunService service = new RunService();

    RunWork(RunRepository runs) {
        this.runs = runs;
    }

    String compile(RunSpec s, long id, Cancellation cancel, ProgressListener progress) throws Exception {
        RunHooks hooks = RunHooks.quiet().withCancel(cancel).withProgress(progress);
        CompileRun r = service.compile(service.prepare(s, hooks), OutputStream.nullOutputStream(), List.of(), hooks);
        runs.finish(id, RunStatus.FINISHED, r.result().document());
        var rep = r.compile().mapping().report();
        return String.format(Locale.ROOT, "compiled %s for %s: %,d cores on %d chip(s), %.0f ms", s.model().name(), s.target(),
                rep.coresUsed(), rep.systemChips(), r.compile().stages().totalMs());
    }

    /**
     * Compiles, then runs the binary on the emulator over the images, storing each inference's energy and
     * latency as series as it finishes and the result (metrics with samples, layers, the core map) at the end.
     *
     * @param started told the images' classes once they are read, before the first inference
     */
    String infer(RunSpec s, long id, Cancellation cancel, ProgressListener progress, Evaluation.ResultListener live,
            Consumer<int[]> started) throws Exception {
        // The detail of each inference goes into the outcome's totals as it finishes, so a long run's memory
        // stays flat; each inference's energy and latency are stored as it finishes: a crash loses only what
        // had not finished.
        RunHooks hooks = RunHooks.quiet().withCancel(cancel).withRetention(Evaluation.Retention.SUMMARY)
                .withProgress((stage, f) -> progress.progress(stage.startsWith("compiling") ? stage : "emulating",
                        f < 0 ? -1 : stage.startsWith("compiling") ? 0.1 * f : 0.1 + 0.9 * f));
        PreparedRun prepared = service.prepare(s, hooks);
        started.accept(prepared.data().labels());
        InferenceRun r;
        try (StoreSeries series = new StoreSeries(runs, id)) {
            r = service.infer(prepared, null, hooks.withSamples((engine, i, result, label) -> {
                series.sample(engine, i, result, label);
                live.result(i, result);
            }));
        }
        String name = runs.find(id).map(StoredRun::testName).orElse(r.result().testName());
        runs.finish(id, r.complete() ? RunStatus.FINISHED : RunStatus.CANCELLED, r.result().named(name).document());
        Evaluation.Outcome o = r.run().main();
        String overflow = RegisterOverflow.warning(RegisterOverflow.of(o));
        return String.format(Locale.ROOT, "%s on %s, %d-bit: accuracy %.2f %% over %,d images, %.3f mJ and %.3f ms per inference "
                + "(simulated)%s%s", s.model().name(), s.target(), s.pipeline().bits(), 100 * o.accuracy(), o.finished(),
                o.mean(InferenceResult::deviceEnergyMj), o.mean(InferenceResult::latencyMs), o.complete() ? "" : "; cancelled, kept",
                overflow == null ? "" : "; warning: " + overflow);
    }

    /** One benchmark category at smoke scale, stored like {@code stc bench} stores it. */
    String benchmark(Benchmark b, long id, Cancellation cancel, ProgressListener progress) {
        BenchContext d = BenchContext.defaults(BenchScale.SMOKE);
        BenchContext ctx = new BenchContext(d.scale(), d.repeats(), d.warmups(), d.threads(), d.dataDir(), cancel, progress);
        progress.progress(b.id(), -1);
        BenchOutcome o = new BenchRunner(ctx).runOne(b);
        runs.finish(id, switch (o.status()) {
            case PASSED, SKIPPED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        }, o.result());
        return String.format(Locale.ROOT, "benchmark %s: %s in %.1f s%s", b.id(), o.status().name().toLowerCase(Locale.ROOT),
                o.seconds(), o.reason() != null ? " (" + o.reason() + ")" : "");
    }
}
