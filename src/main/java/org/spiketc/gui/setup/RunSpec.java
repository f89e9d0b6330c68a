package org.spiketc.gui.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import org.spiketc.bench.BenchContext;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.SafetensorsReader;
import org.spiketc.model.weights.WeightSource;

/**
 * What one queued run compiles and runs, fixed when it is queued: later edits of the form do not reach
 * runs already in the queue. Files are read when the run starts, on the run thread.
 *
 * @param preset      preset name, used when {@code config} is null
 * @param config      a model config file, or null
 * @param weights     a safetensors file, or null for the preset's shipped weights (else seeded random ones)
 * @param chips       system size in chips, 0 for the smallest that fits
 * @param samples     test images for an inference
 * @param fullTestSet the Debian package's 10,000 test images instead of the shipped 2,000
 */
public record RunSpec(String preset, Path config, Path weights, String target, int chips, PipelineOptions options, int samples,
        boolean fullTestSet) {

    /** The model's name in run names: the preset, or the config file's name without extension. */
    public String model() {
        return config == null ? preset : config.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    public RunSpec withOptions(PipelineOptions o) {
        return new RunSpec(preset, config, weights, target, chips, o, samples, fullTestSet);
    }

    ModelConfig modelConfig() {
        return config == null ? Presets.load(preset) : ModelConfigReader.read(config);
    }

    CompileRequest request() {
        ModelConfig c = modelConfig();
        WeightSource w = weights != null ? WeightSource.checkpoint(SafetensorsReader.read(weights)) : BenchContext.weights(c);
        return new CompileRequest(c, w, HardwareProfiles.builtIn(target), chips > 0 ? chips : null, options, false);
    }

    /** The images of an inference; beyond the chosen set's size it starts over (and says so in its name). */
    LabelledImages data() {
        LabelledImages all = fullTestSet && Files.isDirectory(FashionMnist.DEBIAN) ? FashionMnist.testSet(FashionMnist.DEBIAN)
                : FashionMnist.subset();
        return all.repeated(Math.max(1, samples));
    }
}
