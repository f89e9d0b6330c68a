package org.spiketc.gui.setup;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.spiketc.bench.BenchContext;
import org.spiketc.common.Cancellation;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.gui.UiThread;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.report.CompileJson;
import org.spiketc.report.HostInfo;
import org.spiketc.report.PeakMemory;
import org.spiketc.report.ResultDocument;
import org.spiketc.report.Version;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.store.NewRun;
import org.spiketc.store.RunKind;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.SeriesWriter;

/**
 * What to compile and run: a preset, a hardware profile, the optimization level and weight bits, the
 * number of test images. Compile and inference runs go to the background, report progress, can be
 * cancelled, and are recorded in the results store as they finish, like the command line's.
 */
public final class SetupViewModel {
    private final RunRepository runs;
    private final UiThread threads;
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(BenchContext.MODEL);
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("loihi2");
    private final IntegerProperty level = new SimpleIntegerProperty(2);
    private final IntegerProperty bits = new SimpleIntegerProperty(8);
    private final IntegerProperty samples = new SimpleIntegerProperty(200);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private volatile Cancellation running;
    private Runnable onRecorded = () -> { };
    private Evaluation.ResultListener live = Evaluation.ResultListener.NONE;
    private java.util.function.Consumer<int[]> onInferenceStart = labels -> { };

    public SetupViewModel(RunRepository runs, UiThread threads) {
        this(runs, threads, org.spiketc.gui.Settings.inMemory());
    }

    /** With the last choices read from, and remembered in, {@code settings}. */
    public SetupViewModel(RunRepository runs, UiThread threads, org.spiketc.gui.Settings settings) {
        this.runs = runs;
        this.threads = threads;
        String m = settings.get("setup.model", model.get());
        model.set(Presets.NAMES.contains(m) ? m : model.get());
        String t = settings.get("setup.target", target.get());
        target.set(HardwareProfiles.BUILT_IN.contains(t) ? t : target.get());
        level.set(Math.max(0, Math.min(3, settings.getInt("setup.level", level.get()))));
        bits.set(Math.max(2, Math.min(8, settings.getInt("setup.bits", bits.get()))));
        samples.set(Math.max(1, Math.min(2000, settings.getInt("setup.samples", samples.get()))));
        model.addListener((o, a, b) -> settings.put("setup.model", b));
        target.addListener((o, a, b) -> settings.put("setup.target", b));
        level.addListener((o, a, b) -> settings.put("setup.level", b.toString()));
        bits.addListener((o, a, b) -> settings.put("setup.bits", b.toString()));
        samples.addListener((o, a, b) -> settings.put("setup.samples", b.toString()));
    }

    public List<String> models() {
        return Presets.NAMES;
    }

    public List<String> targets() {
        return HardwareProfiles.BUILT_IN;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public IntegerProperty levelProperty() {
        return level;
    }

    public IntegerProperty bitsProperty() {
        return bits;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Where each inference goes as it finishes (the live charts), and what to do, on the UI thread, when
     * an inference run starts (given the images' true classes).
     */
    public void setLive(Evaluation.ResultListener listener, java.util.function.Consumer<int[]> onStart) {
        live = listener;
        onInferenceStart = onStart;
    }

    /** Called on the UI thread when a run has been stored (the history refreshes). */
    public void setOnRecorded(Runnable r) {
        onRecorded = r;
    }

    private CompileRequest request() {
        ModelConfig c = Presets.load(model.get());
        PipelineOptions o = new PipelineOptions(level.get(), bits.get(), null, null, null, 0.1, Set.of());
        return new CompileRequest(c, BenchContext.weights(c), HardwareProfiles.builtIn(target.get()), null, o, false);
    }

    /** Compiles the chosen model for the chosen target in the background and stores the run. */
    public void compile() {
        start("compile", (cancel, id) -> {
            CompileResult r = Compiler.compile(request(), java.io.OutputStream.nullOutputStream(), cancel,
                    (stage, f) -> report(stage, f));
            ResultDocument doc = ResultDocument.of(CompileJson.of(r, PeakMemory.read(), HostInfo.detect(), Instant.now()));
            runs.finish(id, RunStatus.FINISHED, doc);
            return String.format(Locale.ROOT, "compiled %s for %s: %,d cores, %.0f ms", model.get(), target.get(),
                    r.mapping().report().coresUsed(), r.stages().totalMs());
        });
    }

    /**
     * Runs the chosen model on the emulator over the shipped test images in the background, storing each
     * inference's energy and latency as series (for the live charts) and the result at the end.
     */
    public void infer() {
        onInferenceStart.accept(FashionMnist.subset().first(Math.max(1, samples.get())).labels());
        start("inference", (cancel, id) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CompileRequest req = request();
            Compiler.compile(req, bytes, cancel, (stage, f) -> report("compiling", f / 2));
            ChipEmulator emu = new ChipEmulator(BinaryReader.load(bytes.toByteArray(), "compiled binary"), req.target());
            LabelledImages data = FashionMnist.subset().first(Math.max(1, samples.get()));
            Evaluation.Outcome o = Evaluation.run(emu, data, Runtime.getRuntime().availableProcessors(), cancel,
                    (stage, f) -> report("emulating", 0.5 + f / 2), live);
            try (SeriesWriter energy = new SeriesWriter(runs, id, "energy_per_inference_mj");
                    SeriesWriter latency = new SeriesWriter(runs, id, "inference_latency_ms")) {
                for (int i = 0; i < o.results().length; i++) {
                    InferenceResult r = o.results()[i];
                    if (r != null) {
                        energy.add(i, r.deviceEnergyMj());
                        latency.add(i, r.latencyMs());
                    }
                }
            }
            var doc = org.spiketc.common.Json.mapper().createObjectNode();
            doc.put("test_name", "inference_" + model.get() + "_emulator_" + target.get());
            doc.put("timestamp", Instant.now().toString());
            doc.put("schema_version", ResultDocument.SCHEMA_VERSION);
            doc.putObject("metrics").put("accuracy", o.accuracy()).put("samples", o.finished())
                    .put("energy_per_inference_mj", o.mean(InferenceResult::deviceEnergyMj))
                    .put("inference_latency_ms", o.mean(InferenceResult::latencyMs))
                    .put("spikes_per_inference", o.mean(InferenceResult::spikes));
            ResultDocument.putSamples(doc, "energy_per_inference_mj", o.perInference(InferenceResult::deviceEnergyMj));
            ResultDocument.putSamples(doc, "inference_latency_ms", o.perInference(InferenceResult::latencyMs));
            doc.putObject("environment").put("hardware", emu.profile().label() + " (simulated)").put("software_version", Version.get())
                    .put("source_commit", Version.commit()).put("model", model.get()).put("dataset", data.name());
            var layers = doc.putArray("layers");
            o.layerMeans().forEach((layer, v) -> layers.addObject().put("engine", "emulator").put("name", layer)
                    .put("spikes_per_inference", v[0]).put("firing_rate", v[1]).put("synaptic_ops_per_inference", v[2]));
            runs.finish(id, o.complete() ? RunStatus.FINISHED : RunStatus.CANCELLED, ResultDocument.of(doc));
            return String.format(Locale.ROOT, "%s on %s: accuracy %.2f %%, %.3f mJ and %.3f ms per inference (simulated)",
                    model.get(), target.get(), 100 * o.accuracy(), o.mean(InferenceResult::deviceEnergyMj),
                    o.mean(InferenceResult::latencyMs));
        });
    }

    /** Stops the run under way; what it finished is kept. */
    public void cancel() {
        Cancellation c = running;
        if (c != null) {
            c.cancel();
        }
    }

    private void report(String stage, double fraction) {
        String text = String.format(Locale.ROOT, "%s %.0f %%", stage, 100 * fraction);
        threads.ui().execute(() -> progress.set(text));
    }

    @FunctionalInterface
    private interface Work {
        String run(Cancellation cancel, long runId) throws Exception;
    }

    private void start(String what, Work work) {
        Cancellation cancel = new Cancellation();
        running = cancel;
        RunKind kind = what.equals("compile") ? RunKind.COMPILE : RunKind.INFERENCE;
        String name = (what.equals("compile") ? "compile_" : "inference_") + model.get() + "_" + target.get();
        status.set(what + " of " + model.get() + " for " + target.get() + " under way");
        threads.background().execute(() -> {
            long id = -1;
            try {
                id = runs.begin(new NewRun(kind, name, model.get(), target.get(), "{\"source\": \"workbench\"}", Version.get(),
                        HostInfo.detect().summary()));
                String done = work.run(cancel, id);
                threads.ui().execute(() -> {
                    status.set(done);
                    progress.set("");
                    onRecorded.run();
                });
            } catch (Exception | OutOfMemoryError e) {
                if (id >= 0) {
                    runs.finish(id, cancel.isRequested() ? RunStatus.CANCELLED : RunStatus.FAILED, null);
                }
                String why = cancel.isRequested() ? what + " cancelled" : what + " failed: " + e.getMessage();
                threads.ui().execute(() -> {
                    status.set(why);
                    progress.set("");
                    onRecorded.run();
                });
            } finally {
                running = null;
            }
        });
    }
}
