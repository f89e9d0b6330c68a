package org.spiketc.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.spiketc.common.Cancellation;
import org.spiketc.common.CancelledException;
import org.spiketc.common.Json;
import org.spiketc.common.ThreadCounters;
import org.spiketc.common.UserInputException;
import org.spiketc.result.HostInfo;
import org.spiketc.result.Quantities;
import org.spiketc.result.Result;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.RunKind;

/**
 * Runs benchmarks one after another, each on its own thread under its timeout, and turns what each
 * recorded into a seed-format result: metrics, raw samples, sweep points, the outcome of its
 * assertions, and the host it ran on.
 */
public final class BenchRunner {
    private final BenchContext ctx;
    private final boolean profile;

    public BenchRunner(BenchContext ctx) {
        this(ctx, false);
    }

    /** {@code profile}: also record what each benchmark cost the host (CPU time and allocation of all threads). */
    public BenchRunner(BenchContext ctx, boolean profile) {
        this.ctx = ctx;
        this.profile = profile;
    }

    /** What a benchmark run is set up with: its configuration in the store and in its result. */
    public static Map<String, Object> configuration(Benchmark b, BenchContext ctx) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("benchmark", b.id());
        c.put("scale", ctx.scale().name().toLowerCase(Locale.ROOT));
        c.put("dataset", ctx.dataDir() == null ? "fmnist" : "fmnist:" + ctx.dataDir());
        c.put("repeats", ctx.repeats());
        c.put("warmups", ctx.warmups());
        c.put("threads", ctx.threads());
        return c;
    }

    /** {@link #configuration} as the store records it. */
    public static String configurationJson(Benchmark b, BenchContext ctx) {
        try {
            return Json.mapper().writeValueAsString(configuration(b, ctx));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // names, numbers and text always serialise
        }
    }

    /** Runs the benchmarks in order; {@code done} hears of each as it ends. */
    public List<BenchOutcome> run(List<Benchmark> benchmarks, Consumer<BenchOutcome> done) {
        List<BenchOutcome> out = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            if (ctx.cancel().isRequested()) {
                break;
            }
            BenchOutcome o = runOne(b);
            out.add(o);
            done.accept(o);
        }
        return out;
    }

    public BenchOutcome runOne(Benchmark b) {
        Instant start = Instant.now();
        BenchRecorder rec = new BenchRecorder();
        Optional<String> skip = b.skipReason(ctx);
        if (skip.isPresent()) {
            return outcome(b, BenchOutcome.Status.SKIPPED, skip.get(), rec, start);
        }
        Duration limit = b.timeout(ctx.scale());
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-" + b.id());
            t.setDaemon(true);
            return t;
        });
        // Its own cancellation: a timeout stops this benchmark only; the user's cancel reaches it through the poll below.
        Cancellation local = new Cancellation();
        BenchContext mine = new BenchContext(ctx.scale(), ctx.repeats(), ctx.warmups(), ctx.threads(), ctx.dataDir(), local,
                ctx.progress());
        try {
            Future<?> f = worker.submit(() -> {
                // read on the benchmark's own thread, before it ends: the counters sum live threads only
                long cpu = profile ? ThreadCounters.cpuNanos() : 0;
                long allocated = profile ? ThreadCounters.allocatedBytes() : 0;
                try {
                    b.run(mine, rec);
                } finally {
                    if (profile) {
                        rec.metric(Quantities.PROFILE_CPU_MS.value((ThreadCounters.cpuNanos() - cpu) / 1e6));
                        rec.metric(Quantities.PROFILE_ALLOCATED_MB.value((ThreadCounters.allocatedBytes() - allocated) / (1024.0 * 1024)));
                    }
                }
                return null;
            });
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                try {
                    f.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException poll) {
                    if (ctx.cancel().isRequested()) {
                        local.cancel();
                    }
                    if (System.nanoTime() > deadline) {
                        local.cancel();
                        f.cancel(true);
                        throw poll;
                    }
                }
            }
            if (local.isRequested()) {
                return outcome(b, BenchOutcome.Status.CANCELLED, "cancelled", rec, start);
            }
            if (!rec.failures().isEmpty()) {
                return outcome(b, BenchOutcome.Status.FAILED, String.join("; ", rec.failures()), rec, start);
            }
            return outcome(b, BenchOutcome.Status.PASSED, null, rec, start);
        } catch (TimeoutException e) {
            return outcome(b, BenchOutcome.Status.TIMED_OUT, "exceeded its timeout of " + limit.toSeconds() + " s", rec, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(b, BenchOutcome.Status.CANCELLED, "interrupted", rec, start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancelledException) {
                return outcome(b, BenchOutcome.Status.CANCELLED, "cancelled", rec, start);
            }
            String why = cause instanceof UserInputException ? cause.getMessage() : cause.toString();
            return outcome(b, BenchOutcome.Status.FAILED, "error: " + why, rec, start);
        } finally {
            worker.shutdownNow();
        }
    }

    private BenchOutcome outcome(Benchmark b, BenchOutcome.Status status, String reason, BenchRecorder rec, Instant start) {
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return new BenchOutcome(b, status, reason, document(b, status, reason, rec, start), seconds);
    }

    /** The seed's result shape for one benchmark run. */
    ResultDocument document(Benchmark b, BenchOutcome.Status status, String reason, BenchRecorder rec, Instant start) {
        Result.Builder r = Result.builder(RunKind.BENCHMARK, testName(b, ctx.scale()), start).configuration(configuration(b, ctx));
        rec.metrics().values().forEach(r::metric);
        r.environment("hardware", "host CPU; neuromorphic figures from the emulator (simulated Loihi 2 unless stated)");
        r.environment("benchmark", b.id());
        r.environment("seed_benchmark", b.seedName());
        r.environment("scale", ctx.scale().name().toLowerCase(Locale.ROOT));
        r.environment("repeats", ctx.repeats());
        r.environment("warmups", ctx.warmups());
        r.environment("threads", ctx.threads());
        r.environment("markers", b.markers().stream().sorted().map(k -> k.tag()).toList()); // Set.of iterates in a random order
        rec.environment().forEach(r::environment);
        r.host(HostInfo.detect());
        r.section("status", status.name().toLowerCase(Locale.ROOT));
        if (reason != null) {
            r.section("reason", reason);
        }
        if (!rec.points().isEmpty()) {
            r.section("points", rec.points());
        }
        if (!rec.notes().isEmpty()) {
            r.section("notes", rec.notes());
        }
        return r.build().document();
    }

    /** {@code compilation_speed_smoke}: the seed's test names, with the scale (smoke and full results do not compare). */
    public static String testName(Benchmark b, BenchScale scale) {
        return b.id().replace('-', '_') + "_" + scale.name().toLowerCase(Locale.ROOT);
    }
}
