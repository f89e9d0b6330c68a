package org.spiketc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.spiketc.report.RunConfiguration;
import org.spiketc.report.RunConfiguration.Difference;

/**
 * How {@code stc runs} prints configurations: a compact column of a listing, every setting of one run,
 * and what two runs were configured differently. Keys are whatever the runs recorded ({@link RunConfiguration}).
 */
final class ConfigurationText {
    /** A listing's configuration column: room for a few settings, the rest behind an ellipsis ({@code --wide} prints all). */
    static final int COLUMN = 60;
    private static final String ELLIPSIS = "…";

    private ConfigurationText() {
    }

    /** One run's settings in a listing: those that differ among the listed runs, cut to {@link #COLUMN} unless {@code wide}. */
    static String column(Map<String, String> settings, List<String> differing, boolean wide) {
        String all = settings.isEmpty() ? "-" : RunConfiguration.summary(settings, differing);
        return wide || all.length() <= COLUMN ? all : all.substring(0, COLUMN - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** Every setting, one {@code key = value} a line under a heading, or that none was recorded. */
    static void full(PrintWriter out, Map<String, String> settings) {
        if (settings.isEmpty()) {
            out.println("  configuration: not recorded");
            return;
        }
        out.println("  configuration:");
        settings.forEach((k, v) -> out.println("    " + k + " = " + v));
    }

    /**
     * The settings whose values differ between the baseline and a run ({@code key: baseline -> current}, a
     * missing one as "-"), or "same configuration"; with {@code all}, the agreeing ones too ({@code key: value}).
     */
    static void differences(PrintWriter out, Map<String, String> baseline, Map<String, String> current, boolean all) {
        if (baseline.isEmpty() && current.isEmpty()) {
            out.println("  configuration: not recorded for either run");
            return;
        }
        List<Difference> shown = RunConfiguration.compare(baseline, current, !all);
        if (shown.isEmpty()) {
            out.println("  same configuration");
            return;
        }
        long differing = shown.stream().filter(d -> !Objects.equals(d.baseline(), d.current())).count();
        out.println(all ? "  configuration (every key, " + differing + " differ):" : "  configuration differs:");
        for (Difference d : shown) {
            boolean same = Objects.equals(d.baseline(), d.current());
            out.println("    " + (same ? d.key() + ": " + d.baseline() : d.text()));
        }
    }
}
