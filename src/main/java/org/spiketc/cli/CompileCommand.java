package org.spiketc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.ir.IrPrinter;
import org.spiketc.compiler.pass.IrDumpInstrument;
import org.spiketc.compiler.pass.PassInstrument;
import org.spiketc.report.CompileReport;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;
import org.spiketc.run.CompileRun;
import org.spiketc.run.PreparedRun;
import org.spiketc.run.RunHooks;
import org.spiketc.run.RunService;
import org.spiketc.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stc compile}: model to mapped binary, with a report. */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compile a model for a (simulated) Loihi-class system and report passes, resources and warnings.")
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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
        RunService service = new RunService();
        var err = spec.commandLine().getErr();
        RunHooks hooks = RunHooks.quiet().withWarnings(w -> err.println("warning: " + w));
        PreparedRun prepared = service.prepare(compile.compileSpec(model), hooks);
        StoreOptions.Recording rec = store.begin(RunKind.COMPILE, RunService.provisionalName(prepared.spec(), prepared.model()),
                prepared.model(), prepared.profile().id(), prepared.spec().toJson().toString());
        try {
            return compile(service, prepared, hooks, rec);
        } finally {
            rec.failIfOpen();
        }
    }

    private int compile(RunService service, PreparedRun prepared, RunHooks hooks, StoreOptions.Recording rec) throws IOException {
        IrDumpInstrument dump = new IrDumpInstrument();
        List<PassInstrument> extra = "all".equals(dumpIr) ? List.of(dump) : List.of();
        CompileRun run;
        if (out != null) {
            // Write beside the target and move into place, so a failed compile never leaves a half-written binary.
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".stc-", ".nxe.part");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                run = service.compile(prepared, o, extra, hooks);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            run = service.compile(prepared, OutputStream.nullOutputStream(), extra, hooks);
        }
        CompileResult r = run.compile();
        var pw = spec.commandLine().getOut();
        pw.print(CompileReport.render(r, run.peak(), layers));
        if (out != null) {
            pw.println("\nwrote " + out);
        }
        ResultDocument doc = run.result().document();
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
