package org.spiketc.gui.setup;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import org.spiketc.bench.BenchContext;
import org.spiketc.bench.BenchOutcome;
import org.spiketc.bench.BenchRunner;
import org.spiketc.bench.BenchScale;
import org.spiketc.bench.Benchmark;
import org.spiketc.common.Cancellation;
import org.spiketc.common.Json;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.data.LabelledImages;
import org.spiketc.report.CompileJson;
import org.spiketc.report.CoreMap;
import org.spiketc.report.HostInfo;
import org.spiketc.report.InferenceLayers;
import org.spiketc.report.PeakMemory;
import org.spiketc.report.RegisterOverflow;
import org.spiketc.report.ResultDocument;
import org.spiketc.report.Version;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.SeriesWriter;
import org.spiketc.store.StoredRun;

/**
 * The engine work behind each kind of workbench run, on the run thread: compile, run inference, run a
 * benchmark, and store the result under the run's id, as the command line stores its runs. Each returns
 * the one line the status bar shows.
 */
final class RunWork {
    private final RunRepository runs;

    RunWork(RunRepository runs) {
        this.runs = runs;
    }

    String compile(RunSpec s, long id, Cancellation cancel, ProgressListener progress) throws Exception {
        CompileResult r = Compiler.compile(s.request(), OutputStream.nullOutputStream(), cancel, progress);
        ResultDocument doc = ResultDocument.of(CompileJson.of(r, PeakMemory.read(), HostInfo.detect(), Instant.now()));
        runs.finish(id, RunStatus.FINISHED, doc);
        return String.format(Locale.ROOT, "compiled %s for %s: %,d cores on %d chip(s), %.0f ms", s.model(), s.target(),
                r.mapping().report().coresUsed(), r.mapping().report().systemChips(), r.stages().totalMs());
    }

    /**
     * Compiles, then runs the binary on the emulator over the images, storing each inference's energy and
     * latency as series as it finishes and the result (metrics with samples, layers, the core map) at the end.
     */
    String infer(RunSpec s, LabelledImages data, long id, Cancellation cancel, ProgressListener progress, Evaluation.ResultListener live)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompileRequest req = s.request();
        CompileResult compiled = Compiler.compile(req, bytes, cancel,
                (stage, f) -> progress.progress("compiling " + stage, f < 0 ? -1 : f * 0.1));
        ChipEmulator emu = new ChipEmulator(BinaryReader.load(bytes.toByteArray(), "compiled binary"), req.target());
        // One core stays with the window (its pulses and chart drawing); the detail of each inference goes
        // into the outcome's totals as it finishes, so a long run's memory stays flat. Each inference's
        // energy and latency are stored as it finishes: a crash loses only what had not finished.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        Evaluation.Outcome o;
        try (SeriesWriter energy = new SeriesWriter(runs, id, "energy_per_inference_mj");
                SeriesWriter latency = new SeriesWriter(runs, id, "inference_latency_ms")) {
            Object lock = new Object();
            Evaluation.ResultListener storeAndShow = (i, r) -> {
                synchronized (lock) {
                    energy.add(i, r.deviceEnergyMj());
                    latency.add(i, r.latencyMs());
                }
                live.result(i, r);
            };
            o = Evaluation.run(emu, data, threads, cancel, (stage, f) -> progress.progress("emulating", 0.1 + 0.9 * f), storeAndShow,
                    Evaluation.Retention.SUMMARY);
        }
        var doc = Json.mapper().createObjectNode();
        doc.put("test_name", runs.find(id).map(StoredRun::testName).orElse("inference_" + s.model() + "_emulator_" + s.target()));
        doc.put("timestamp", Instant.now().toString());
        doc.put("schema_version", ResultDocument.SCHEMA_VERSION);
        doc.putObject("metrics").put("accuracy", o.accuracy()).put("samples", o.finished())
                .put("energy_per_inference_mj", o.mean(InferenceResult::deviceEnergyMj))
                .put("inference_latency_ms", o.mean(InferenceResult::latencyMs))
                .put("spikes_per_inference", o.mean(InferenceResult::spikes))
                .put("weight_bits", s.options().bits());
        ResultDocument.putSamples(doc, "energy_per_inference_mj", o.perInference(InferenceResult::deviceEnergyMj));
        ResultDocument.putSamples(doc, "inference_latency_ms", o.perInference(InferenceResult::latencyMs));
        doc.putObject("environment").put("hardware", emu.profile().label()).put("software_version", Version.get())
                .put("source_commit", Version.commit()).put("model", s.model()).put("dataset", data.name())
                .put("optimization_level", "O" + s.options().level());
        InferenceLayers.add(doc.putArray("layers"), o, emu.profile(), compiled.passes());
        doc.set("core_map", CoreMap.emulated(emu.program(), emu.profile(), o.coreMeans()));
        runs.finish(id, o.complete() ? RunStatus.FINISHED : RunStatus.CANCELLED, ResultDocument.of(doc));
        String overflow = RegisterOverflow.warning(RegisterOverflow.of(o));
        return String.format(Locale.ROOT, "%s on %s, %d-bit: accuracy %.2f %% over %,d images, %.3f mJ and %.3f ms per inference "
                + "(simulated)%s%s", s.model(), s.target(), s.options().bits(), 100 * o.accuracy(), o.finished(),
                o.mean(InferenceResult::deviceEnergyMj), o.mean(InferenceResult::latencyMs), o.complete() ? "" : "; cancelled, kept",
                overflow == null ? "" : "; warning: " + overflow);
    }

    /** One benchmark category at smoke scale, stored like {@code stc bench} stores it. */
    String benchmark(Benchmark b, long id, Cancellation cancel, ProgressListener progress) {
        BenchContext d = BenchContext.defaults(BenchScale.SMOKE);
        BenchContext ctx = new BenchContext(d.scale(), d.repeats(), d.warmups(), d.threads(), d.dataDir(), cancel, progress);
        progress.progress(b.id(), -1);
        BenchOutcome o = new BenchRunner(ctx).runOne(b);
        runs.finish(id, switch (o.status()) {
            case PASSED, SKIPPED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        }, o.result());
        return String.format(Locale.ROOT, "benchmark %s: %s in %.1f s%s", b.id(), o.status().name().toLowerCase(Locale.ROOT),
                o.seconds(), o.reason() != null ? " (" + o.reason() + ")" : "");
    }
}
