package org.spiketc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spiketc.common.Cancellation;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.ir.IrPrinter;
import org.spiketc.compiler.pass.IrDumpInstrument;
import org.spiketc.compiler.pass.PassInstrument;
import org.spiketc.compiler.passes.LowerAttention;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.report.CompileJson;
import org.spiketc.report.CompileReport;
import org.spiketc.report.HostInfo;
import org.spiketc.report.PeakMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stc compile}: model to mapped binary, with a report. */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compile a model for a (simulated) Loihi-class system and report passes, resources and warnings.")
final class CompileCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

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

    @Option(names = "--disable-pass", paramLabel = "ID", description = "Leave out an optional pass (repeatable).")
    List<String> disabled = List.of();

    @Option(names = "--out", paramLabel = "FILE.nxe", description = "Write the binary here.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as seed-format JSON.")
    Path json;

    @Option(names = "--dump-ir", arity = "0..1", fallbackValue = "final", paramLabel = "WHEN",
            description = "Print the IR: final (default), or all (before the pipeline and after every pass).")
    String dumpIr;

    @Option(names = "--layers", defaultValue = "15", description = "Layers to list in the report (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--verify-each-pass", negatable = true, defaultValue = "true",
            description = "Run the IR verifier after every pass (default on).")
    boolean verify;

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

    @Override
    public Integer call() throws IOException {
        ModelConfig config = model.config();
        WeightSource source = model.weights();
        HardwareProfile profile = HardwareProfiles.resolve(target);
        LowerAttention.Order order = null;
        if (attentionOrder != null) {
            try {
                order = LowerAttention.Order.parse(attentionOrder);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        if (dumpIr != null && !dumpIr.equals("final") && !dumpIr.equals("all")) {
            throw new UserInputException("--dump-ir takes 'final' or 'all', got '" + dumpIr + "'");
        }
        PipelineOptions opts = new PipelineOptions(level, bits, sparsity, timeSteps, order, firingRate, new HashSet<>(disabled));
        CompileRequest req = new CompileRequest(config, source, profile, systemChips(profile), opts, verify);
        IrDumpInstrument dump = new IrDumpInstrument();
        List<PassInstrument> extra = "all".equals(dumpIr) ? List.of(dump) : List.of();
        CompileResult r;
        if (out != null) {
            // Write beside the target and move into place, so a failed compile never leaves a half-written binary.
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".stc-", ".nxe.part");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                r = Compiler.compile(req, o, Cancellation.none(), (s, f) -> { }, extra);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            r = Compiler.compile(req, OutputStream.nullOutputStream(), Cancellation.none(), (s, f) -> { }, extra);
        }
        PeakMemory.Reading peak = PeakMemory.read();
        var pw = spec.commandLine().getOut();
        pw.print(CompileReport.render(r, peak, layers));
        if (out != null) {
            pw.println("\nwrote " + out);
        }
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), CompileJson.of(r, peak, HostInfo.detect(), Instant.now()));
            pw.println("wrote " + json);
        }
        if ("final".equals(dumpIr)) {
            pw.println();
            pw.print(IrPrinter.print(r.graph()));
        } else if ("all".equals(dumpIr)) {
            for (Map.Entry<String, String> e : dump.ordered()) {
                pw.println("\n// IR " + e.getKey());
                pw.print(e.getValue());
            }
        }
        return ExitCodes.OK;
    }
}
