package org.spiketc.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.mapping.PopulationSummary;
import org.spiketc.compiler.mapping.ResourceReport;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.pass.PassStatistics;
import org.spiketc.compiler.pass.TimingInstrument;
import org.spiketc.compiler.passes.QuantizeWeights;
import org.spiketc.hw.HardwareProfile;

/** The human-readable compile report the CLI prints. */
public final class CompileReport {
    private CompileReport() {
    }

    public static String render(CompileResult r, PeakMemory.Reading peak, int layerRows) {
        StringBuilder b = new StringBuilder();
        var req = r.request();
        HardwareProfile p = req.target();
        ResourceReport rep = r.mapping().report();
        var s = r.stats();
        line(b, "Model     %s (%s, %d classes, T=%d) weights %s", req.model().name(), req.model().family().id(),
                req.model().numClasses(), r.graph().timeSteps(), req.weights().describe());
        line(b, "          %,d params, %,d LIF neurons, %,d synapses; %,.0f SOPs/step at firing rate %.2f + %,d analog MACs",
                s.params(), s.neurons(), s.synapses(), s.sopsPerStep(), s.firingRate(), s.firstLayerMacs());
        line(b, "Target    %s - %s", p.label(), rep.systemName());
        line(b, "Compile   %.0f ms (frontend %.0f, passes %.0f, mapping %.0f, codegen %.0f); peak memory %.0f MB (%s)",
                r.stages().totalMs(), r.stages().frontendMs(), r.stages().passesMs(), r.stages().mappingMs(),
                r.stages().codegenMs(), peak.megabytes(), peak.source());
        b.append('\n').append("Passes\n");
        line(b, "  %-22s %9s %9s %10s %13s %17s  %s", "pass", "wall ms", "cpu ms", "alloc MB", "nodes", "param bytes",
                "statistics");
        for (PassRecord pr : r.passes()) {
            if (pr.depth() == 0) {
                continue;
            }
            line(b, "  %-22s %9.1f %9.1f %10.1f %6d -> %-5d %8s -> %-7s %s", pr.id(), pr.wallMillis(), pr.cpuMillis(),
                    pr.allocatedBytes() / 1048576.0, pr.before().nodes(), pr.after().nodes(), mb(pr.before().parameterBytes()),
                    mb(pr.after().parameterBytes()), counters(pr.counters()));
        }
        b.append('\n').append("Timing tree\n");
        for (String l : TimingInstrument.render(r.timing()).split("\n")) {
            b.append("  ").append(l).append('\n');
        }
        for (PassRecord pr : r.passes()) {
            for (String note : pr.notes()) {
                line(b, "  note [%s] %s", pr.id(), note);
            }
        }
        b.append('\n').append("Resources (simulated ").append(p.id()).append(", traffic at firing rate ")
                .append(String.format(Locale.ROOT, "%.2f", rep.firingRate())).append(")\n");
        line(b, "  system        %s: %d chip%s%s (needs %d)", rep.systemName(), rep.systemChips(), rep.systemChips() == 1 ? "" : "s",
                rep.systemChosen() ? ", smallest that fits" : ", as requested", rep.chipsNeeded());
        line(b, "  cores         %,d of %,d", rep.coresUsed(), rep.coreCapacity());
        line(b, "  compartments  %,d (%.1f%% of used cores' capacity)", rep.compartmentsUsed(), 100 * rep.neuronUtilization());
        line(b, "  synaptic mem  %s (%.1f%% of used cores)", mb(rep.synapticMemoryBytes()), 100 * rep.memoryUtilization());
        line(b, "  routes        %,d core-to-core; %,.0f msgs/step, %,.0f msg-hops/step, %,.0f chip crossings/step",
                rep.routes(), rep.spikesPerStep(), rep.spikeHopsPerStep(), rep.chipCrossingsPerStep());
        line(b, "  links         busiest %,.1f msgs/step, mean %,.1f; host input %,.0f msgs/step", rep.maxLinkLoad(),
                rep.meanLinkLoad(), rep.hostInputPerStep());
        line(b, "  core fill     %s (cores per 10%% band of compartment use, 0-10%% .. 90-100%%)",
                Arrays.toString(rep.coreUtilization()));
        line(b, "  binary        %,d bytes, CRC32C %08x", r.binary().bytes(), r.binary().crc32c());
        List<String> registerWarnings = registers(b, r.passes());
        List<PopulationSummary> rows = r.mapping().populations().stream()
                .sorted(Comparator.comparingLong(PopulationSummary::cores).reversed()).limit(layerRows).toList();
        b.append('\n').append("Layers by cores (top ").append(rows.size()).append(" of ").append(r.mapping().populations().size())
                .append(")\n");
        line(b, "  %-32s %-12s %-18s %10s %8s %-16s %-18s %s", "layer", "kind", "shape", "neurons", "cores", "limit", "synapses",
                "notes");
        for (PopulationSummary ps : rows) {
            String notes = (ps.split() > 1 ? ps.split() + " partial sums " : "") + (ps.planes() > 1 ? ps.planes() + " bit planes" : "");
            line(b, "  %-32s %-12s %-18s %,10d %,8d %-16s %-18s %s", ps.node(), ps.kind(), ps.shape().replace(" ", ""),
                    ps.neurons(), ps.cores(), ps.bindingLimit(), ps.encoding(), notes);
        }
        if (!rep.warnings().isEmpty() || !registerWarnings.isEmpty()) {
            b.append('\n').append("Warnings\n");
            rep.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
            registerWarnings.forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        return b.toString();
    }

    /**
     * The registers line: how the exponents were sized and the layer nearest its registers' limits; returns
     * a warning per layer whose sums may not fit (u wrap-arounds or v saturations are then possible).
     */
    private static List<String> registers(StringBuilder b, List<PassRecord> passes) {
        List<String> warnings = new ArrayList<>();
        PassRecord q = passes.stream().filter(p -> p.id().equals(QuantizeWeights.ID)).findFirst().orElse(null);
        if (q == null) {
            return warnings;
        }
        String fullest = null;
        double use = 0;
        for (PassStatistics.LayerStat st : q.layers()) {
            if (st.metric().equals("range_use") && st.value() > use) {
                use = st.value();
                fullest = st.layer();
            }
            if (st.metric().equals("expected_overflow_channels") && st.value() > 0) {
                warnings.add(String.format(Locale.ROOT, "%s: %,.0f channel(s) can exceed the 24-bit current or membrane even at the "
                        + "smallest weight exponent (u may wrap, v saturate); stc run counts what happens", st.layer(), st.value()));
            }
        }
        line(b, "  registers     exponents sized for the %s; fullest layer %s at %.0f%% of its registers", q.parameters().get("ranges"),
                fullest, 100 * use);
        return warnings;
    }

    private static String counters(Map<String, Double> c) {
        StringBuilder s = new StringBuilder();
        c.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=')
                .append(v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", v.longValue()) : String.format(Locale.ROOT, "%.3g", v)));
        return s.toString();
    }

    private static String mb(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1fM", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1fK", bytes / 1024.0);
    }

    private static void line(StringBuilder b, String fmt, Object... args) {
        b.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }
}
