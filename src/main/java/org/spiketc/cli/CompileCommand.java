package org.spiketc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
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
import org.spiketc.report.CompileJson;
import org.spiketc.report.CompileReport;
import org.spiketc.report.HostInfo;
import org.spiketc.report.PeakMemory;
import org.spiketc.report.ResultDocument;
import org.spiketc.store.RunKind;
import org.spiketc.store.RunStatus;
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

    @Mixin
    CompileOptions compile;

    @Option(names = "--out", paramLabel = "FILE.nxe", description = "Write the binary here.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as seed-format JSON.")
    Path json;

    @Option(names = "--dump-ir", arity = "0..1", fallbackValue = "final", paramLabel = "WHEN",
            description = "Print the IR: final (default), or all (before the pipeline and after every pass).")
    String dumpIr;

    @Option(names = "--layers", defaultValue = "15", description = "Layers to list in the report (default ${DEFAULT-VALUE}).")
    int layers;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        if (dumpIr != null && !dumpIr.equals("final") && !dumpIr.equals("all")) {
            throw new UserInputException("--dump-ir takes 'final' or 'all', got '" + dumpIr + "'");
        }
        CompileRequest req = compile.request(model, compile.profile());
        StoreOptions.Recording rec = store.begin(RunKind.COMPILE, "compile_" + req.model().name() + "_" + req.target().id(),
                req.model().name(), req.target().id(), configuration(req));
        try {
            return compile(req, rec);
        } finally {
            rec.failIfOpen();
        }
    }

    private static String configuration(CompileRequest req) {
        var c = Json.mapper().createObjectNode();
        c.put("target", req.target().id());
        c.put("chips", req.chips() == null ? null : String.valueOf(req.chips()));
        req.pipeline().describe(c);
        return c.toString();
    }

    private int compile(CompileRequest req, StoreOptions.Recording rec) throws IOException {
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
        ResultDocument doc = ResultDocument.of(CompileJson.of(r, peak, HostInfo.detect(), Instant.now()));
        if (json != null) {
            doc.write(json);
            pw.println("wrote " + json);
        }
        rec.finish(RunStatus.FINISHED, doc, pw);
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
