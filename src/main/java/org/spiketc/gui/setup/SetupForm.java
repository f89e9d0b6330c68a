package org.spiketc.gui.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.BenchSuite;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.frontend.ModelStatistics;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.compiler.passes.PipelineRegistry;
import org.spiketc.data.FashionMnist;
import org.spiketc.gui.BackgroundTask;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.Settings;
import org.spiketc.hw.Figure;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.hw.SystemLayout;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.result.RunSpec;

/**
 * The Setup form's state: what to compile and run (a preset or a config and weights file, a hardware
 * profile and system size, the optimization level and the passes' parameters, the data and sample count,
 * the benchmark), kept within their ranges, remembered between starts, and described (the model's counts,
 * the hardware's figures with their sources). {@link #spec()} fixes the choices for a run; submitting runs is
 * {@link RunSubmission}'s.
 */
public final class SetupForm {
    /** The benchmark choice that runs every category. */
    public static final String ALL_BENCHMARKS = "all categories";

    private final BackgroundTasks tasks;
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
    private final ReadOnlyStringWrapper modelInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hardwareInfo = new ReadOnlyStringWrapper("");
    private final ObservableList<FigureRow> hardwareFigures = FXCollections.observableArrayList();
    /** The model description being read; a newer choice cancels it. */
    private BackgroundTask<String> describing;

    /** With the last choices read from, and remembered in, {@code settings}; the model is described in the background. */
    public SetupForm(BackgroundTasks tasks, Settings settings) {
        this.tasks = tasks;
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
        List<Integer> sizes = new ArrayList<>(List.of(0));
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
        List<String> ids = new ArrayList<>(List.of(ALL_BENCHMARKS));
        BenchSuite.ALL.forEach(b -> ids.add(b.id()));
        return ids;
    }

    /** Whether the Debian package's full test set is installed (else the shipped subset is the only choice). */
    public boolean fullTestSetAvailable() {
        return Files.isDirectory(FashionMnist.DEBIAN);
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
    public ObservableList<FigureRow> hardwareFigures() {
        return hardwareFigures;
    }

    /** The form's choices as a run specification, fixed now. */
    public RunSpec spec() {
        Double sparsity = sparsityPercent.get() > 0 ? sparsityPercent.get() / 100.0 : null;
        PipelineOptions o = PipelineOptions.builder().level(level.get()).bits(bits.get()).sparsity(sparsity)
                .timeSteps(timeSteps.get() > 0 ? timeSteps.get() : null).disabled(Set.copyOf(disabledPasses)).build();
        Path config = configFile.get();
        Path weights = weightsFile.get();
        RunSpec.ModelSource source = new RunSpec.ModelSource(config == null ? model.get() : null, config == null ? null : config.toString(),
                weights == null ? null : weights.toString(), 42, false);
        return inference(source, target.get(), chips.get() > 0 ? chips.get() : null, o, samples.get(), fullTestSet.get());
    }

    /**
     * An inference as the workbench runs one: on the emulator over {@code samples} images of the shipped subset
     * (or the Debian package's full test set), started over beyond the set's size, with one core left to the window.
     */
    static RunSpec inference(RunSpec.ModelSource model, String target, Integer chips, PipelineOptions o, int samples, boolean fullTestSet) {
        String dataset = fullTestSet && Files.isDirectory(FashionMnist.DEBIAN) ? "fmnist:" + FashionMnist.DEBIAN : "fmnist";
        return RunSpec.inference(model, target, chips, o, new RunSpec.DataSelection(dataset, Math.max(1, samples), true), RunSpec.Engine.EMULATOR)
                .withExecution(1, 0, Math.max(1, Runtime.getRuntime().availableProcessors() - 1), false, false);
    }

    private void describeModel() {
        String preset = model.get();
        Path file = configFile.get();
        if (describing != null) {
            describing.cancel(); // only the latest choice's description shows
        }
        describing = tasks.task("Cannot describe the model", cancel -> {
            try {
                ModelConfig c = file == null ? Presets.load(preset) : ModelConfigReader.read(file);
                // Random weights are lazy: building the graph for its shapes allocates no weights.
                ModelStatistics st = ModelStatistics.of(c, ModelFrontend.build(c, WeightSource.random(0).bind(c)), 0.1);
                return String.format(Locale.ROOT, "%s: %s, %dx%d input, T = %d; %.2f M parameters, %.2f M neurons, %.1f M synapses, "
                        + "%.3f G synaptic ops per step at firing rate 0.1 (Zhou et al. 2023, App. C.2)%s", c.name(), c.family().id(),
                        c.imageSize(), c.imageSize(), c.timeSteps(), st.params() / 1e6, st.neurons() / 1e6, st.synapses() / 1e6,
                        st.sopsPerStep() / 1e9, Presets.shippedWeights(c.name()).isPresent() ? "; trained weights shipped" : "");
            } catch (RuntimeException e) {
                return "cannot read the model: " + e.getMessage(); // the form says so where the choice is; no dialog
            }
        }).onSuccess(modelInfo::set).start();
    }

    private void describeHardware() {
        HardwareProfile p = HardwareProfiles.builtIn(target.get());
        SystemLayout sys = chips.get() > 0 ? p.system(chips.get()) : null;
        hardwareInfo.set(p.label() + "; system: " + (sys != null ? sys.name() + ", " + sys.chips() + " chip(s)" : "the smallest that fits")
                + ". " + p.description());
        List<FigureRow> rows = new ArrayList<>();
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
