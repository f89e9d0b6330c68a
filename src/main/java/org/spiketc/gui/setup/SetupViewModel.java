package org.spiketc.gui.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.BenchSuite;
import org.spiketc.bench.Benchmark;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.frontend.ModelStatistics;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.compiler.passes.PipelineRegistry;
import org.spiketc.data.FashionMnist;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.ErrorAdvice;
import org.spiketc.gui.Settings;
import org.spiketc.gui.UiThread;
import org.spiketc.gui.live.LiveViewModel;
import org.spiketc.gui.queue.QueuedRun;
import org.spiketc.gui.queue.RunQueue;
import org.spiketc.hw.Figure;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.hw.SystemLayout;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.report.HostInfo;
import org.spiketc.report.Version;
import org.spiketc.store.NewRun;
import org.spiketc.store.RunKind;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;

/**
 * What to compile and run: a preset or a config and weights file, a hardware profile and system size,
 * the optimization level and the passes' parameters, the data and sample count. Compile, inference,
 * benchmark and sweep runs go to the {@link RunQueue}; each is stored when it begins and when it ends,
 * so closing the window loses only the unfinished part. Failures end in a dialog that says what to do.
 */
public final class SetupViewModel {
    /** Weight bits a sweep visits, widest first. */
    public static final List<Integer> SWEEP_BITS = List.of(8, 6, 5, 4, 3, 2);
    /** The benchmark choice that runs every category. */
    public static final String ALL_BENCHMARKS = "all categories";

    private final RunRepository runs;
    private final UiThread threads;
    private final RunQueue queue;
    private final RunWork work;
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(BenchContext.MODEL);
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> weightsFile = new SimpleObjectProperty<>();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("loihi2");
    private final IntegerProperty chips = new SimpleIntegerProperty(0);
    private final IntegerProperty level = new SimpleIntegerProperty(2);
    private final IntegerProperty bits = new SimpleIntegerProperty(8);
    private final IntegerProperty timeSteps = new SimpleIntegerProperty(0);
    /** Magnitude-pruning target in per cent; 0 leaves it to the level (-O3 prunes 50 %). */
    private final IntegerProperty sparsityPercent = new SimpleIntegerProperty(0);
    private final ObservableSet<String> disabledPasses = FXCollections.observableSet(new TreeSet<>());
    private final BooleanProperty fullTestSet = new SimpleBooleanProperty(false);
    private final IntegerProperty samples = new SimpleIntegerProperty(200);
    private final ObjectProperty<String> benchmark = new SimpleObjectProperty<>(ALL_BENCHMARKS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper modelInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hardwareInfo = new ReadOnlyStringWrapper("");
    private final javafx.collections.ObservableList<FigureRow> hardwareFigures = FXCollections.observableArrayList();
    private DialogService dialogs = new DialogService.Recording();
    private Runnable onRecorded = () -> { };
    private LiveViewModel live;

    public SetupViewModel(RunRepository runs, UiThread threads) {
        this(runs, threads, Settings.inMemory());
    }

    /** With the last choices read from, and remembered in, {@code settings}. */
    public SetupViewModel(RunRepository runs, UiThread threads, Settings settings) {
        this.runs = runs;
        this.threads = threads;
        this.queue = new RunQueue(threads.runs());
        this.work = new RunWork(runs);
        String m = settings.get("setup.model", model.get());
        model.set(Presets.NAMES.contains(m) ? m : model.get());
        String t = settings.get("setup.target", target.get());
        target.set(HardwareProfiles.BUILT_IN.contains(t) ? t : target.get());
        level.set(Math.max(0, Math.min(3, settings.getInt("setup.level", level.get()))));
        bits.set(Math.max(2, Math.min(8, settings.getInt("setup.bits", bits.get()))));
        samples.set(Math.max(1, Math.min(10_000, settings.getInt("setup.samples", samples.get()))));
        timeSteps.set(Math.max(0, Math.min(16, settings.getInt("setup.timeSteps", 0))));
        model.addListener((o, a, b) -> settings.put("setup.model", b));
        target.addListener((o, a, b) -> settings.put("setup.target", b));
        level.addListener((o, a, b) -> settings.put("setup.level", b.toString()));
        bits.addListener((o, a, b) -> settings.put("setup.bits", b.toString()));
        samples.addListener((o, a, b) -> settings.put("setup.samples", b.toString()));
        timeSteps.addListener((o, a, b) -> settings.put("setup.timeSteps", b.toString()));
        model.addListener((o, a, b) -> describeModel());
        configFile.addListener((o, a, b) -> describeModel());
        target.addListener((o, a, b) -> describeHardware());
        chips.addListener((o, a, b) -> describeHardware());
        describeModel();
        describeHardware();
    }

    public List<String> models() {
        return Presets.NAMES;
    }

    public List<String> targets() {
        return HardwareProfiles.BUILT_IN;
    }

    /** System sizes of the chosen profile in chips; 0 stands for the smallest that fits. */
    public List<Integer> systemSizes() {
        List<Integer> sizes = new java.util.ArrayList<>(List.of(0));
        HardwareProfiles.builtIn(target.get()).systems().forEach(s -> sizes.add(s.chips()));
        return sizes;
    }

    public List<String> passIds() {
        return PipelineRegistry.PASS_IDS;
    }

    /** Passes the mapper needs, which the form shows but cannot switch off. */
    public Set<String> requiredPasses() {
        return PipelineRegistry.requiredPassIds();
    }

    public List<String> benchmarks() {
        List<String> ids = new java.util.ArrayList<>(List.of(ALL_BENCHMARKS));
        BenchSuite.ALL.forEach(b -> ids.add(b.id()));
        return ids;
    }

    /** Whether the Debian package's full test set is installed (else the shipped subset is the only choice). */
    public boolean fullTestSetAvailable() {
        return java.nio.file.Files.isDirectory(FashionMnist.DEBIAN);
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    public ObjectProperty<Path> weightsFileProperty() {
        return weightsFile;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public IntegerProperty chipsProperty() {
        return chips;
    }

    public IntegerProperty levelProperty() {
        return level;
    }

    public IntegerProperty bitsProperty() {
        return bits;
    }

    public IntegerProperty timeStepsProperty() {
        return timeSteps;
    }

    public IntegerProperty sparsityPercentProperty() {
        return sparsityPercent;
    }

    public ObservableSet<String> disabledPasses() {
        return disabledPasses;
    }

    public BooleanProperty fullTestSetProperty() {
        return fullTestSet;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<String> benchmarkProperty() {
        return benchmark;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Parameter, neuron and synapse counts of the chosen model. */
    public ReadOnlyStringProperty modelInfoProperty() {
        return modelInfo.getReadOnlyProperty();
    }

    /** The chosen hardware's key figures, each with its source and basis (projections say so). */
    public ReadOnlyStringProperty hardwareInfoProperty() {
        return hardwareInfo.getReadOnlyProperty();
    }

    /** One hardware figure as the Setup table shows it: value with unit, how it was obtained, and its source. */
    public record FigureRow(String figure, String value, String basis, String source) {
    }

    /** The chosen profile's key figures with their sources; projections and estimates say so in {@code basis}. */
    public javafx.collections.ObservableList<FigureRow> hardwareFigures() {
        return hardwareFigures;
    }

    public RunQueue queue() {
        return queue;
    }

    public void setDialogs(DialogService d) {
        dialogs = d;
    }

    /** Where inference results and host samples go while a run goes (the live charts). */
    public void setLive(LiveViewModel l) {
        live = l;
    }

    /** Called on the UI thread when a run has been stored (the history refreshes). */
    public void setOnRecorded(Runnable r) {
        onRecorded = r;
    }

    /** The form's choices as a run specification, fixed now. */
    public RunSpec spec() {
        Double sparsity = sparsityPercent.get() > 0 ? sparsityPercent.get() / 100.0 : null;
        PipelineOptions o = PipelineOptions.builder().level(level.get()).bits(bits.get()).sparsity(sparsity)
                .timeSteps(timeSteps.get() > 0 ? timeSteps.get() : null).disabled(Set.copyOf(disabledPasses)).build();
        return new RunSpec(model.get(), configFile.get(), weightsFile.get(), target.get(), chips.get(), o, samples.get(),
                fullTestSet.get());
    }

    /** Queues a compile of the chosen model for the chosen target. */
    public void compile() {
        queueCompile(spec());
    }

    /** Queues an inference run of the chosen model on the emulator over the chosen images. */
    public void infer() {
        RunSpec s = spec();
        queueInference(s, "inference_" + s.model() + "_emulator_" + s.target(), null);
    }

    /**
     * Queues one inference run per weight width of {@link #SWEEP_BITS}, at the chosen level: the points of
     * the accuracy-against-energy view in Runs, each a run of its own.
     */
    public void sweep() {
        RunSpec base = spec();
        String sweep = "sweep-" + java.time.Instant.now().toEpochMilli();
        for (int b : SWEEP_BITS) {
            PipelineOptions o = base.options();
            RunSpec s = base.withOptions(o.toBuilder().bits(b).build());
            queueInference(s, "sweep_bits_" + s.model() + "_" + s.target() + "_" + b + "bit", sweep);
        }
    }

    /** Queues the chosen benchmark category (or all of them) at smoke scale, one stored run per category. */
    public void benchmark() {
        List<Benchmark> chosen = ALL_BENCHMARKS.equals(benchmark.get()) ? BenchSuite.ALL : List.of(BenchSuite.byId(benchmark.get()));
        for (Benchmark b : chosen) {
            String name = org.spiketc.bench.BenchRunner.testName(b, org.spiketc.bench.Scale.SMOKE);
            submit(() -> new NewRun(RunKind.BENCHMARK, name, null, "host + simulated loihi2",
                    "{\"source\": \"workbench\", \"scale\": \"smoke\"}", Version.get(), HostInfo.detect().summary()),
                    "benchmark " + b.id(), (cancel, progress, id) -> work.benchmark(b, id, cancel, progress));
        }
    }

    /** The shipped model of the demo: trained weights and test images come with the jar. */
    public static final String DEMO_MODEL = BenchContext.MODEL;

    /**
     * Queues the demo whatever the form says: the shipped model compiled for simulated Loihi 2 at -O2, then
     * run on the emulator over the whole shipped test subset (2,000 images), watched live.
     */
    public void demo() {
        RunSpec s = new RunSpec(DEMO_MODEL, null, null, "loihi2", 0, PipelineOptions.defaults(2), FashionMnist.subset().count(), false);
        queueCompile(s);
        queueInference(s, "inference_" + s.model() + "_emulator_" + s.target(), null);
    }

    private void queueCompile(RunSpec s) {
        submit(RunKind.COMPILE, "compile_" + s.model() + "_" + s.target(), s, configuration(s, null),
                (cancel, progress, id) -> hostSampled("compile of " + s.model(), () -> work.compile(s, id, cancel, progress)));
    }

    /** @param sweep the sweep the run belongs to, or null */
    private void queueInference(RunSpec s, String testName, String sweep) {
        submit(RunKind.INFERENCE, testName, s, configuration(s, sweep), (cancel, progress, id) -> {
            // The images are read once, here on the run thread: the live view needs their classes first.
            org.spiketc.data.LabelledImages data = s.data();
            if (live != null) {
                int[] labels = data.labels();
                threads.ui().execute(() -> live.inferenceStarted(labels));
            }
            return hostSampled("inference of " + s.model(), () -> work.infer(s, data, id, cancel, progress,
                    live != null ? live : org.spiketc.sim.Evaluation.ResultListener.NONE));
        });
    }

    /** Runs work while the live view samples the host's CPU and memory (when there is a live view). */
    private String hostSampled(String what, java.util.concurrent.Callable<String> work) throws Exception {
        if (live == null) {
            return work.call();
        }
        live.hostStarted(what);
        try {
            return work.call();
        } finally {
            live.hostStopped();
        }
    }

    /** Cancels the run under way; the queued ones go on. What it finished is kept. */
    public void cancel() {
        queue.cancelRunning();
    }

    /** Cancels the run under way and every queued one. */
    public void cancelAll() {
        queue.cancelAll();
    }

    private static String configuration(RunSpec s, String sweep) {
        var j = org.spiketc.common.Json.mapper().createObjectNode().put("source", "workbench");
        s.options().describe(j);
        j.put("samples", s.samples());
        if (s.chips() > 0) {
            j.put("chips", s.chips());
        }
        if (s.config() != null) {
            j.put("config", s.config().toString());
        }
        if (s.weights() != null) {
            j.put("weights", s.weights().toString());
        }
        if (sweep != null) {
            j.put("sweep", sweep);
        }
        return j.toString();
    }

    @FunctionalInterface
    private interface StoredWork {
        String run(org.spiketc.common.Cancellation cancel, org.spiketc.common.ProgressListener progress, long runId) throws Exception;
    }

    private void submit(RunKind kind, String name, RunSpec s, String configuration, StoredWork w) {
        submit(() -> new NewRun(kind, name, s.model(), s.target(), configuration, Version.get(), HostInfo.detect().summary()),
                kind.name().toLowerCase(Locale.ROOT) + " of " + s.model() + " for " + s.target()
                + (s.options().bits() != 8 ? ", " + s.options().bits() + "-bit" : ""), w);
    }

    /** Queues work that is stored as a run; the run's record is made on the run thread (reading the host takes time). */
    private void submit(java.util.function.Supplier<NewRun> run, String title, StoredWork w) {
        status.set(title + " queued");
        queue.submit(title, (cancel, progress) -> {
            long id = -1;
            try {
                id = runs.begin(run.get());
                String done = w.run(cancel, progress, id);
                threads.ui().execute(() -> {
                    status.set(done);
                    onRecorded.run();
                });
                return done;
            } catch (Exception | OutOfMemoryError e) {
                if (id >= 0) {
                    runs.finish(id, cancel.isRequested() ? RunStatus.CANCELLED : RunStatus.FAILED, null);
                }
                boolean cancelled = cancel.isRequested();
                ErrorAdvice advice = ErrorAdvice.of(e);
                String why = cancelled ? title + " cancelled" : title + " failed: " + advice.problem();
                threads.ui().execute(() -> {
                    status.set(why);
                    onRecorded.run();
                    if (!cancelled) {
                        dialogs.error("Run failed", title + " failed: " + advice.problem(), advice.whatToDo());
                    }
                });
                return why;
            }
        });
    }

    private void describeModel() {
        String preset = model.get();
        Path file = configFile.get();
        threads.background().execute(() -> {
            String text;
            try {
                ModelConfig c = file == null ? Presets.load(preset) : org.spiketc.model.ModelConfigReader.read(file);
                // Random weights are lazy: building the graph for its shapes allocates no weights.
                ModelStatistics st = ModelStatistics.of(c, ModelFrontend.build(c, WeightSource.random(0).bind(c)), 0.1);
                text = String.format(Locale.ROOT, "%s: %s, %dx%d input, T = %d; %.2f M parameters, %.2f M neurons, %.1f M synapses, "
                        + "%.3f G synaptic ops per step at firing rate 0.1 (Zhou et al. 2023, App. C.2)%s", c.name(), c.family().id(),
                        c.imageSize(), c.imageSize(), c.timeSteps(), st.params() / 1e6, st.neurons() / 1e6, st.synapses() / 1e6,
                        st.sopsPerStep() / 1e9, Presets.shippedWeights(c.name()).isPresent() ? "; trained weights shipped" : "");
            } catch (RuntimeException e) {
                text = "cannot read the model: " + e.getMessage();
            }
            String shown = text;
            threads.ui().execute(() -> modelInfo.set(shown));
        });
    }

    private void describeHardware() {
        HardwareProfile p = HardwareProfiles.builtIn(target.get());
        SystemLayout sys = chips.get() > 0 ? p.system(chips.get()) : null;
        hardwareInfo.set(p.label() + "; system: " + (sys != null ? sys.name() + ", " + sys.chips() + " chip(s)" : "the smallest that fits")
                + ". " + p.description());
        List<FigureRow> rows = new java.util.ArrayList<>();
        row(rows, "cores per chip", p.chip().coresPerChip());
        row(rows, "neurons per core", p.chip().neuronsPerCore());
        row(rows, "synaptic memory per core", p.chip().synapticMemoryBytesPerCore());
        row(rows, "energy per synaptic op", p.energy().synapticOp());
        row(rows, "energy per active neuron update", p.energy().neuronUpdateActive());
        row(rows, "static power per chip", p.energy().staticPowerPerChip());
        row(rows, "time per synaptic op", p.timing().synapticOp());
        row(rows, "chip crossing energy", p.energy().chipCrossing());
        hardwareFigures.setAll(rows);
    }

    private static void row(List<FigureRow> rows, String name, Figure f) {
        String v = f.value() == Math.rint(f.value()) ? String.format(Locale.ROOT, "%,d", (long) f.value()) : Double.toString(f.value());
        rows.add(new FigureRow(name, v + " " + f.unit(), f.basis().name(), f.source()));
    }
}
