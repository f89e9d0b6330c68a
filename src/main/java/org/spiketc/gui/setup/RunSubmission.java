package org.spiketc.gui.setup;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.BenchRunner;
import org.spiketc.bench.BenchScale;
import org.spiketc.bench.BenchSuite;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.Benchmark;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.ErrorAdvice;
import org.spiketc.gui.live.LiveViewModel;
import org.spiketc.gui.queue.RunQueue;
import org.spiketc.result.HostInfo;
import org.spiketc.result.Version;
import org.spiketc.sim.Evaluation;
import org.spiketc.result.RunSpec;
import org.spiketc.run.RunService;
import org.spiketc.store.NewRun;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;

/**
 * Submitting the workbench's runs: compile, inference, sweep and benchmark runs of a {@link RunSpec} go to
 * the {@link RunQueue} and run one after another on the run thread. Each is stored when it begins and when
 * it ends, so closing the window loses only the unfinished part; its outcome reaches the status line on the
 * FX thread, and a failure (not a cancellation) the error dialog, which says what to do.
 */
public final class RunSubmission {
    /** Weight bits a sweep visits, widest first. */
    public static final List<Integer> SWEEP_BITS = List.of(8, 6, 5, 4, 3, 2);
    /** The shipped model of the demo: trained weights and test images come with the jar. */
    public static final String DEMO_MODEL = BenchContext.MODEL;

    private final RunRepository runs;
    private final BackgroundTasks tasks;
    private final RunQueue queue;
    private final RunWork work;
    private final LiveViewModel live;
    private final Runnable onRecorded;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");

    /**
     * @param live       where inference results and host samples go while a run goes (the live charts), or
     *                   null where no live view watches (view-model tests)
     * @param onRecorded called on the FX thread when a run has been stored (the history refreshes)
     */
    public RunSubmission(RunRepository runs, BackgroundTasks tasks, LiveViewModel live, Runnable onRecorded) {
        this.runs = runs;
        this.tasks = tasks;
        this.queue = tasks.newRunQueue();
        this.work = new RunWork(runs);
        this.live = live;
        this.onRecorded = onRecorded;
    }

    /** The status line: what was queued last, or how the last run ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public RunQueue queue() {
        return queue;
    }

    /** Queues a compile of the spec's model for its target. */
    public void compile(RunSpec s) {
        RunSpec c = RunSpec.compile(s.model(), s.target(), s.chips(), s.pipeline());
        submit(RunKind.COMPILE, RunService.provisionalName(c, s.model().name()), c,
                (cancel, progress, id) -> hostSampled("compile of " + s.model().name(), () -> work.compile(c, id, cancel, progress)));
    }

    /** Queues an inference run of the spec's model on the emulator over its images. */
    public void infer(RunSpec s) {
        infer(s, RunService.provisionalName(s, s.model().name()));
    }

    /**
     * Queues one inference run per weight width of {@link #SWEEP_BITS}, at the spec's level: the points of
     * the accuracy-against-energy view in Runs, each a run of its own.
     */
    public void sweep(RunSpec base) {
        for (int b : SWEEP_BITS) {
            RunSpec s = base.withPipeline(base.pipeline().toBuilder().bits(b).build());
            infer(s, "sweep_bits_" + s.model().name() + "_" + s.target() + "_" + b + "bit");
        }
    }

    /** Queues a benchmark category (or all, {@link SetupForm#ALL_BENCHMARKS}) at smoke scale, one stored run per category. */
    public void benchmark(String choice) {
        List<Benchmark> chosen = SetupForm.ALL_BENCHMARKS.equals(choice) ? BenchSuite.ALL : List.of(BenchSuite.byId(choice));
        for (Benchmark b : chosen) {
            String name = BenchRunner.testName(b, BenchScale.SMOKE);
            String configuration = BenchRunner.configurationJson(b, BenchContext.defaults(BenchScale.SMOKE));
            submit(() -> new NewRun(RunKind.BENCHMARK, name, null, "host + simulated loihi2", configuration, Version.get(),
                    HostInfo.detect().summary()),
                    "benchmark " + b.id(), (cancel, progress, id) -> work.benchmark(b, id, cancel, progress));
        }
    }

    /**
     * Queues the demo whatever the form says: the shipped model compiled for simulated Loihi 2 at -O2, then
     * run on the emulator over the whole shipped test subset (2,000 images), watched live.
     */
    public void demo() {
        RunSpec s = SetupForm.inference(RunSpec.ModelSource.preset(DEMO_MODEL), "loihi2", null, PipelineOptions.defaults(2),
                FashionMnist.subset().count(), false);
        compile(s);
        infer(s);
    }

    /** Cancels the run under way; the queued ones go on. What it finished is kept. */
    public void cancel() {
        queue.cancelRunning();
    }

    /** Cancels the run under way and every queued one. */
    public void cancelAll() {
        queue.cancelAll();
    }

    private void infer(RunSpec s, String testName) {
        submit(RunKind.INFERENCE, testName, s, (cancel, progress, id) -> hostSampled("inference of " + s.model().name(),
                () -> work.infer(s, id, cancel, progress, live != null ? live : Evaluation.ResultListener.NONE, labels -> {
                    if (live != null) {
                        tasks.onFxThread(() -> live.inferenceStarted(labels));
                    }
                })));
    }

    /** Runs work while the live view samples the host's CPU and memory (when there is a live view). */
    private String hostSampled(String what, Callable<String> w) throws Exception {
        if (live == null) {
            return w.call();
        }
        live.hostStarted(what);
        try {
            return w.call();
        } finally {
            live.hostStopped();
        }
    }

    /** The engine work of a run stored under {@code runId}; returns the status line. */
    @FunctionalInterface
    private interface StoredWork {
        String run(Cancellation cancel, ProgressListener progress, long runId) throws Exception;
    }

    private void submit(RunKind kind, String name, RunSpec s, StoredWork w) {
        submit(() -> new NewRun(kind, name, s.model().name(), s.target(), s.toJson().toString(), Version.get(),
                HostInfo.detect().summary()), kind.name().toLowerCase(Locale.ROOT) + " of " + s.model().name() + " for " + s.target()
                + (s.pipeline().bits() != 8 ? ", " + s.pipeline().bits() + "-bit" : ""), w);
    }

    /**
     * Queues work that is stored as a run. It runs as a background task on the run thread the queue owns, so
     * its outcome and failures take the same way to the FX thread and the dialog as every other task's.
     */
    private void submit(Supplier<NewRun> run, String title, StoredWork w) {
        status.set(title + " queued");
        queue.submit(title, (cancel, progress) -> tasks.task("Run failed", unused -> stored(run, title, w, cancel, progress))
                .advice(e -> {
                    ErrorAdvice a = ErrorAdvice.of(e);
                    return new ErrorAdvice(title + " failed: " + a.problem(), a.whatToDo());
                })
                .onSuccess(done -> {
                    status.set(done);
                    onRecorded.run();
                })
                .onFailure(a -> {
                    status.set(a.problem());
                    onRecorded.run();
                })
                .runHere());
    }

    /**
     * On the run thread: records the run (reading the host takes time), does the work and records how it
     * ended. A failure after the user cancelled is the cancellation, not an error: no dialog.
     */
    private String stored(Supplier<NewRun> run, String title, StoredWork w, Cancellation cancel, ProgressListener progress)
            throws Exception {
        long id = -1;
        try {
            id = runs.begin(run.get());
            return w.run(cancel, progress, id);
        } catch (Exception | OutOfMemoryError e) {
            if (id >= 0) {
                runs.finish(id, cancel.isRequested() ? RunStatus.CANCELLED : RunStatus.FAILED, null);
            }
            if (cancel.isRequested()) {
                return title + " cancelled";
            }
            throw e;
        }
    }
}
