package org.spiketc.cli;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiketc.hw.Figure;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.hw.SystemLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stc hardware}: the hardware profiles, or every figure of one with its source. */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = "List hardware profiles, or show every figure of one profile with its source.")
final class HardwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "A built-in id (loihi1, loihi2, loihi3) or a profile .json file.")
    String profile;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (profile == null) {
            out.printf(Locale.ROOT, "%-8s %-22s %-17s %6s %9s %10s %8s %s%n", "id", "name", "status", "cores", "neurons", "syn mem",
                    "graded", "systems (chips)");
            for (HardwareProfile p : HardwareProfiles.all()) {
                var c = p.chip();
                out.printf(Locale.ROOT, "%-8s %-22s %-17s %6d %9d %8dKB %8s %s%n", p.id(), p.name(), p.status(), p.coresPerChip(),
                        c.neuronsPerCore().intValue(), (int) (c.synapticMemoryBytesPerCore().value() / 1024),
                        c.supportsGradedSpikes() ? c.gradedSpikeBits().intValue() + "-bit" : "no",
                        String.join(", ", p.systems().stream().map(s -> Integer.toString(s.chips())).toList()));
            }
            out.println();
            out.println("Per core: neurons and synaptic memory. All hardware is simulated; 'stc hardware ID' shows every figure "
                    + "with its source. loihi3 is a projection, not a product.");
            return ExitCodes.OK;
        }
        HardwareProfile p = HardwareProfiles.resolve(profile);
        out.println(p.label());
        out.println(p.description());
        section(out, "chip", p.chip());
        section(out, "energy", p.energy());
        section(out, "timing", p.timing());
        out.println("systems");
        for (SystemLayout s : p.systems()) {
            out.printf(Locale.ROOT, "  %5d chips  %-18s %dx%d  [%s]%n", s.chips(), s.name(), s.columns(), s.rows(), s.source());
        }
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String name, Record r) {
        out.println(name);
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            try {
                Figure f = (Figure) rc.getAccessor().invoke(r);
                out.printf(Locale.ROOT, "  %-28s %s%n", rc.getName(), f.cited());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
