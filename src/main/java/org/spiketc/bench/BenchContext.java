package org.spiketc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
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

    public static WeightSource weights(ModelConfig c) {
        return Presets.shippedWeights(c.name()).map(WeightSource::checkpoint).orElse(WeightSource.random(42));
    }

    public static CompileRequest request(String model, String target, Integer chips, PipelineOptions options) {
        ModelConfig c = Presets.load(model);
        return new CompileRequest(c, weights(c), HardwareProfiles.builtIn(target), chips, options, false);
    }

    /** Compiles, keeping the binary in memory. */
    public Compiled compile(CompileRequest req) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CompileResult r = Compiler.compile(req, bytes, cancel, ProgressListener.NONE);
            return new Compiled(r, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
    }

    /** A compile and its binary. */
    public record Compiled(CompileResult result, byte[] binary) {
        public ChipEmulator emulator() {
            HardwareProfile p = result.request().target();
            return new ChipEmulator(BinaryReader.load(binary, "benchmark binary"), p);
        }
    }

    /** The shipped model as the runtime benchmarks measure it unless they vary something: -O2 --bits 8 for loihi2. */
    public ChipEmulator emulator() {
        return emulator("loihi2", null, options(2, 8, null, null));
    }

    public ChipEmulator emulator(String target, Integer chips, PipelineOptions options) {
        return compile(request(MODEL, target, chips, options)).emulator();
    }

    public static ReferenceSimulator reference() {
        ModelConfig c = Presets.load(MODEL);
        return new ReferenceSimulator(ModelFrontend.build(c, weights(c).bind(c)));
    }

    public Evaluation.Outcome evaluate(InferenceEngine engine, LabelledImages data) {
        return Evaluation.run(engine, data, threads, cancel, ProgressListener.NONE);
    }

    public static PipelineOptions options(int level, int bits, Double sparsity, Integer timeSteps) {
        return PipelineOptions.builder().level(level).bits(bits).sparsity(sparsity).timeSteps(timeSteps).build();
    }
}
