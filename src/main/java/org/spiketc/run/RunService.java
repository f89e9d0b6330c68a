package org.spiketc.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.pass.PassInstrument;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.passes.ActivationRanges;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.SafetensorsReader;
import org.spiketc.model.weights.WeightSet;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.report.InferenceResults;
import org.spiketc.report.PeakMemory;
import org.spiketc.result.HostInfo;
import org.spiketc.result.RunSpec;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.sim.reference.ReferenceSimulator;

/**
 * Executes run specifications: the one way the command line, the workbench and the benchmarks compile a
 * model and run it over images. Headless; follows a run through {@link RunHooks} (progress, cancellation,
 * warnings, each inference as it finishes) and returns the typed result.
 */
public final class RunService {
    private static final String CALIBRATION_SET = "fmnist-train";

    /**
     * Reads and checks what the specification names (model, weights, hardware, images, calibration), so that
     * a mistake is reported before the run is recorded. Calibration runs the float model over its images here.
     */
    public PreparedRun prepare(RunSpec spec, RunHooks hooks) {
        HardwareProfile profile = spec.compiles() ? HardwareProfiles.resolve(spec.target()) : null;
        spec.validate(profile);
        ModelConfig config = spec.model().preset() != null ? Presets.load(spec.model().preset())
                : ModelConfigReader.read(Path.of(spec.model().config()));
        WeightSource weights = weights(spec.model(), hooks);
        LabelledImages data = spec.data() == null ? null : images(spec.data());
        if (data != null && (data.channels() != config.inChannels() || data.size() != config.imageSize())) {
            throw new UserInputException(String.format(Locale.ROOT, "%s has %dx%dx%d images, model %s expects %dx%dx%d", data.name(),
                    data.channels(), data.size(), data.size(), config.name(), config.inChannels(), config.imageSize(), config.imageSize()));
        }
        CompileRequest request = null;
        if (profile != null) {
            PipelineOptions p = spec.pipeline();
            if (spec.calibration() != null) {
                p = p.withRanges(calibrate(spec.calibration(), config, weights, hooks.cancel()));
            }
            request = new CompileRequest(config, weights, profile, spec.chips(), p, spec.verify());
        }
        return new PreparedRun(spec, config, weights, profile, data, request);
    }

    /** Compiles, writing the binary to {@code binary}; {@code extra} instruments watch the passes (an IR dump). */
    public CompileRun compile(PreparedRun run, OutputStream binary, List<PassInstrument> extra, RunHooks hooks) throws IOException {
        CompileResult r = Compiler.compile(run.request(), binary, hooks.cancel(), hooks.progress(), extra);
        PeakMemory.Reading peak = PeakMemory.read();
        return new CompileRun(run.spec(), r, peak, Instant.now());
    }

    /** The float reference simulator of the run's model and weights. */
    public ReferenceSimulator reference(PreparedRun run) {
        return new ReferenceSimulator(ModelFrontend.build(run.config(), run.weights().bind(run.config())));
    }

    /**
     * Runs the images on the spec's engines, compiling first unless {@code given} is a binary of this model.
     * A cancelled run returns what finished.
     */
    public InferenceRun infer(PreparedRun run, BinaryProgram given, RunHooks hooks) throws IOException {
        RunSpec spec = run.spec();
        if (given != null && !given.model().equals(run.model())) {
            throw new UserInputException("the binary was compiled from " + given.model() + ", not " + run.model());
        }
        List<InferenceEngine> engines = new ArrayList<>();
        if (spec.engine().reference()) {
            engines.add(reference(run));
        }
        ChipEmulator emulator = null;
        List<PassRecord> passes = null;
        if (spec.engine().emulator()) {
            BinaryProgram program = given;
            if (program == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ProgressListener p = hooks.progress();
                passes = Compiler.compile(run.request(), bytes, hooks.cancel(), (stage, f) -> p.progress("compiling " + stage, f)).passes();
                program = BinaryReader.load(bytes.toByteArray(), "compiled binary");
            }
            emulator = emulator(program, run.profile(), !spec.biasAlwaysOn());
            engines.add(emulator);
        }
        int workers = spec.threads() != null ? spec.threads() : Runtime.getRuntime().availableProcessors();
        LabelledImages data = run.data();
        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        for (InferenceEngine e : engines) {
            if (spec.warmup() > 0) {
                evaluate(e, data.first(Math.min(spec.warmup(), data.count())), workers, RunHooks.quiet().withCancel(hooks.cancel()));
            }
            outcomes.add(evaluate(e, data, workers, hooks));
            if (hooks.cancel().isRequested()) {
                break;
            }
        }
        InferenceResults.Run done = new InferenceResults.Run(spec, run.model(), run.weights().describe(), data, outcomes, emulator, passes);
        return new InferenceRun(done, InferenceResults.of(done, HostInfo.detect(), Instant.now()));
    }

    /**
     * The one inference loop: runs the images on an engine with {@code workers} threads, reporting each
     * finished inference to the hooks' sample listener under the engine's name. A cancelled run returns what
     * finished.
     */
    public Evaluation.Outcome evaluate(InferenceEngine engine, LabelledImages data, int workers, RunHooks hooks) {
        String id = engine.name();
        SampleListener s = hooks.samples();
        return Evaluation.run(engine, data, workers, hooks.cancel(), hooks.progress(), (i, r) -> s.sample(id, i, r, data.labels()[i]),
                hooks.retention());
    }

    /**
     * The chip emulator of a binary on its hardware.
     *
     * @param biasGated false to leave every bias on at every chip step ({@code --bias-always-on})
     */
    public ChipEmulator emulator(BinaryProgram program, HardwareProfile profile, boolean biasGated) {
        return new ChipEmulator(program, profile, biasGated);
    }

    /** The test name a run is recorded under when it starts; its result may refine it (a compile adds the system size). */
    public static String provisionalName(RunSpec spec, String model) {
        return spec.data() == null ? "compile_" + model + "_" + spec.target() : InferenceResults.testName(spec, model);
    }

    private static WeightSource weights(RunSpec.ModelSource m, RunHooks hooks) {
        if (m.weights() != null) {
            WeightSet w = SafetensorsReader.read(Path.of(m.weights()), m.allowNonFinite());
            for (String t : SafetensorsReader.nonFiniteTensors(w)) {
                hooks.warnings().accept("weights " + m.weights() + ": tensor " + t + " holds NaN or infinite values, loaded as given "
                        + "(non-finite weights allowed)");
            }
            return WeightSource.checkpoint(w);
        }
        if (m.preset() != null) {
            var shipped = Presets.shippedWeights(m.preset());
            if (shipped.isPresent()) {
                return WeightSource.checkpoint(shipped.get());
            }
        }
        return WeightSource.random(m.seed());
    }

    /** {@code fmnist} (the shipped subset) or {@code fmnist:DIR}, its first samples, or repeated up to them. */
    public static LabelledImages images(RunSpec.DataSelection d) {
        LabelledImages all;
        if (d.dataset().equals("fmnist")) {
            all = FashionMnist.subset();
        } else if (d.dataset().startsWith("fmnist:")) {
            all = FashionMnist.testSet(Path.of(d.dataset().substring("fmnist:".length())));
        } else {
            throw new UserInputException("unknown dataset '" + d.dataset() + "' (use fmnist or fmnist:DIR)");
        }
        if (d.samples() == null) {
            return all;
        }
        return d.repeat() ? all.repeated(d.samples()) : all.first(Math.min(d.samples(), all.count()));
    }

    /** Runs the float model over the calibration images and returns what each LIF layer saw. */
    private static ActivationRanges calibrate(RunSpec.Calibration c, ModelConfig config, WeightSource weights, Cancellation cancel) {
        if (!c.set().equals(CALIBRATION_SET) && !c.set().startsWith(CALIBRATION_SET + ":")) {
            throw new UserInputException("unknown calibration set '" + c.set() + "' (use fmnist-train or fmnist-train:DIR, "
                    + "training images distinct from the test images)");
        }
        Path dir = c.set().equals(CALIBRATION_SET) ? FashionMnist.DEBIAN : Path.of(c.set().substring(CALIBRATION_SET.length() + 1));
        LabelledImages images = FashionMnist.trainSet(dir).first(c.samples());
        ReferenceSimulator ref = new ReferenceSimulator(ModelFrontend.build(config, weights.bind(config)));
        return ref.calibrate(images.pixels(), "fashion-mnist train (first " + images.count() + ")", cancel);
    }
}
