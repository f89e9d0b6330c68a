package org.spiketc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spiketc.analysis.Measurement;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.analysis.MetricRule;
import org.spiketc.result.ResultDocument;
import org.spiketc.result.Version;

/**
 * The seed's "Result Analysis" and "Release Validation" as one self-contained HTML page over stored
 * results: the targets table, trends of the key metrics across runs and versions, hardware utilisation,
 * compile-time and energy hotspots (bottlenecks), and optimization opportunities derived from the data.
 * No scripts, no external files: charts are inline SVG.
 *
 * <p>Trends and utilisation compare results of one {@link ResultGroups group} only: the same test name
 * and the same configuration. A test name alone would put 31 runs of one model at different -O levels,
 * weight widths and time steps into one "trend".
 */
public final class ResultsReport {
    /** Metrics whose trend the report draws, when a result has them. */
    static final List<String> TREND_METRICS = List.of("compilation_time_ms", "memory_peak_mb", "energy_per_inference_mj",
            "inference_latency_ms", "accuracy", "accuracy_emulator", "fidelity", "throughput_images_per_s", "host_throughput_images_per_s");

    private ResultsReport() {
    }

    /**
     * @param results results in time order (oldest first)
     * @param source  where they came from, for the header
     */
    public static String render(List<ResultDocument> results, String source) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>stc results report</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}h1{font-size:1.6em}")
                .append("h2{margin-top:1.6em;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:.5em 0}")
                .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".pass{color:#16794c;font-weight:bold}.fail{color:#b3261e;font-weight:bold}.muted{color:#777}")
                .append("svg{vertical-align:middle}</style></head><body>");
        h.append("<h1>Spike-Transformer-Compiler: results report</h1>");
        h.append("<p class=\"muted\">stc ").append(esc(Version.get())).append(", generated ").append(esc(Instant.now().toString()))
                .append(" from ").append(esc(source)).append(": ").append(results.size()).append(" results. ")
                .append("Neuromorphic figures are simulated (chip emulator); Loihi 2 energy figures are estimates, loihi3 a projection.</p>");
        ResultGroups groups = ResultGroups.of(results);
        targets(h, results);
        trends(h, groups);
        utilisation(h, groups);
        hotspots(h, results, groups);
        opportunities(h, results, groups);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void targets(StringBuilder h, List<ResultDocument> results) {
        h.append("<h2>Performance targets (seed document)</h2><table><tr><th>metric</th><th>target</th><th>current</th><th></th>")
                .append("<th>measured on</th></tr>");
        for (Targets.Row r : Targets.evaluateResults(results)) {
            String v = r.currentText();
            String cls = r.verdict() == Targets.Verdict.PASS ? "pass" : r.verdict() == Targets.Verdict.FAIL ? "fail" : "muted";
            h.append("<tr><td>").append(esc(r.target().metric())).append("</td><td>").append(esc(r.target().limit())).append("</td><td class=\"n\">")
                    .append(esc(v)).append("</td><td class=\"").append(cls).append("\">").append(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</td><td>").append(esc(r.measured())).append("</td></tr>");
        }
        h.append("</table><p class=\"muted\">Run <code>stc bench --scale full</code> for the values the seed's targets refer to "
                + "(Spikformer-8-768 as SpikeFormer-Base).</p>");
    }

    private static void trends(StringBuilder h, ResultGroups groups) {
        h.append("<h2>Trends across runs and versions</h2>");
        h.append("<table><tr><th>result</th><th>configuration</th><th>metric</th><th>runs</th><th>first</th><th>latest</th>")
                .append("<th>change</th><th>versions</th><th>trend</th></tr>");
        int rows = 0;
        for (ResultGroup g : groups.all()) {
            for (String metric : TREND_METRICS) {
                List<Double> values = new ArrayList<>();
                List<String> versions = new ArrayList<>();
                for (ResultDocument r : g.results()) {
                    Measurement m = r.measurements().get(metric);
                    if (m != null && !m.failed()) {
                        values.add(m.value());
                        String v = r.environment("software_version");
                        if (v != null && !versions.contains(v)) {
                            versions.add(v);
                        }
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                double first = values.get(0);
                double last = values.get(values.size() - 1);
                String latest = fmt(last) + interval(g.latest().measurements(), metric);
                h.append("<tr><td>").append(esc(g.testName())).append("</td><td").append(g.configuration().recorded() ? ">" : " class=\"muted\">")
                        .append(esc(g.label())).append("</td><td>").append(esc(metric)).append("</td><td class=\"n\">")
                        .append(values.size()).append("</td><td class=\"n\">").append(fmt(first)).append("</td><td class=\"n\">")
                        .append(latest).append("</td><td class=\"n\">").append(change(metric, first, last)).append("</td><td>")
                        .append(esc(String.join(", ", versions))).append("</td><td>").append(sparkline(values)).append("</td></tr>");
                rows++;
            }
        }
        h.append("</table>");
        if (rows == 0) {
            h.append("<p class=\"muted\">No stored results carry these metrics yet.</p>");
        }
    }

    /**
     * The change from the first to the latest value: accuracy-like metrics (accuracy, fidelity, on a 0..1
     * scale) in percentage points, 100 * (latest - first), since a ratio of accuracies reads as a bigger
     * change than it is; every other metric relative to the first value, in %.
     */
    private static String change(String metric, double first, double last) {
        if (MetricRule.forMetric(metric) == MetricRule.ACCURACY) {
            return String.format(Locale.ROOT, "%+.2f points", 100 * (last - first));
        }
        return first == 0 ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * (last / first - 1));
    }

    /** " (95 %: low–high)" where the result carries the metric's interval, else nothing. */
    private static String interval(Map<String, Measurement> m, String metric) {
        return ProportionInterval.recorded(m, metric).map(b -> " <span class=\"muted\">(95 %: " + fmt(b.low()) + "–" + fmt(b.high())
                + ")</span>").orElse("");
    }

    /** One row per configuration group: the same model and target mapped at another -O level or width uses other cores. */
    private static void utilisation(StringBuilder h, ResultGroups groups) {
        h.append("<h2>Hardware utilisation (latest compile of each model, target and configuration)</h2><table><tr><th>compile</th>")
                .append("<th>configuration</th><th>cores used</th><th>chips used / system</th><th>neuron utilisation</th>")
                .append("<th>memory utilisation</th><th>max link load / step</th></tr>");
        for (ResultGroup g : groups.all()) {
            ResultDocument r = null;
            for (ResultDocument candidate : g.results()) {
                if (candidate.measurements().containsKey("cores_used") && candidate.json().has("resources")) {
                    r = candidate;
                }
            }
            if (r == null) {
                continue;
            }
            Map<String, Measurement> m = r.measurements();
            h.append("<tr><td>").append(esc(g.testName())).append("</td><td>").append(esc(g.label())).append("</td><td class=\"n\">")
                    .append(fmt(value(m, "cores_used")))
                    .append("</td><td class=\"n\">").append(fmt(value(m, "chips_used"))).append(" / ").append(fmt(value(m, "system_chips")))
                    .append("</td><td class=\"n\">").append(pct(value(m, "utilization"))).append("</td><td class=\"n\">")
                    .append(pct(value(m, "memory_utilization"))).append("</td><td class=\"n\">").append(fmt(value(m, "max_link_load_per_step")))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /**
     * The breakdowns of one result each (the latest compile, the latest emulated inference): nothing is
     * aggregated across runs, so configurations cannot mix; the caption names the configuration.
     */
    private static void hotspots(StringBuilder h, List<ResultDocument> results, ResultGroups groups) {
        h.append("<h2>Hotspots</h2><h3>Compile time by pass (latest compile)</h3>");
        ResultDocument compile = null;
        ResultDocument inference = null;
        for (ResultDocument r : results) {
            if (r.json().path("passes").isArray() && r.json().path("passes").size() > 0) {
                compile = r;
            }
            if (r.json().path("layers").isArray() && r.measurements().containsKey("energy_per_inference_mj")) {
                inference = r;
            }
        }
        if (compile != null) {
            List<JsonNode> passes = new ArrayList<>();
            compile.json().path("passes").forEach(p -> {
                if (p.path("depth").asInt(1) > 0) {
                    passes.add(p);
                }
            });
            passes.sort(Comparator.comparingDouble((JsonNode p) -> -p.path("wall_ms").asDouble()));
            double total = passes.stream().mapToDouble(p -> p.path("wall_ms").asDouble()).sum();
            h.append("<p class=\"muted\">").append(esc(groups.groupOf(compile).described())).append("</p><table><tr><th>pass</th><th>wall ms</th>")
                    .append("<th>share</th><th>allocated MB</th></tr>");
            for (JsonNode p : passes.subList(0, Math.min(8, passes.size()))) {
                double ms = p.path("wall_ms").asDouble();
                h.append("<tr><td>").append(esc(p.path("id").asText())).append("</td><td class=\"n\">").append(fmt(ms))
                        .append("</td><td>").append(bar(total == 0 ? 0 : ms / total)).append("</td><td class=\"n\">")
                        .append(fmt(p.path("allocated_bytes").asDouble() / (1024 * 1024))).append("</td></tr>");
            }
            h.append("</table>");
        } else {
            h.append("<p class=\"muted\">No compile stored yet (stc compile records one).</p>");
        }
        h.append("<h3>Synaptic operations by layer (latest emulated inference)</h3>");
        if (inference != null) {
            List<JsonNode> layers = emulatorLayers(inference);
            double total = layers.stream().mapToDouble(l -> l.path("synaptic_ops_per_inference").asDouble()).sum();
            h.append("<p class=\"muted\">").append(esc(groups.groupOf(inference).described())).append(": synaptic operations drive the dynamic energy</p>")
                    .append("<table><tr><th>layer</th><th>synaptic ops / inference</th><th>share</th><th>spikes / inference</th></tr>");
            for (JsonNode l : layers.subList(0, Math.min(8, layers.size()))) {
                double ops = l.path("synaptic_ops_per_inference").asDouble();
                h.append("<tr><td>").append(esc(l.path("name").asText())).append("</td><td class=\"n\">").append(fmt(ops))
                        .append("</td><td>").append(bar(total == 0 ? 0 : ops / total)).append("</td><td class=\"n\">")
                        .append(fmt(l.path("spikes_per_inference").asDouble())).append("</td></tr>");
            }
            h.append("</table>");
        } else {
            h.append("<p class=\"muted\">No emulated inference stored yet (stc run records one).</p>");
        }
    }

    private static List<JsonNode> emulatorLayers(ResultDocument r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().path("layers").forEach(l -> {
            if (!"reference".equals(l.path("engine").asText())) {
                out.add(l);
            }
        });
        out.sort(Comparator.comparingDouble((JsonNode l) -> -l.path("synaptic_ops_per_inference").asDouble()));
        return out;
    }

    /**
     * Opportunities the data points to; each names the evidence. Each is read off one result, never
     * from figures of several runs together, and names that result's configuration group where its test
     * name has several: a pass that changes nothing at one -O level may matter at another.
     */
    static List<String> opportunities(List<ResultDocument> results, ResultGroups groups) {
        List<String> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (ResultDocument r : results) {
            String evidence = groups.groupOf(r).described();
            JsonNode breakdown = r.json().path("energy_breakdown_mj");
            double energy = value(r.measurements(), "energy_per_inference_mj");
            if (breakdown.has("static") && energy > 0 && breakdown.path("static").asDouble() / energy > 0.5) {
                seen.put("static", String.format(Locale.ROOT, "Static power is %.0f%% of the energy per inference in %s: shorter latency "
                        + "(fewer time steps, a shallower pipeline) or fewer chips saves more than sparser spikes.",
                        100 * breakdown.path("static").asDouble() / energy, evidence));
            }
            if (r.json().path("layers").isArray() && energy > 0) {
                List<JsonNode> layers = emulatorLayers(r);
                double total = layers.stream().mapToDouble(l -> l.path("synaptic_ops_per_inference").asDouble()).sum();
                if (!layers.isEmpty() && total > 0) {
                    double share = layers.get(0).path("synaptic_ops_per_inference").asDouble() / total;
                    if (share > 0.2) {
                        seen.put("layer", String.format(Locale.ROOT, "Layer %s causes %.0f%% of the synaptic operations in %s: pruning "
                                + "its weights (--sparsity) or lowering the firing rate of its input helps most there.",
                                layers.get(0).path("name").asText(), 100 * share, evidence));
                    }
                }
            }
            for (JsonNode p : r.json().path("passes")) {
                boolean unchanged = p.path("nodes_before").asLong(-1) == p.path("nodes_after").asLong(-2)
                        && p.path("parameter_bytes_before").asLong(-1) == p.path("parameter_bytes_after").asLong(-2)
                        && p.path("edges_before").asLong(-1) == p.path("edges_after").asLong(-2)
                        && p.path("counters").isEmpty();
                if (unchanged && p.path("wall_ms").asDouble() > 1 && p.path("depth").asInt() > 0) {
                    seen.put("pass-" + p.path("id").asText(), String.format(Locale.ROOT, "Pass %s took %.1f ms in %s and changed nothing "
                            + "measurable: --disable-pass %s saves that time for this model.", p.path("id").asText(),
                            p.path("wall_ms").asDouble(), evidence, p.path("id").asText()));
                }
            }
            if ("quantization-impact".equals(r.environment("benchmark"))) {
                double full = value(r.measurements(), "accuracy_8bit");
                for (int bits = 2; bits < 8; bits++) {
                    double acc = value(r.measurements(), "accuracy_" + bits + "bit");
                    if (!Double.isNaN(acc) && full - acc <= 0.01) {
                        seen.put("bits", String.format(Locale.ROOT, "%d-bit weights keep accuracy within 1 point of 8-bit (%.2f%% vs %.2f%%, "
                                + "%s): --bits %d cuts synaptic memory by %.0f%%.", bits, 100 * acc, 100 * full, evidence, bits,
                                100 * (1 - bits / 8.0)));
                        break;
                    }
                }
            }
        }
        out.addAll(seen.values());
        return out;
    }

    private static void opportunities(StringBuilder h, List<ResultDocument> results, ResultGroups groups) {
        h.append("<h2>Optimization opportunities</h2>");
        List<String> ops = opportunities(results, groups);
        if (ops.isEmpty()) {
            h.append("<p class=\"muted\">None derived yet: store compiles, inferences and benchmark runs first.</p>");
            return;
        }
        h.append("<ul>");
        ops.forEach(o -> h.append("<li>").append(esc(o)).append("</li>"));
        h.append("</ul>");
    }

    private static double value(Map<String, Measurement> m, String key) {
        Measurement v = m.get(key);
        return v == null ? Double.NaN : v.value();
    }

    private static String sparkline(List<Double> v) {
        if (v.size() < 2) {
            return "";
        }
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            p.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", 2 + 116.0 * i / (v.size() - 1), 22 - 20 * (v.get(i) - min) / span));
        }
        return "<svg width=\"120\" height=\"24\" role=\"img\"><polyline fill=\"none\" stroke=\"#3465a4\" stroke-width=\"1.5\" points=\""
                + p + "\"/></svg>";
    }

    private static String bar(double share) {
        return String.format(Locale.ROOT, "<svg width=\"104\" height=\"12\"><rect width=\"%.1f\" height=\"12\" fill=\"#3465a4\"/></svg> %.0f%%",
                104 * Math.max(0, Math.min(1, share)), 100 * share);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 && v != 0 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%,.4g", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
