package org.spiketc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.spiketc.common.UserInputException;

/** The twelve categories of the seed document, in its order. */
public final class BenchSuite {
    public static final List<Benchmark> ALL = List.of(
            new CompilationSpeedBenchmark(),
            new MemoryUsageBenchmark(),
            new OptimizationImpactBenchmark(),
            new InferenceLatencyBenchmark(),
            new EnergyConsumptionBenchmark(),
            new ThroughputBenchmark(),
            new AccuracyVsOptimizationBenchmark(),
            new QuantizationImpactBenchmark(),
            new HardwareVsSimulationBenchmark(),
            new MultiChipScalingBenchmark(),
            new ModelSizeScalingBenchmark(),
            new BatchSizeImpactBenchmark());

    private BenchSuite() {
    }

    public static Benchmark byId(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() -> new UserInputException(
                "unknown benchmark category '" + id + "' (stc bench --list shows them: "
                        + ALL.stream().map(Benchmark::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** The categories named (all when none), keeping those with any of the markers (all when none), in suite order. */
    public static List<Benchmark> select(List<String> ids, Set<Marker> markers) {
        List<Benchmark> named = ids == null || ids.isEmpty() ? ALL : ids.stream().map(BenchSuite::byId).toList();
        List<Benchmark> out = new ArrayList<>();
        for (Benchmark b : ALL) {
            if (named.contains(b) && (markers == null || markers.isEmpty() || b.markers().stream().anyMatch(markers::contains))) {
                out.add(b);
            }
        }
        return out;
    }
}
