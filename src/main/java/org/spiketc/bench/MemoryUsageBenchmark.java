package org.spiketc.bench;

import static org.spiketc.result.Quantities.ALLOCATED_MB;
import static org.spiketc.result.Quantities.MEMORY_PEAK_MB;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiketc.common.ThreadCounters;

/**
 * Memory consumed by compilation (seed: {@code test_memory_usage.py}): the peak of the Java heap during
 * one compile (every heap pool's peak, reset after a GC just before), and the bytes the compile
 * allocated on all threads. Same models as {@link CompilationSpeedBenchmark}; target &lt; 4 GB.
 */
final class MemoryUsageBenchmark extends SeedBenchmark {
    MemoryUsageBenchmark() {
        super("memory-usage",
                "peak heap and allocation while compiling each model size",
                Set.of(Marker.PERFORMANCE), List.of(), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Override
    public void run(BenchContext ctx, BenchRecorder out) throws Exception {
        List<String> models = CompilationSpeedBenchmark.models(ctx.scale());
        double[] peak = new double[0];
        for (String m : models) {
            var run = ctx.prepare(BenchContext.spec(m, "loihi2", null, BenchContext.options(2, 8, null, null)));
            double[] peaks = new double[ctx.repeats()];
            double[] allocated = new double[ctx.repeats()];
            for (int i = 0; i < peaks.length; i++) {
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long before = ThreadCounters.allocatedBytes();
                ctx.compile(run);
                allocated[i] = (ThreadCounters.allocatedBytes() - before) / (1024.0 * 1024);
                peaks[i] = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024);
            }
            out.metric(MEMORY_PEAK_MB.median(peaks).at("memory_peak_mb_" + m, Map.of("model", m)));
            out.metric(ALLOCATED_MB.median(allocated).at("allocated_mb_" + m, Map.of("model", m)));
            peak = peaks;
        }
        String base = models.get(models.size() - 1);
        out.metric(MEMORY_PEAK_MB.median(peak));
        out.environment("target_model", base);
        out.environment("memory_peak_source", "sum of Java heap pool peaks during one compile (not RSS; see src/bench/compile-speed.sh)");
        out.check(out.value("memory_peak_mb") < 4096, "compiling " + base + " peaks under 4 GB (seed target)");
    }
}
