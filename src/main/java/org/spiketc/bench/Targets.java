package org.spiketc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.Unit;
import org.spiketc.result.ResultDocument;

/**
 * The seed document's "Performance Targets" table, checked against what the benchmarks measured.
 * Each row says on which benchmark and model its value was measured.
 */
public final class Targets {
    private Targets() {
    }

    /** One target: the seed's wording, its limit, and where the current value comes from. */
    public record Target(String metric, String limit, String benchmark, String result, double max) {
    }

    /**
     * @param current  the value, or NaN when the benchmark did not run
     * @param unit     the unit the result declares for it
     * @param measured where: benchmark and model
     */
    public record Row(Target target, double current, Unit unit, String measured, Verdict verdict) {
        /** The value with its unit, a time whose target is a second or more in seconds; "-" when not measured. */
        public String currentText() {
            if (Double.isNaN(current)) {
                return "-";
            }
            Unit shown = unit.dimension() == Unit.Dimension.TIME && unit.convert(target.max(), Unit.S) >= 1 ? Unit.S : unit;
            return String.format(Locale.ROOT, "%.4g %s", unit.convert(current, shown), shown.symbol()).trim();
        }
    }

    public enum Verdict { PASS, FAIL, NOT_MEASURED }

    /** The seed's four targets (benchmarks-README, "Performance Targets"). */
    public static final List<Target> SEED = List.of(
            new Target("Compilation Time (SpikeFormer-Base)", "< 60 s", "compilation-speed", "compilation_time_ms", 60_000),
            new Target("Memory Usage (Peak)", "< 4 GB", "memory-usage", "memory_peak_mb", 4096),
            new Target("Energy per Inference", "< 5 mJ", "energy-consumption", "energy_per_inference_mj", 5),
            new Target("Inference Latency", "< 25 ms", "inference-latency", "inference_latency_ms", 25));

    public static List<Row> evaluate(List<BenchOutcome> outcomes) {
        return evaluateResults(outcomes.stream().map(BenchOutcome::result).filter(Objects::nonNull).toList());
    }

    /** The targets from benchmark results (the last result of each category counts), e.g. read back from the store. */
    public static List<Row> evaluateResults(List<ResultDocument> results) {
        List<Row> rows = new ArrayList<>();
        for (Target t : SEED) {
            Row row = new Row(t, Double.NaN, Unit.NONE, "not run", Verdict.NOT_MEASURED);
            for (ResultDocument r : results) {
                if (!t.benchmark().equals(r.environment("benchmark"))) {
                    continue;
                }
                Map<String, Measurement> m = r.measurements();
                Measurement v = m.get(t.result());
                if (v != null && !v.failed()) {
                    String model = r.environment("target_model");
                    String where = t.benchmark() + " (" + r.environment("scale") + ")" + (model != null ? ", " + model : "");
                    row = new Row(t, v.value(), v.info().unit(), where, v.value() < t.max() ? Verdict.PASS : Verdict.FAIL);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
