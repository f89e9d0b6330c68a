package org.spiketc.cli;

import java.nio.file.Path;
import org.spiketc.result.RunSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

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

    @Option(names = "--seed", defaultValue = "42", description = "Seed of random weights (default ${DEFAULT-VALUE}).")
    long seed;

    /** The model as a run specification names it; the run service reads the files. */
    RunSpec.ModelSource source() {
        return new RunSpec.ModelSource(choice.preset, choice.config == null ? null : choice.config.toString(),
                weights == null ? null : weights.toString(), seed, allowNonFinite);
    }
}
