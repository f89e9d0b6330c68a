package org.spiketc.cli;

import java.io.PrintWriter;
import org.spiketc.common.CancelledException;
import org.spiketc.common.UserInputException;
import org.spiketc.result.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stc} command: compile spiking transformers for Loihi-class chips and measure them. */
@Command(name = "stc", mixinStandardHelpOptions = true, versionProvider = StcCommand.VersionProvider.class,
        description = "Spike-Transformer-Compiler: compile spiking transformers onto Loihi-class neuromorphic systems "
                + "(simulated) and report what they cost.",
        subcommands = {ModelsCommand.class, HardwareCommand.class, CompileCommand.class, RunCommand.class, InspectCommand.class, BenchCommand.class, RunsCommand.class, ReportCommand.class, GuiCommand.class,
                CommandLine.HelpCommand.class})
public final class StcCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code stc} with these arguments and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new StcCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USER;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UserInputException) {
                c.getErr().println("error: " + ex.getMessage());
                return ExitCodes.USER;
            }
            if (ex instanceof CancelledException) {
                c.getErr().println("cancelled");
                return ExitCodes.CANCELLED;
            }
            c.getErr().println("internal error: " + ex + " (please report it; set STC_DEBUG=1 for the stack trace)");
            if (System.getenv("STC_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more heap, e.g. java -Xmx8g -jar stc.jar ...");
            return ExitCodes.INTERNAL;
        }
    }

    /** Reads the version filtered in at build time. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stc " + Version.get() + " (commit " + Version.commit() + ")"};
        }
    }
}
