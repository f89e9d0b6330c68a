package org.spiketc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.data.LabelledImages;
import org.spiketc.report.InferenceResults;
import org.spiketc.report.RegisterOverflow;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;
import org.spiketc.result.RunSpec;
import org.spiketc.run.InferenceRun;
import org.spiketc.run.PreparedRun;
import org.spiketc.run.RunHooks;
import org.spiketc.run.RunService;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoreSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stc run}: inference over a labelled set on the float reference, the chip emulator, or both. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a model over a labelled data set on the float reference simulator and/or the chip emulator "
                + "(simulated hardware) and report accuracy, fidelity, energy, latency and throughput.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    CompileOptions compile;

    @Option(names = "--binary", paramLabel = "FILE.nxe", description = "Run this compiled binary on the emulator instead of compiling.")
    Path binary;

    @Option(names = "--engine", defaultValue = "both", description = "reference, emulator or both (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--dataset", defaultValue = "fmnist", paramLabel = "fmnist[:DIR]",
            description = "fmnist: the 2,000-image test subset shipped with stc; fmnist:DIR: the full test set from DIR "
                    + "(e.g. fmnist:/usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
    String dataset;

    @Option(names = "--samples", paramLabel = "N", description = "Use only the first N samples.")
    Integer samples;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "B",
            description = "Samples streamed back to back through the layer pipeline, for the modelled throughput (default 1).")
    int batch;

    @Option(names = "--threads", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
            description = "Run N samples untimed first, so host timings leave out JIT warm-up (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results in the seed's JSON shape.")
    Path json;

    @Option(names = "--bias-always-on", description = "Leave every population's bias on at every chip step instead of only "
            + "during its T-step window: shows the spikes a chip configured once fills and drains its pipeline with.")
    boolean biasAlwaysOn;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        RunSpec.Engine engines = RunSpec.Engine.parse(engine);
        RunSpec runSpec = compile.inferenceSpec(model, new RunSpec.DataSelection(dataset, samples, false), engines)
                .withExecution(batch, warmup, threads == null ? null : Math.max(1, threads), biasAlwaysOn, compile.verify);
        // What the user gave is checked before the run is recorded (a binary of another model, bad options);
        // the run is recorded before anything slow (building the reference, compiling), so a process killed
        // at any moment after it leaves the run visible, as interrupted, at the next start.
        RunService service = new RunService();
        PrintWriter err = spec.commandLine().getErr();
        Cancellation cancel = new Cancellation();
        RunHooks hooks = RunHooks.quiet().withCancel(cancel).withWarnings(w -> err.println("warning: " + w)).withProgress(progress(err));
        PreparedRun prepared = service.prepare(runSpec, hooks);
        BinaryProgram given = binary != null && engines.emulator() ? BinaryReader.load(binary) : null;
        if (given != null && !given.model().equals(prepared.model())) {
            throw new UserInputException("binary " + binary + " was compiled from " + given.model() + ", not " + prepared.model());
        }
        StoreOptions.Recording rec = store.begin(RunKind.INFERENCE, RunService.provisionalName(runSpec, prepared.model()), prepared.model(),
                prepared.profile() != null ? prepared.profile().id() : "host", runSpec.toJson().toString());
        try (StoreSeries series = rec.active() ? new StoreSeries(rec.repository(), rec.id()) : null) {
            return evaluate(service, prepared, given, series == null ? hooks : hooks.withSamples(series), cancel, rec);
        } finally {
            rec.failIfOpen();
        }
    }

    /** The engine and its share done, on one line, at most every two seconds. */
    private static ProgressListener progress(PrintWriter err) {
        long[] last = {0};
        return (stage, f) -> {
            long now = System.nanoTime();
            if (!stage.startsWith("compiling") && (now - last[0] > 2_000_000_000L || f >= 1)) {
                last[0] = now;
                err.printf(Locale.ROOT, "\r%-10s %5.1f%%%s", stage, 100 * f, f >= 1 ? "\n" : "");
                err.flush();
            }
        };
    }

    private int evaluate(RunService service, PreparedRun prepared, BinaryProgram given, RunHooks hooks, Cancellation cancel,
            StoreOptions.Recording rec) throws IOException {
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                written.await(10, TimeUnit.SECONDS); // let the partial results reach the disk
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        try {
            InferenceRun run = service.infer(prepared, given, hooks);
            print(out, run.run());
            ResultDocument doc = run.result().document();
            if (json != null) {
                doc.write(json);
                out.println("wrote " + json);
            }
            rec.finish(run.complete() ? RunStatus.FINISHED : RunStatus.CANCELLED, doc, out);
            return run.complete() ? ExitCodes.OK : ExitCodes.CANCELLED;
        } finally {
            rec.failIfOpen();
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting on Ctrl-C; the hook is already running
            }
        }
    }

    private void print(PrintWriter out, InferenceResults.Run run) {
        ChipEmulator emu = run.emulator();
        LabelledImages data = run.data();
        List<Evaluation.Outcome> os = run.outcomes();
        out.printf(Locale.ROOT, "Model     %s, weights %s%n", run.model(), run.weights());
        out.printf(Locale.ROOT, "Data      %s: %d samples%n", data.name(), data.count());
        for (Evaluation.Outcome o : os) {
            int n = o.finished();
            double ops = o.mean(InferenceResult::synapticOps);
            out.printf(Locale.ROOT, "%n%s%s (%d threads, %d of %d samples%s)%n", o.engine(),
                    o.engine().equals("emulator") ? " - " + emu.profile().label() + ", " + emu.program().system() : "",
                    o.threads(), n, data.count(), o.complete() ? "" : ", cancelled");
            ProportionInterval ci = ProportionInterval.wilson95(o.correct(), n);
            out.printf(Locale.ROOT, "  top-1 accuracy           %.2f %% (95 %% interval %s, Wilson, %,d images)%n", 100 * o.accuracy(),
                    ci.percentRange(), n);
            out.printf(Locale.ROOT, "  spikes / inference       %,.0f%n", o.mean(InferenceResult::spikes));
            out.printf(Locale.ROOT, "  synaptic ops / inference %,.0f (events times fan-out, as this engine performs them)%n", ops);
            out.printf(Locale.ROOT, "  energy, paper formula    %.6f mJ: %,.0f SOPs + %,.0f analog MACs [%s]%n",
                    o.mean(InferenceResult::paperEnergyMj), o.mean(r -> r.paper().sops()), o.mean(r -> r.paper().macs()),
                    PaperEnergy.SOURCE);
            if (o.engine().equals("emulator")) {
                out.printf(Locale.ROOT, "  energy on the chip       %.6f mJ per inference (simulated)%n", o.mean(InferenceResult::deviceEnergyMj));
                for (Map.Entry<String, Double> e : InferenceResults.breakdown(o).entrySet()) {
                    out.printf(Locale.ROOT, "    %-24s %.6f mJ%n", e.getKey(), e.getValue());
                }
                out.printf(Locale.ROOT, "  latency                  %.4f ms per inference (simulated)%n", o.mean(InferenceResult::latencyMs));
                out.printf(Locale.ROOT, "  traffic                  %,.0f messages, %,.0f hops, %,.0f chip crossings, %.0f barrier syncs per inference%n",
                        o.mean(r -> r.traffic().messages()), o.mean(r -> r.traffic().hops()), o.mean(r -> r.traffic().chipCrossings()),
                        o.mean(r -> r.traffic().barrierSyncs()));
                out.printf(Locale.ROOT, "  throughput               %,.0f inferences/s at batch %d (simulated, pipelined)%n",
                        InferenceResults.modelledThroughput(run), batch);
                List<RegisterOverflow> overflow = RegisterOverflow.of(o);
                double wraps = overflow.stream().mapToDouble(RegisterOverflow::currentWraps).sum();
                double clips = overflow.stream().mapToDouble(RegisterOverflow::voltageClips).sum();
                out.printf(Locale.ROOT, "  register overflow        %.3g u wrap-arounds, %.3g v saturations per inference (%,d and %,d "
                        + "neuron-steps in all)%n", wraps, clips, Math.round(wraps * n), Math.round(clips * n));
                String warning = RegisterOverflow.warning(overflow);
                if (warning != null) {
                    out.println("  warning: " + warning);
                }
            }
            out.printf(Locale.ROOT, "  host                     %.3f ms per inference per thread, %,.0f inferences/s, %,.0f synaptic events/s%n",
                    InferenceResults.hostMs(o), n / (o.hostNanos() / 1e9), ops * n / (o.hostNanos() / 1e9));
        }
        if (os.size() == 2) {
            out.printf(Locale.ROOT, "%nfidelity (emulator class = reference class): %.2f %%%n", 100 * Evaluation.Outcome.fidelity(os.get(1), os.get(0)));
        }
    }
}
