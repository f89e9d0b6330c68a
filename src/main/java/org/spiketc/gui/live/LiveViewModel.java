package org.spiketc.gui.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;

/**
 * What the live charts show while a run goes: each finished inference's energy and latency with their
 * running mean and percentiles, the running accuracy, the mean spike rate per layer, and during a compile
 * the host's CPU load and memory. Engine workers hand results in from any thread; the view
 * {@link #drain}s them on the FX thread about twelve times a second, so a long run never floods the UI thread.
 */
public final class LiveViewModel implements Evaluation.ResultListener {
    /** Most points a chart keeps; beyond it every other point goes, and the stride doubles. */
    static final int MAX_POINTS = 2000;
    /** Longer than OSHI's 300 ms cache of the CPU ticks, else every other reading sees no time pass. */
    private static final long HOST_PERIOD_MS = 500;

    /** One finished inference: the image's index, its energy and latency, and the accuracy over all finished so far. */
    public record Point(double x, double energyMj, double latencyMs, long finished, double accuracy) {
    }

    /** Running figures after the points of a batch: mean, median and 95th percentile of energy and latency. */
    public record Running(long finished, double energyMean, double energyP50, double energyP95, double latencyMean, double latencyP50,
            double latencyP95) {
    }

    /** One host sample during a compile: seconds since it began, system CPU load in per cent, memory in MB. */
    public record HostPoint(double seconds, double cpuPercent, double jvmUsedMb, double systemUsedMb) {
    }

    /** What arrived since the last drain; {@code running} is null when no inference arrived. */
    public record Batch(List<Point> points, Running running, Map<String, Double> layerRates, List<HostPoint> host) {
        public boolean isEmpty() {
            return points.isEmpty() && host.isEmpty();
        }
    }

    private record Arrival(int sample, InferenceResult result) {
    }

    private final ConcurrentLinkedQueue<Arrival> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong arrived = new AtomicLong();
    private final ConcurrentLinkedQueue<HostPoint> hostPending = new ConcurrentLinkedQueue<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No run yet: start an inference or a compile in Setup");
    private final ReadOnlyIntegerWrapper inferenceRuns = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper hostRuns = new ReadOnlyIntegerWrapper();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workbench-host-sampler");
        t.setDaemon(true);
        return t;
    });
    private final HostProbe probe;
    private final BackgroundTasks tasks;
    private ScheduledFuture<?> sampling;
    private int[] labels = new int[0];
    private long seen;
    private long correct;
    private double[] energies = new double[1024];
    private double[] latencies = new double[1024];
    private final Map<String, double[]> layerSums = new LinkedHashMap<>();

    /** @param tasks how property changes made from a run's thread reach the FX thread */
    public LiveViewModel(BackgroundTasks tasks) {
        this(tasks, HostProbe.oshi());
    }

    LiveViewModel(BackgroundTasks tasks, HostProbe probe) {
        this.tasks = tasks;
        this.probe = probe;
    }

    /** A new inference run starts: forget the last one (the view clears its charts). FX thread. */
    public void inferenceStarted(int[] trueLabels) {
        labels = trueLabels.clone();
        pending.clear();
        seen = 0;
        correct = 0;
        layerSums.clear();
        summary.set("Inference run started");
        inferenceRuns.set(inferenceRuns.get() + 1);
    }

    @Override
    public void result(int sample, InferenceResult r) {
        pending.add(new Arrival(sample, r));
        arrived.incrementAndGet();
    }

    /** Inferences handed in since the window opened, from any thread (the responsiveness measurement counts them). */
    public long arrived() {
        return arrived.get();
    }

    /** A compile starts: sample the host's CPU and memory until {@link #hostStopped}. Any thread. */
    public synchronized void hostStarted(String what) {
        hostStopped();
        hostPending.clear();
        long t0 = System.nanoTime();
        tasks.onFxThread(() -> {
            hostRuns.set(hostRuns.get() + 1);
            summary.set("Host CPU and memory during the " + what);
        });
        probe.cpuLoad(); // the first reading starts the interval the next one measures
        sampling = sampler.scheduleAtFixedRate(() -> hostPending.add(new HostPoint((System.nanoTime() - t0) / 1e9,
                100 * probe.cpuLoad(), probe.jvmUsedMb(), probe.systemUsedMb())), HOST_PERIOD_MS, HOST_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public synchronized void hostStopped() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
            try {
                sampler.submit(() -> { }).get(); // a sample under way lands before this returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Counts inference runs started; the view clears its inference charts when it changes. */
    public ReadOnlyIntegerProperty inferenceRunsProperty() {
        return inferenceRuns.getReadOnlyProperty();
    }

    /** Counts compiles sampled; the view clears its host charts when it changes. */
    public ReadOnlyIntegerProperty hostRunsProperty() {
        return hostRuns.getReadOnlyProperty();
    }

    /** Takes what arrived since the last call, in arrival order, updating the running figures. FX thread. */
    public Batch drain() {
        List<Point> out = new ArrayList<>();
        for (Arrival a = pending.poll(); a != null; a = pending.poll()) {
            InferenceResult r = a.result();
            if (seen == energies.length) {
                energies = Arrays.copyOf(energies, energies.length * 2);
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            energies[(int) seen] = r.deviceEnergyMj();
            latencies[(int) seen] = r.latencyMs();
            seen++;
            correct += a.sample() < labels.length && labels[a.sample()] == r.predicted() ? 1 : 0;
            for (LayerActivity l : r.layers()) {
                if (l.neurons() > 0 && l.firingRate() > 0 || layerSums.containsKey(l.layer())) {
                    layerSums.computeIfAbsent(l.layer(), k -> new double[1])[0] += l.firingRate();
                }
            }
            out.add(new Point(a.sample(), r.deviceEnergyMj(), r.latencyMs(), seen, (double) correct / seen));
        }
        List<HostPoint> host = new ArrayList<>();
        for (HostPoint h = hostPending.poll(); h != null; h = hostPending.poll()) {
            host.add(h);
        }
        Running running = null;
        Map<String, Double> rates = Map.of();
        if (!out.isEmpty()) {
            running = running();
            rates = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : layerSums.entrySet()) {
                rates.put(e.getKey(), e.getValue()[0] / seen);
            }
            summary.set(String.format(Locale.ROOT, "%,d inferences: accuracy so far %.2f %% (95 %%: %s); energy mean %.4f, median %.4f, "
                    + "p95 %.4f mJ; latency mean %.4f, median %.4f, p95 %.4f ms (simulated)", seen, 100.0 * correct / seen,
                    ProportionInterval.wilson95((int) correct, (int) seen).percentRange(), running.energyMean(),
                    running.energyP50(), running.energyP95(), running.latencyMean(), running.latencyP50(), running.latencyP95()));
        } else if (!host.isEmpty()) {
            HostPoint h = host.get(host.size() - 1);
            summary.set(String.format(Locale.ROOT, "Host CPU %.0f %%, JVM heap %.0f MB, system memory in use %.0f MB (%.1f s)",
                    h.cpuPercent(), h.jvmUsedMb(), h.systemUsedMb(), h.seconds()));
        }
        return new Batch(out, running, rates, host);
    }

    private Running running() {
        int n = (int) seen;
        return new Running(seen, mean(energies, n), percentile(energies, n, 0.5), percentile(energies, n, 0.95),
                mean(latencies, n), percentile(latencies, n, 0.5), percentile(latencies, n, 0.95));
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** Nearest-rank percentile of the first n values. */
    static double percentile(double[] v, int n, double q) {
        double[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(q * n) - 1)];
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
