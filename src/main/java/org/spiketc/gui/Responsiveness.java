package org.spiketc.gui;

import static org.spiketc.result.Quantities.CHART_REFRESHES;
import static org.spiketc.result.Quantities.CHART_REFRESH_RATE;
import static org.spiketc.result.Quantities.HEAP_GROWTH_MB;
import static org.spiketc.result.Quantities.LONG_PULSE_GAPS;
import static org.spiketc.result.Quantities.PHASE_SECONDS;
import static org.spiketc.result.Quantities.PULSES;
import static org.spiketc.result.Quantities.PULSE_GAP_MS;
import static org.spiketc.result.Quantities.SAMPLES;
import static org.spiketc.result.Quantities.WARM_UP_INFERENCES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.spiketc.result.HostInfo;
import org.spiketc.result.Result;
import org.spiketc.result.RunKind;

/**
 * Measures how the workbench holds up during a long live inference run, in the real window: the gaps
 * between the JavaFX pulses (the application thread blocked for longer than a gap's excess over the
 * 16.7 ms frame), how often the live charts took in new data, and the heap after a full collection at
 * every thousand inferences. The collections this measurement forces also stop the application thread,
 * so pulse gaps are reported with and without the ones that overlap them.
 */
public final class Responsiveness {
    private static final long STEP = 1000;
    /** Inferences of the warm-up run before the measured one. */
    public static final int WARM_UP = 500;
    private final Workbench workbench;
    private final int samples;
    private final Path json;
    private final int warmUp;
    private final Runnable done;
    private long refreshesBefore;
    private final long[] pulses = new long[1 << 16];
    private int pulseCount;
    private final List<long[]> gcWindows = new ArrayList<>();
    private final List<double[]> heap = new ArrayList<>();
    private volatile long firstResultNanos;
    private volatile long runStartNanos;
    private volatile long lastResultNanos;
    private AnimationTimer timer;

    private Responsiveness(Workbench workbench, int samples, int warmUp, Path json, Runnable done) {
        this.workbench = workbench;
        this.samples = samples;
        this.warmUp = warmUp;
        this.json = json;
        this.done = done;
    }

    /**
     * Starts the warm-up, then the measured run; on the FX thread, after the window is shown. When the
     * report is written, {@code done} runs on the FX thread (the window closes the application).
     */
    public static void start(Workbench workbench, int samples, int warmUp, Path json, Runnable done) {
        new Responsiveness(workbench, samples, warmUp, json, done).begin();
    }

    private void begin() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pulseCount < pulses.length) {
                    pulses[pulseCount++] = System.nanoTime();
                }
            }
        };
        workbench.tabs().getSelectionModel().select(Workbench.LIVE); // where the charts draw
        workbench.setup().form().samplesProperty().unbind();
        timer.start();
        // The measured run is the session's second: a short warm-up inference first shows the views, fills the
        // queue and the charts once and lets the JIT compile the emulator and the drawing code. The warm-up's
        // pulse gaps are reported apart, as what a session's first run feels like.
        workbench.setup().form().samplesProperty().set(warmUp);
        workbench.setup().infer();
        workbench.setup().form().samplesProperty().set(samples);
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (workbench.setup().queue().active().isEmpty() && workbench.live().arrived() >= warmUp) {
                poll.stop();
                PauseTransition settle = new PauseTransition(Duration.seconds(1));
                settle.setOnFinished(f -> startRun());
                settle.play();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    private void startRun() {
        runStartNanos = System.nanoTime();
        refreshesBefore = workbench.liveView().refreshes();
        long before = workbench.live().arrived();
        workbench.setup().infer();
        Thread monitor = new Thread(() -> watch(before), "responsiveness-monitor");
        monitor.setDaemon(true);
        monitor.start();
    }

    private void watch(long before) {
        long next = STEP;
        try {
            while (true) {
                Thread.sleep(20);
                long done = workbench.live().arrived() - before;
                if (done > 0 && firstResultNanos == 0) {
                    firstResultNanos = System.nanoTime();
                }
                if (done >= samples) {
                    lastResultNanos = System.nanoTime();
                    Thread.sleep(500); // the last refreshes, and the run's result stored
                    heapAfterGc(done);
                    Platform.runLater(this::finish);
                    return;
                }
                if (done >= next) {
                    heapAfterGc(done);
                    next += STEP;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The heap after a full collection. A requested collection is sometimes skipped (it then takes a few
     * milliseconds, not tens): collect until one took 10 ms or more, at most three times, keep the lowest.
     */
    private void heapAfterGc(long done) {
        long t0 = System.nanoTime();
        double used = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long a = System.nanoTime();
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024));
            if (System.nanoTime() - a >= 10_000_000L) {
                break;
            }
        }
        long t1 = System.nanoTime();
        gcWindows.add(new long[] {t0, t1});
        heap.add(new double[] {done, used, (t1 - t0) / 1e6});
    }

    private void finish() {
        timer.stop();
        try {
            report().document().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        done.run();
    }

    /** A pulse gap of more than 100 ms: when, how long, and whether a collection this measurement forced overlaps it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LongGap(double secondsFromRunStart, double gapMs, Boolean overlapsForcedGc) {
    }

    /** The heap after a forced collection, every thousand inferences and at the end. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HeapReading(long inferences, double heapUsedMb, double gcMs) {
    }

    private Result report() {
        int first = 0;
        while (first < pulseCount && pulses[first] < runStartNanos) {
            first++;
        }
        double settleMax = 0;
        for (int i = 1; i < first; i++) {
            settleMax = Math.max(settleMax, (pulses[i] - pulses[i - 1]) / 1e6);
        }
        Result.Builder r = Result.builder(RunKind.BENCHMARK, "gui_responsiveness_live_inference", Instant.now());
        List<LongGap> longGaps = new ArrayList<>();
        double[] gaps = new double[Math.max(0, pulseCount - first - 1)];
        List<Double> clean = new ArrayList<>(); // gaps that overlap none of the collections this measurement forces
        for (int i = first + 1; i < pulseCount; i++) {
            long a = pulses[i - 1];
            long b = pulses[i];
            double gap = (b - a) / 1e6;
            gaps[i - first - 1] = gap;
            boolean forcedGc = gcWindows.stream().anyMatch(w -> w[0] < b && w[1] > a);
            if (!forcedGc) {
                clean.add(gap);
            }
            if (gap > 100) {
                longGaps.add(new LongGap(round((a - runStartNanos) / 1e9), round(gap), forcedGc));
            }
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double seconds = (lastResultNanos - firstResultNanos) / 1e9;
        Map<String, String> run = Map.of("during", "run");
        r.metric(SAMPLES.value(samples));
        r.metric(PHASE_SECONDS.value(round(seconds)).at("inference_seconds", Map.of("phase", "inference")));
        r.metric(PHASE_SECONDS.value(round((pulses[Math.max(0, pulseCount - 1)] - runStartNanos) / 1e9)).at("run_seconds",
                Map.of("phase", "run")));
        r.metric(PULSES.value(gaps.length + 1));
        r.metric(WARM_UP_INFERENCES.value(warmUp));
        r.metric(PULSE_GAP_MS.value(round(settleMax)).at("max_pulse_gap_ms_during_warm_up", Map.of("statistic", "max", "during", "warm_up")));
        r.metric(PULSE_GAP_MS.value(round(sorted.length == 0 ? 0 : sorted[sorted.length - 1])).at("max_pulse_gap_ms",
                Map.of("statistic", "max", "during", "run")));
        r.metric(PULSE_GAP_MS.value(round(sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)]))
                .at("p99_pulse_gap_ms", Map.of("statistic", "p99", "during", "run")));
        r.metric(PULSE_GAP_MS.value(round(sorted.length == 0 ? 0 : sorted[sorted.length / 2])).at("median_pulse_gap_ms",
                Map.of("statistic", "median", "during", "run")));
        r.metric(LONG_PULSE_GAPS.value(Arrays.stream(gaps).filter(g -> g > 100).count()).at("pulse_gaps_over_100_ms", run));
        String outsideGc = "run outside forced collections";
        r.metric(PULSE_GAP_MS.value(round(clean.stream().mapToDouble(Double::doubleValue).max().orElse(0)))
                .at("max_pulse_gap_ms_outside_forced_gc", Map.of("statistic", "max", "during", outsideGc)));
        r.metric(LONG_PULSE_GAPS.value(clean.stream().filter(g -> g > 100).count()).at("pulse_gaps_over_100_ms_outside_forced_gc",
                Map.of("during", outsideGc)));
        long refreshes = workbench.liveView().refreshes() - refreshesBefore;
        r.metric(CHART_REFRESHES.value(refreshes));
        r.metric(CHART_REFRESH_RATE.value(round(refreshes / Math.max(1e-9, seconds))));
        if (heap.size() >= 3) {
            // The last reading is taken once the run is stored; growth is measured while it goes.
            r.metric(HEAP_GROWTH_MB.value(round(heap.get(heap.size() - 2)[1] - heap.get(0)[1]))
                    .at("heap_after_gc_growth_mb_during_run_after_first_thousand", Map.of("from", "1000 inferences", "to", "the last")));
        }
        List<LongGap> warmGaps = new ArrayList<>();
        for (int i = 1; i < first; i++) {
            if (pulses[i] - pulses[i - 1] > 100_000_000L) {
                // before the run starts: negative seconds
                warmGaps.add(new LongGap(round((pulses[i - 1] - runStartNanos) / 1e9), round((pulses[i] - pulses[i - 1]) / 1e6), null));
            }
        }
        r.environment("java", System.getProperty("java.version"));
        r.environment("prism", System.getProperty("prism.order", "default"));
        r.environment("display", String.valueOf(System.getenv("DISPLAY")));
        r.environment("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        r.host(HostInfo.detect());
        r.section("pulse_gaps_over_100_ms", longGaps);
        r.section("warm_up_pulse_gaps_over_100_ms", warmGaps);
        r.section("heap_after_gc", heap.stream().map(v -> new HeapReading((long) v[0], round(v[1]), round(v[2]))).toList());
        return r.build();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "responsiveness of a %d-sample live run", samples);
    }
}
