package org.spiketc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.common.Cancellation;
import org.spiketc.common.Json;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.passes.QuantizeWeights;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.report.CoreMap;
import org.spiketc.report.HostInfo;
import org.spiketc.report.InferenceLayers;
import org.spiketc.report.RegisterOverflow;
import org.spiketc.report.ResultDocument;
import org.spiketc.report.Version;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.sim.reference.ReferenceSimulator;
import org.spiketc.store.RunKind;
import org.spiketc.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stc run}: inference over a labelled set on the float reference, the chip emulator, or both. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a model over a labelled data set on the float reference simulator and/or the chip emulator "
                + "(simulated hardware) and report accuracy, fidelity, energy, latency and throughput.")
final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    CompileOptions compile;

    @Option(names = "--binary", paramLabel = "FILE.nxe", description = "Run this compiled binary on the emulator instead of compiling.")
    Path binary;

    @Option(names = "--engine", defaultValue = "both", description = "reference, emulator or both (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--dataset", defaultValue = "fmnist", paramLabel = "fmnist[:DIR]",
            description = "fmnist: the 2,000-image test subset shipped with stc; fmnist:DIR: the full test set from DIR "
                    + "(e.g. fmnist:/usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
    String dataset;

    @Option(names = "--samples", paramLabel = "N", description = "Use only the first N samples.")
    Integer samples;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "B",
            description = "Samples streamed back to back through the layer pipeline, for the modelled throughput (default 1).")
    int batch;

    @Option(names = "--threads", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
            description = "Run N samples untimed first, so host timings leave out JIT warm-up (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results in the seed's JSON shape.")
    Path json;

    @Option(names = "--bias-always-on", description = "Leave every population's bias on at every chip step instead of only "
            + "during its T-step window: shows the spikes a chip configured once fills and drains its pipeline with.")
    boolean biasAlwaysOn;

    /** The compilation's pass records (null when a binary was given). */
    private List<PassRecord> compilePasses;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        if (!List.of("reference", "emulator", "both").contains(engine)) {
            throw new UserInputException("unknown engine '" + engine + "' (reference, emulator or both)");
        }
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1");
        }
        if (warmup < 0) {
            throw new UserInputException("--warmup must not be negative");
        }
        ModelConfig config = model.config();
        var weights = model.weights();
        LabelledImages data = loadDataset();
        if (data.channels() != config.inChannels() || data.size() != config.imageSize()) {
            throw new UserInputException(String.format(Locale.ROOT, "%s has %dx%dx%d images, model %s expects %dx%dx%d",
                    data.name(), data.channels(), data.size(), data.size(), config.name(), config.inChannels(),
                    config.imageSize(), config.imageSize()));
        }
        if (samples != null) {
            if (samples < 1) {
                throw new UserInputException("--samples must be at least 1");
            }
            data = data.first(samples);
        }
        // What the user gave is checked before the run is recorded (a binary of another model, bad options);
        // the run is recorded before anything slow (building the reference, compiling), so a process killed
        // at any moment after it leaves the run visible, as interrupted, at the next start.
        HardwareProfile target = engine.equals("reference") ? null : compile.profile();
        BinaryProgram given = null;
        CompileRequest request = null;
        if (target != null && binary != null) {
            given = BinaryReader.load(binary);
            if (!given.model().equals(config.name())) {
                throw new UserInputException("binary " + binary + " was compiled from " + given.model() + ", not " + config.name());
            }
        } else if (target != null) {
            request = compile.request(model, target);
        }
        StoreOptions.Recording rec = store.begin(RunKind.INFERENCE, "inference_" + config.name() + "_" + engine, config.name(),
                target != null ? target.id() : "host", configuration(data));
        try {
            return evaluate(config, weights, data, target, given, request, rec);
        } finally {
            rec.failIfOpen();
        }
    }

    private int evaluate(ModelConfig config, WeightSource weights, LabelledImages data, HardwareProfile target,
            BinaryProgram given, CompileRequest request, StoreOptions.Recording rec) throws IOException {
        List<InferenceEngine> engines = new ArrayList<>();
        if (!engine.equals("emulator")) {
            engines.add(new ReferenceSimulator(ModelFrontend.build(config, weights.bind(config))));
        }
        ChipEmulator emulator = null;
        if (target != null) {
            HardwareProfile profile = target;
            BinaryProgram program = given;
            if (program == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                compilePasses = Compiler.compile(request, bytes, Cancellation.none(), ProgressListener.NONE).passes();
                program = BinaryReader.load(bytes.toByteArray(), "compiled binary");
            }
            emulator = new ChipEmulator(program, profile, !biasAlwaysOn);
            engines.add(emulator);
        }
        Cancellation cancel = new Cancellation();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                written.await(10, TimeUnit.SECONDS); // let the partial results reach the disk
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        try {
            for (InferenceEngine e : engines) {
                if (warmup > 0) {
                    Evaluation.run(e, data.first(Math.min(warmup, data.count())), workers, cancel, ProgressListener.NONE);
                }
                long[] last = {0};
                outcomes.add(Evaluation.run(e, data, workers, cancel, (stage, f) -> {
                    long now = System.nanoTime();
                    if (now - last[0] > 2_000_000_000L || f >= 1) {
                        last[0] = now;
                        err.printf(Locale.ROOT, "\r%-10s %5.1f%%", stage, 100 * f);
                        err.flush();
                    }
                }));
                err.println();
                if (cancel.isRequested()) {
                    break;
                }
            }
            print(out, config, weights.describe(), data, outcomes, emulator);
            ResultDocument doc = ResultDocument.of(toJson(config, weights.describe(), data, outcomes, emulator));
            if (json != null) {
                doc.write(json);
                out.println("wrote " + json);
            }
            boolean complete = outcomes.stream().allMatch(Evaluation.Outcome::complete);
            if (rec.active()) {
                recordSeries(rec, outcomes.get(outcomes.size() - 1), data);
            }
            rec.finish(complete ? RunStatus.FINISHED : RunStatus.CANCELLED, doc, out);
        } finally {
            rec.failIfOpen();
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting on Ctrl-C; the hook is already running
            }
        }
        return outcomes.stream().allMatch(Evaluation.Outcome::complete) ? ExitCodes.OK : ExitCodes.CANCELLED;
    }

    private String configuration(LabelledImages data) {
        var c = Json.mapper().createObjectNode();
        c.put("engine", engine);
        c.put("dataset", data.name());
        c.put("samples", data.count());
        c.put("batch", batch);
        if (!engine.equals("reference")) {
            c.put("target", compile.profile().id());
            compile.pipeline().describe(c);
            if (biasAlwaysOn) {
                c.put("bias_always_on", true);
            }
        }
        return c.toString();
    }

    /** Per inference, in sample order: the series the workbench charts (energy, latency, running accuracy). */
    private static void recordSeries(StoreOptions.Recording rec, Evaluation.Outcome o, LabelledImages data) {
        int n = o.finished();
        double[] x = new double[n];
        double[] energy = new double[n];
        double[] latency = new double[n];
        double[] accuracy = new double[n];
        int right = 0;
        int k = 0;
        for (int i = 0; i < o.results().length && k < n; i++) {
            InferenceResult r = o.results()[i];
            if (r == null) {
                continue;
            }
            right += r.predicted() == data.labels()[i] ? 1 : 0;
            x[k] = i;
            energy[k] = r.deviceEnergyMj();
            latency[k] = r.latencyMs();
            accuracy[k] = right / (double) (k + 1);
            k++;
        }
        if (o.engine().equals("emulator")) {
            rec.repository().appendSeries(rec.id(), "energy_per_inference_mj", x, energy);
            rec.repository().appendSeries(rec.id(), "inference_latency_ms", x, latency);
        }
        rec.repository().appendSeries(rec.id(), "accuracy_running", x, accuracy);
    }

    private LabelledImages loadDataset() {
        if (dataset.equals("fmnist")) {
            return FashionMnist.subset();
        }
        if (dataset.startsWith("fmnist:")) {
            return FashionMnist.testSet(Path.of(dataset.substring("fmnist:".length())));
        }
        throw new UserInputException("unknown dataset '" + dataset + "' (use fmnist or fmnist:DIR)");
    }

    /** Modelled inferences per second with {@code batch} samples streamed through the layer pipeline. */
    private double modelledThroughput(ChipEmulator emu, Evaluation.Outcome o) {
        return emu.energyModel().pipelinedThroughput(o.mean(InferenceResult::latencyMs), batch);
    }

    private void print(PrintWriter out, ModelConfig c, String weights, LabelledImages data, List<Evaluation.Outcome> os,
            ChipEmulator emu) {
        out.printf(Locale.ROOT, "Model     %s, weights %s%n", c.name(), weights);
        out.printf(Locale.ROOT, "Data      %s: %d samples%n", data.name(), data.count());
        for (Evaluation.Outcome o : os) {
            int n = o.finished();
            double ops = o.mean(InferenceResult::synapticOps);
            out.printf(Locale.ROOT, "%n%s%s (%d threads, %d of %d samples%s)%n", o.engine(),
                    o.engine().equals("emulator") ? " - " + emu.profile().label() + ", " + emu.program().system() : "",
                    o.threads(), n, data.count(), o.complete() ? "" : ", cancelled");
            ProportionInterval ci = ProportionInterval.wilson95(o.correct(), n);
            out.printf(Locale.ROOT, "  top-1 accuracy           %.2f %% (95 %% interval %s, Wilson, %,d images)%n", 100 * o.accuracy(),
                    ci.percentRange(), n);
            out.printf(Locale.ROOT, "  spikes / inference       %,.0f%n", o.mean(InferenceResult::spikes));
            out.printf(Locale.ROOT, "  synaptic ops / inference %,.0f (events times fan-out, as this engine performs them)%n", ops);
            out.printf(Locale.ROOT, "  energy, paper formula    %.6f mJ: %,.0f SOPs + %,.0f analog MACs [%s]%n",
                    o.mean(InferenceResult::paperEnergyMj), o.mean(r -> r.paper().sops()), o.mean(r -> r.paper().macs()),
                    PaperEnergy.SOURCE);
            if (o.engine().equals("emulator")) {
                out.printf(Locale.ROOT, "  energy on the chip       %.6f mJ per inference (simulated)%n", o.mean(InferenceResult::deviceEnergyMj));
                for (Map.Entry<String, Double> e : breakdown(o).entrySet()) {
                    out.printf(Locale.ROOT, "    %-24s %.6f mJ%n", e.getKey(), e.getValue());
                }
                out.printf(Locale.ROOT, "  latency                  %.4f ms per inference (simulated)%n", o.mean(InferenceResult::latencyMs));
                out.printf(Locale.ROOT, "  traffic                  %,.0f messages, %,.0f hops, %,.0f chip crossings, %.0f barrier syncs per inference%n",
                        o.mean(r -> r.traffic().messages()), o.mean(r -> r.traffic().hops()), o.mean(r -> r.traffic().chipCrossings()),
                        o.mean(r -> r.traffic().barrierSyncs()));
                out.printf(Locale.ROOT, "  throughput               %,.0f inferences/s at batch %d (simulated, pipelined)%n",
                        modelledThroughput(emu, o), batch);
                List<RegisterOverflow> overflow = RegisterOverflow.of(o);
                double wraps = overflow.stream().mapToDouble(RegisterOverflow::currentWraps).sum();
                double clips = overflow.stream().mapToDouble(RegisterOverflow::voltageClips).sum();
                out.printf(Locale.ROOT, "  register overflow        %.3g u wrap-arounds, %.3g v saturations per inference (%,d and %,d "
                        + "neuron-steps in all)%n", wraps, clips, Math.round(wraps * n), Math.round(clips * n));
                String warning = RegisterOverflow.warning(overflow);
                if (warning != null) {
                    out.println("  warning: " + warning);
                }
            }
            out.printf(Locale.ROOT, "  host                     %.3f ms per inference per thread, %,.0f inferences/s, %,.0f synaptic events/s%n",
                    hostMs(o), n / (o.hostNanos() / 1e9), ops * n / (o.hostNanos() / 1e9));
        }
        if (os.size() == 2) {
            out.printf(Locale.ROOT, "%nfidelity (emulator class = reference class): %.2f %%%n", 100 * Evaluation.Outcome.fidelity(os.get(1), os.get(0)));
        }
    }

    private static double hostMs(Evaluation.Outcome o) {
        return o.hostNanos() / 1e6 / Math.max(1, o.finished()) * o.threads();
    }

    private static Map<String, Double> breakdown(Evaluation.Outcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        int n = 0;
        for (InferenceResult r : o.results()) {
            if (r != null) {
                n++;
                r.energyBreakdownMj().forEach((k, v) -> m.merge(k, v, Double::sum));
            }
        }
        int count = Math.max(1, n);
        m.replaceAll((k, v) -> v / count);
        return m;
    }

    private ObjectNode toJson(ModelConfig c, String weights, LabelledImages data, List<Evaluation.Outcome> os, ChipEmulator emu) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("test_name", "inference_" + c.name() + "_" + engine + (emu != null ? "_" + emu.profile().id() : ""));
        root.put("timestamp", Instant.now().toString());
        root.put("schema_version", 1);
        ObjectNode m = root.putObject("metrics");
        Evaluation.Outcome main = os.get(os.size() - 1);
        m.put("accuracy", main.accuracy());
        ProportionInterval ci = ProportionInterval.wilson95(main.correct(), main.finished());
        m.put("accuracy_ci95_low", ci.low());
        m.put("accuracy_ci95_high", ci.high());
        if (os.size() == 2) {
            m.put("accuracy_reference", os.get(0).accuracy());
            m.put("accuracy_emulator", os.get(1).accuracy());
            m.put("fidelity", Evaluation.Outcome.fidelity(os.get(1), os.get(0)));
        }
        m.put("samples", main.finished());
        m.put("spikes_per_inference", main.mean(InferenceResult::spikes));
        m.put("synaptic_ops_per_inference", main.mean(InferenceResult::synapticOps));
        m.put("energy_per_inference_mj_paper_formula", main.mean(InferenceResult::paperEnergyMj));
        m.put("sops_per_inference_paper_formula", main.mean(r -> r.paper().sops()));
        m.put("analog_macs_per_inference_paper_formula", main.mean(r -> r.paper().macs()));
        if (emu != null) {
            Evaluation.Outcome e = os.get(os.size() - 1);
            m.put("energy_per_inference_mj", e.mean(InferenceResult::deviceEnergyMj));
            m.put("inference_latency_ms", e.mean(InferenceResult::latencyMs));
            m.put("throughput_images_per_s", modelledThroughput(emu, e));
            m.put("messages_per_inference", e.mean(r -> r.traffic().messages()));
            m.put("hops_per_inference", e.mean(r -> r.traffic().hops()));
            m.put("chip_crossings_per_inference", e.mean(r -> r.traffic().chipCrossings()));
            m.put("barrier_syncs_per_inference", e.mean(r -> r.traffic().barrierSyncs()));
            m.put("batch", batch);
        }
        m.put("host_time_per_inference_ms", hostMs(main));
        m.put("host_throughput_images_per_s", main.finished() / (main.hostNanos() / 1e9));
        m.put("sim_events_per_s", main.mean(InferenceResult::synapticOps) * main.finished() / (main.hostNanos() / 1e9));
        ObjectNode env = root.putObject("environment");
        env.put("hardware", emu != null ? emu.profile().label() + " " + emu.program().system() : "host CPU (float reference simulator)");
        env.put("software_version", Version.get());
        env.put("source_commit", Version.commit());
        env.put("model", c.name());
        env.put("weights", weights);
        env.put("dataset", data.name());
        env.put("engine", engine);
        env.put("threads", main.threads());
        env.put("complete", os.stream().allMatch(Evaluation.Outcome::complete));
        env.put("energy_formula", PaperEnergy.SOURCE);
        if (compilePasses != null) {
            compilePasses.stream().filter(p -> p.id().equals(QuantizeWeights.ID)).findFirst()
                    .ifPresent(p -> env.put("exponent_ranges", p.parameters().get("ranges")));
        }
        HostInfo host = HostInfo.detect();
        env.putObject("host").put("cpu", host.cpu()).put("logical_cores", host.logicalCores()).put("memory_mb", host.memoryMb())
                .put("java", host.java());
        if (emu != null) {
            ObjectNode b = root.putObject("energy_breakdown_mj");
            breakdown(os.get(os.size() - 1)).forEach(b::put);
            ObjectNode src = root.putObject("energy_sources");
            emu.runDetailed(data.pixels()[0]).estimate().sources().forEach(src::put);
        }
        if (emu != null) {
            Evaluation.Outcome e = os.get(os.size() - 1);
            ResultDocument.putSamples(root, "energy_per_inference_mj", e.perInference(InferenceResult::deviceEnergyMj));
            ResultDocument.putSamples(root, "inference_latency_ms", e.perInference(InferenceResult::latencyMs));
        }
        ArrayNode layers = root.putArray("layers");
        for (Evaluation.Outcome o : os) {
            boolean emulated = o.engine().equals("emulator") && emu != null;
            InferenceLayers.add(layers, o, emulated ? emu.profile() : null, emulated ? compilePasses : null);
        }
        if (emu != null) {
            root.set("core_map", CoreMap.emulated(emu.program(), emu.profile(), os.get(os.size() - 1).coreMeans()));
        }
        return root;
    }
}
