package org.spiketc.cli;

import java.nio.file.Path;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.SafetensorsReader;
import org.spiketc.model.weights.WeightSet;
import org.spiketc.model.weights.WeightSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The model options {@code compile} and {@code run} share: which architecture, which weights. */
final class ModelOptions {
    static final class Choice {
        @Option(names = "--model", paramLabel = "NAME", required = true, description = "A preset (see 'stc models').")
        String preset;

        @Option(names = "--config", paramLabel = "FILE", required = true, description = "An architecture config JSON.")
        Path config;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    @Option(names = "--weights", paramLabel = "FILE", description = "Safetensors weights (official Spikformer key names). "
            + "Without it: the preset's trained weights if it ships some, else seeded random weights.")
    Path weights;

    @Option(names = "--allow-nonfinite", description = "Load --weights even where tensors hold NaN or infinite values "
            + "(rejected by default); each such tensor is named in a warning.")
    boolean allowNonFinite;

    private WeightSource loaded;

    /** The command this mixin belongs to: warnings go to its error stream. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of random weights (default ${DEFAULT-VALUE}).")
    long seed;

    ModelConfig config() {
        return choice.preset != null ? Presets.load(choice.preset) : ModelConfigReader.read(choice.config);
    }

    /** User weights, else the preset's shipped weights, else seeded random; a file is read (and warned about) once. */
    WeightSource weights() {
        if (weights != null) {
            if (loaded == null) {
                WeightSet w = SafetensorsReader.read(weights, allowNonFinite);
                for (String t : SafetensorsReader.nonFiniteTensors(w)) {
                    mixee.commandLine().getErr().println("warning: weights " + weights + ": tensor " + t
                            + " holds NaN or infinite values, loaded as given (--allow-nonfinite)");
                }
                loaded = WeightSource.checkpoint(w);
            }
            return loaded;
        }
        if (choice.preset != null) {
            var shipped = Presets.shippedWeights(choice.preset);
            if (shipped.isPresent()) {
                return WeightSource.checkpoint(shipped.get());
            }
        }
        return WeightSource.random(seed);
    }
}
