package org.spiketc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.spiketc.common.Cancellation;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.model.ModelConfig;
import org.spiketc.report.HostInfo;
import org.spiketc.report.Version;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.reference.ReferenceSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stc run}: inference over a labelled set with accuracy, activity and energy. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a model over a labelled data set and report accuracy, spikes, synaptic ops and energy.")
final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--dataset", defaultValue = "fmnist", paramLabel = "fmnist[:DIR]",
            description = "fmnist: the 2,000-image test subset shipped with stc; fmnist:DIR: the full test set from DIR "
                    + "(e.g. fmnist:/usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
    String dataset;

    @Option(names = "--samples", paramLabel = "N", description = "Use only the first N samples.")
    Integer samples;

    @Option(names = "--engine", defaultValue = "reference",
            description = "Engine: reference (float simulator of the PyTorch model). Default ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--threads", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results in the seed's JSON shape.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (!engine.equals("reference")) {
            throw new UserInputException("unknown engine '" + engine + "' (available: reference)");
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
        ReferenceSimulator sim = new ReferenceSimulator(ModelFrontend.build(config, weights.bind(config)));
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
        long[] last = {0};
        Evaluation.Outcome o;
        try {
            o = Evaluation.run(sim, data, workers, cancel, (stage, f) -> {
                long now = System.nanoTime();
                if (now - last[0] > 2_000_000_000L || f >= 1) {
                    last[0] = now;
                    err.printf(Locale.ROOT, "\r%s %5.1f%%", stage, 100 * f);
                    err.flush();
                }
            });
            err.println();
            print(out, config, weights.describe(), data, o);
            if (json != null) {
                Json.mapper().writeValue(json.toFile(), toJson(config, weights.describe(), data, o));
                out.println("wrote " + json);
            }
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting on Ctrl-C; the hook is already running
            }
        }
        return o.complete() ? ExitCodes.OK : ExitCodes.CANCELLED;
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

    private static void print(PrintWriter out, ModelConfig c, String weights, LabelledImages data, Evaluation.Outcome o) {
        int n = o.finished();
        double hostMs = o.hostNanos() / 1e6 / Math.max(1, n) * o.threads();
        double acs = o.mean(InferenceResult::acs);
        out.printf(Locale.ROOT, "Model     %s, weights %s%n", c.name(), weights);
        out.printf(Locale.ROOT, "Data      %s: %d of %d samples%s%n", data.name(), n, data.count(), o.complete() ? "" : " (cancelled)");
        out.printf(Locale.ROOT, "Engine    %s, %d threads%n%n", o.engine(), o.threads());
        out.printf(Locale.ROOT, "  top-1 accuracy          %.2f %%%n", 100 * o.accuracy());
        out.printf(Locale.ROOT, "  spikes / inference      %,.0f%n", o.mean(InferenceResult::spikes));
        out.printf(Locale.ROOT, "  synaptic ops / inference %,.0f accumulates + %,.0f analog MACs%n", acs, o.mean(InferenceResult::macs));
        out.printf(Locale.ROOT, "  energy (paper formula)  %.6f mJ per inference [%s]%n", o.mean(InferenceResult::paperEnergyMj),
                PaperEnergy.SOURCE);
        out.printf(Locale.ROOT, "  host time               %.3f ms per inference per thread, %,.0f synaptic events/s%n", hostMs,
                (acs + o.mean(InferenceResult::macs)) * n / (o.hostNanos() / 1e9));
        out.printf(Locale.ROOT, "%n  %-32s %12s %10s %14s%n", "layer", "spikes", "rate", "synaptic ops");
        for (Map.Entry<String, double[]> e : layerMeans(o).entrySet()) {
            out.printf(Locale.ROOT, "  %-32s %12.1f %10.4f %14.0f%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }
    }

    /** Per layer: mean spikes, mean firing rate, mean synaptic ops. */
    private static Map<String, double[]> layerMeans(Evaluation.Outcome o) {
        Map<String, double[]> m = new LinkedHashMap<>();
        int n = 0;
        for (InferenceResult r : o.results()) {
            if (r == null) {
                continue;
            }
            n++;
            for (LayerActivity l : r.layers()) {
                double[] v = m.computeIfAbsent(l.layer(), k -> new double[3]);
                v[0] += l.spikes();
                v[1] += l.firingRate();
                v[2] += l.synapticOps();
            }
        }
        for (double[] v : m.values()) {
            for (int i = 0; i < 3; i++) {
                v[i] /= Math.max(1, n);
            }
        }
        return m;
    }

    private static ObjectNode toJson(ModelConfig c, String weights, LabelledImages data, Evaluation.Outcome o) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("test_name", "inference_" + c.name() + "_" + o.engine());
        root.put("timestamp", Instant.now().toString());
        root.put("schema_version", 1);
        int n = o.finished();
        ObjectNode m = root.putObject("metrics");
        m.put("accuracy", o.accuracy());
        m.put("samples", n);
        m.put("spikes_per_inference", o.mean(InferenceResult::spikes));
        m.put("synaptic_ops_per_inference", o.mean(InferenceResult::acs));
        m.put("analog_macs_per_inference", o.mean(InferenceResult::macs));
        m.put("energy_per_inference_mj_paper_formula", o.mean(InferenceResult::paperEnergyMj));
        m.put("host_time_per_inference_ms", o.hostNanos() / 1e6 / Math.max(1, n) * o.threads());
        m.put("host_wall_ms", o.hostNanos() / 1e6);
        m.put("sim_events_per_s", (o.mean(InferenceResult::acs) + o.mean(InferenceResult::macs)) * n / (o.hostNanos() / 1e9));
        ObjectNode env = root.putObject("environment");
        env.put("hardware", "host CPU (float reference simulator, no neuromorphic hardware)");
        env.put("software_version", Version.get());
        env.put("model", c.name());
        env.put("weights", weights);
        env.put("dataset", data.name());
        env.put("engine", o.engine());
        env.put("threads", o.threads());
        env.put("complete", o.complete());
        env.put("energy_formula", PaperEnergy.SOURCE);
        HostInfo host = HostInfo.detect();
        env.putObject("host").put("cpu", host.cpu()).put("logical_cores", host.logicalCores()).put("memory_mb", host.memoryMb())
                .put("java", host.java());
        ArrayNode layers = root.putArray("layers");
        for (Map.Entry<String, double[]> e : layerMeans(o).entrySet()) {
            layers.addObject().put("name", e.getKey()).put("spikes_per_inference", e.getValue()[0])
                    .put("firing_rate", e.getValue()[1]).put("synaptic_ops_per_inference", e.getValue()[2]);
        }
        return root;
    }
}
