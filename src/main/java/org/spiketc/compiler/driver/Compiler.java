package org.spiketc.compiler.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryWriter;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.frontend.ModelStatistics;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.mapping.Mapper;
import org.spiketc.compiler.mapping.Mapping;
import org.spiketc.compiler.pass.JfrInstrument;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInstrument;
import org.spiketc.compiler.pass.PassManager;
import org.spiketc.compiler.pass.PassRecorder;
import org.spiketc.compiler.pass.Pipeline;
import org.spiketc.compiler.pass.TimingInstrument;
import org.spiketc.compiler.pass.VerifierInstrument;
import org.spiketc.compiler.passes.PipelineRegistry;

/**
 * The compiler's one entry point for the CLI, the benchmarks and the workbench: config and weights
 * to graph, passes, mapping and binary, with progress and cancellation throughout.
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles and writes the binary to {@code binaryOut} (pass a null-sink stream to only measure).
     *
     * @throws UserInputException for bad input or a model that does not fit
     */
    public static CompileResult compile(CompileRequest req, OutputStream binaryOut, Cancellation cancel,
            ProgressListener progress) throws IOException {
        return compile(req, binaryOut, cancel, progress, List.of());
    }

    /** As {@link #compile(CompileRequest, OutputStream, Cancellation, ProgressListener)}, with extra pass instruments. */
    public static CompileResult compile(CompileRequest req, OutputStream binaryOut, Cancellation cancel,
            ProgressListener progress, List<PassInstrument> extraInstruments) throws IOException {
        long t0 = System.nanoTime();
        Pipeline pipeline = PipelineRegistry.build(req.pipeline());
        req.pipeline().validate(req.target());
        progress.progress("frontend", 0.0);
        Graph g = ModelFrontend.build(req.model(), req.weights().bind(req.model()), cancel);
        ModelStatistics stats = ModelStatistics.of(req.model(), g, req.pipeline().firingRate());
        List<PaperTerm> paperTerms = PaperTerm.of(g);
        long t1 = System.nanoTime();

        TimingInstrument timing = new TimingInstrument();
        PassRecorder recorder = new PassRecorder();
        List<PassInstrument> instruments = new ArrayList<>(List.of(timing, recorder, new JfrInstrument()));
        instruments.addAll(extraInstruments);
        if (req.verifyEachPass()) {
            instruments.add(new VerifierInstrument());
        }
        PassContext ctx = new PassContext(req.target(), instruments, cancel,
                (stage, f) -> progress.progress(stage, 0.05 + 0.45 * Math.max(0, f)));
        Graph lowered = PassManager.run(pipeline, g, ctx);
        g = null; // let the unoptimized weights go before mapping
        long t2 = System.nanoTime();

        progress.progress("mapping", 0.5);
        Mapping mapping = Mapper.map(lowered, req.target(), req.chips(), req.pipeline().firingRate(),
                req.pipeline().level() >= 2, req.pipeline().spread(), cancel, (stage, f) -> progress.progress(stage, 0.5 + 0.4 * f));
        long t3 = System.nanoTime();

        progress.progress("codegen", 0.9);
        BinaryWriter.Result bin = BinaryWriter.write(lowered, mapping, paperTerms, binaryOut, cancel);
        long t4 = System.nanoTime();
        progress.progress("done", 1.0);
        var stages = new CompileResult.StageTimes(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0));
        return new CompileResult(req, stats, lowered, recorder.records(), timing.roots().get(0), mapping, bin, stages);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
