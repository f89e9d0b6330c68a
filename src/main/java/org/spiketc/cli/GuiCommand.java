package org.spiketc.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiketc.common.UserInputException;
import org.spiketc.gui.WorkbenchApp;
import org.spiketc.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stc gui}: the JavaFX workbench, on the same results database as the command line. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window (JavaFX) on the results database.")
final class GuiCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Results database as a JDBC URL (default: the H2 file in ~/.stc).")
    String url;

    @Option(names = "--measure-responsiveness", paramLabel = "N", description = "Run a live inference of N test images (the shipped "
            + "subset, repeated as needed) in the window, measure JavaFX pulse gaps, chart refresh rate and heap after GC per "
            + "thousand inferences, write them to --json and close.")
    Integer measure;

    @Option(names = "--json", paramLabel = "FILE", description = "Where --measure-responsiveness writes its report (default: gui-responsiveness.json).")
    Path json;

    @Override
    public Integer call() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new UserInputException("no display: the workbench needs a graphical session (DISPLAY is not set); "
                    + "every stc command works without one");
        }
        Database.open(url != null ? url : Database.defaultUrl()); // a bad database: one message here, before any window
        if (measure != null) {
            if (measure < 1) {
                throw new UserInputException("--measure-responsiveness needs a positive number of images, got " + measure);
            }
            WorkbenchApp.measureResponsiveness(url != null ? url : Database.defaultUrl(), measure,
                    json != null ? json : Path.of("gui-responsiveness.json"));
            return ExitCodes.OK;
        }
        WorkbenchApp.launchWith(url != null ? url : Database.defaultUrl());
        return ExitCodes.OK;
    }
}
