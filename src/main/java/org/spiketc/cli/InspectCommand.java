package org.spiketc.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiketc.compiler.codegen.BinaryImage;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.sim.emulator.ChipEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stc inspect}: validate a binary and show its header and sections. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Validate a .nxe binary and print its header and sections.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.nxe")
    Path file;

    @Override
    public Integer call() {
        // As deep as stc run: decode every section with the reader's checks, then the emulator's load checks
        // against the profile the binary names (when it is a built-in one; a profile file is named at run time).
        BinaryProgram program = BinaryReader.load(file);
        BinaryImage b = program.image();
        boolean builtIn = HardwareProfiles.BUILT_IN.contains(b.profile());
        if (builtIn) {
            ChipEmulator.checkFits(program, HardwareProfiles.builtIn(b.profile()));
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: format %d, profile %s, %d chips, %d cores, T=%d, %,d bytes, CRC32C %08x (valid%s)%n", file,
                b.version(), b.profile(), b.chips(), b.cores(), b.timeSteps(), b.size(), b.crc32c(),
                builtIn ? "" : "; per-core limits are checked against the profile at run time");
        for (BinaryImage.Section s : b.sections()) {
            out.printf(Locale.ROOT, "  %-12s offset %,12d  length %,12d%n", s.name(), s.offset(), s.length());
        }
        return ExitCodes.OK;
    }
}
