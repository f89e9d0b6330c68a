package org.spiketc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.result.RunSpec;
import org.spiketc.run.PreparedRun;
import org.spiketc.run.RunHooks;
import org.spiketc.run.RunService;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.sim.reference.ReferenceSimulator;

/**
 * What a benchmark runs with: scale, repetitions, threads, data, cancellation, and the workloads the
 * categories share (compile a preset, build an emulator, evaluate an engine).
 *
 * @param repeats   measured repetitions of each timed measurement
 * @param warmups   untimed repetitions before them
 * @param dataDir   the full Fashion-MNIST test set (full scale), or null for the shipped subset
 */
public record BenchContext(BenchScale scale, int repeats, int warmups, int threads, Path dataDir, Cancellation cancel,
        ProgressListener progress) {
    /** The shipped model every runtime benchmark measures: trained weights and a labelled test set ship with stc. */
    public static final String MODEL = "fmnist-spikformer-tiny";
    private static final RunService SERVICE = new RunService();

    public static BenchContext defaults(BenchScale scale) {
        Path debian = FashionMnist.DEBIAN;
        return new BenchContext(scale, scale == BenchScale.SMOKE ? 3 : 5, 1, Runtime.getRuntime().availableProcessors(),
                scale == BenchScale.FULL && Files.isDirectory(debian) ? debian : null, new Cancellation(), ProgressListener.NONE);
    }

    public boolean full() {
        return scale == BenchScale.FULL;
    }

    /** The labelled images: the first {@code smoke} of the shipped subset, or at full scale {@code full} of the test set. */
    public LabelledImages data(int smoke, int full) {
        LabelledImages all = full() && dataDir != null ? FashionMnist.testSet(dataDir) : FashionMnist.subset();
        return all.first(Math.min(all.count(), full() ? full : smoke));
    }

    /** A compile of a preset with its shipped weights (else seeded random ones), as stc compile would run it. */
    public static RunSpec spec(String model, String target, Integer chips, PipelineOptions options) {
        return RunSpec.compile(RunSpec.ModelSource.preset(model), target, chips, options);
    }

    /** Reads and checks what the spec names (model, weights, hardware): what a timed compile should not include. */
    public PreparedRun prepare(RunSpec spec) {
        return SERVICE.prepare(spec, hooks());
    }

    /** Compiles through the run service, keeping the binary in memory. */
    public Compiled compile(PreparedRun run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            return new Compiled(SERVICE.compile(run, bytes, List.of(), hooks()).compile(), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
    }

    public Compiled compile(RunSpec spec) {
        return compile(prepare(spec));
    }

    private RunHooks hooks() {
        return RunHooks.quiet().withCancel(cancel);
    }

    /** A compile and its binary. */
    public record Compiled(CompileResult result, byte[] binary) {
        /** The emulator of the binary, biases gated to their windows as stc run does by default. */
        public ChipEmulator emulator() {
            return SERVICE.emulator(BinaryReader.load(binary, "benchmark binary"), result.request().target(), true);
        }
    }

    /** The shipped model as the runtime benchmarks measure it unless they vary something: -O2 --bits 8 for loihi2. */
    public ChipEmulator emulator() {
        return emulator("loihi2", null, options(2, 8, null, null));
    }

    public ChipEmulator emulator(String target, Integer chips, PipelineOptions options) {
        return compile(spec(MODEL, target, chips, options)).emulator();
    }

    /** The float reference of the shipped model. */
    public ReferenceSimulator reference() {
        return SERVICE.reference(prepare(RunSpec.compile(RunSpec.ModelSource.preset(MODEL), "loihi2", null, PipelineOptions.builder().build())));
    }

    /** Runs the images on an engine through the run service's inference loop, with this context's threads. */
    public Evaluation.Outcome evaluate(InferenceEngine engine, LabelledImages data) {
        return SERVICE.evaluate(engine, data, threads, hooks());
    }

    public static PipelineOptions options(int level, int bits, Double sparsity, Integer timeSteps) {
        return PipelineOptions.builder().level(level).bits(bits).sparsity(sparsity).timeSteps(timeSteps).build();
    }
}
