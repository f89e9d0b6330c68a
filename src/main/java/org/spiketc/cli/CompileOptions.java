package org.spiketc.cli;

import java.util.HashSet;
import java.util.List;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.passes.LowerAttention;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.result.RunSpec;
import picocli.CommandLine.Option;

/** The compiler options {@code compile} and {@code run} share. */
final class CompileOptions {
    @Option(names = "--target", paramLabel = "PROFILE", defaultValue = "loihi2",
            description = "Hardware profile id or .json file (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--chips", paramLabel = "N|NAME",
            description = "System size or named layout (e.g. 2, kapoho-point); without it, the smallest system that fits.")
    String chips;

    @Option(names = "-O", paramLabel = "LEVEL", defaultValue = "2", description = "Pipeline -O0..-O3 (default -O${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--bits", defaultValue = "8", description = "Weight mantissa bits, 2..8 (default ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--sparsity", paramLabel = "S", description = "Magnitude-prune to this fraction of zero weights (adds prune-weights).")
    Double sparsity;

    @Option(names = "--time-steps", paramLabel = "T", description = "Present the input for T steps (adds reduce-time-steps).")
    Integer timeSteps;

    @Option(names = "--attention-order", paramLabel = "ORDER",
            description = "SSA product order: auto, as-written, qk-first, kv-first (default: auto at -O2+).")
    String attentionOrder;

    @Option(names = "--firing-rate", defaultValue = "0.1",
            description = "Firing rate assumed for traffic and cost estimates (default ${DEFAULT-VALUE}).")
    double firingRate;

    @Option(names = "--spread", description = "Map over every chip of the system (--chips) in equal shares instead of "
            + "filling chips in turn: for multi-chip studies.")
    boolean spread;

    @Option(names = "--disable-pass", paramLabel = "ID", description = "Leave out an optional pass (repeatable).")
    List<String> disabled = List.of();

    @Option(names = "--calibration", paramLabel = "fmnist-train[:DIR]",
            description = "Size each layer's weight exponent for the input currents these images produce (the first "
                    + "--calibration-samples of the Fashion-MNIST training set, from Debian's dataset-fashion-mnist or DIR) "
                    + "instead of the worst case the weights allow.")
    String calibration;

    @Option(names = "--calibration-samples", paramLabel = "N", defaultValue = "256",
            description = "Calibration images to run (default ${DEFAULT-VALUE}).")
    int calibrationSamples;

    @Option(names = "--verify-each-pass", negatable = true, defaultValue = "true",
            description = "Run the IR verifier after every pass (default on).")
    boolean verify;

    HardwareProfile profile() {
        return HardwareProfiles.resolve(target);
    }

    /** A compile of the model these options and {@code model} name. */
    RunSpec compileSpec(ModelOptions model) {
        return withCalibration(RunSpec.compile(model.source(), target, systemChips(profile()), pipeline()))
                .withExecution(1, 0, null, false, verify);
    }

    /** An inference over {@code data} on {@code engine} ({@code --chips} and the profile matter only on a chip). */
    RunSpec inferenceSpec(ModelOptions model, RunSpec.DataSelection data, RunSpec.Engine engine) {
        Integer system = engine.emulator() ? systemChips(profile()) : null;
        return withCalibration(RunSpec.inference(model.source(), target, system, pipeline(), data, engine));
    }

    private RunSpec withCalibration(RunSpec s) {
        return calibration == null ? s : s.withCalibration(new RunSpec.Calibration(calibration, calibrationSamples));
    }

    PipelineOptions pipeline() {
        LowerAttention.Order order = null;
        if (attentionOrder != null) {
            try {
                order = LowerAttention.Order.parse(attentionOrder);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        return PipelineOptions.builder().level(level).bits(bits).sparsity(sparsity).timeSteps(timeSteps).attentionOrder(order)
                .firingRate(firingRate).disabled(new HashSet<>(disabled)).spread(spread).build();
    }


    /** --chips as a number, or the chip count of the profile's layout with that name. */
    private Integer systemChips(HardwareProfile profile) {
        if (chips == null) {
            return null;
        }
        if (chips.matches("\\d{1,9}")) {
            return Integer.valueOf(chips);
        }
        for (var s : profile.systems()) {
            if (s.name().equals(chips)) {
                return s.chips();
            }
        }
        throw new UserInputException(profile.id() + " has no system named '" + chips + "' (available: "
                + String.join(", ", profile.systems().stream().map(s -> s.name() + " (" + s.chips() + ")").toList()) + ")");
    }
}
