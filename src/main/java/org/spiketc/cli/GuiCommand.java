package org.spiketc.cli;

import java.util.concurrent.Callable;
import org.spiketc.gui.WorkbenchApp;
import org.spiketc.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stc gui}: the JavaFX workbench, on the same results database as the command line. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window (JavaFX) on the results database.")
final class GuiCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Results database as a JDBC URL (default: the H2 file in ~/.stc).")
    String url;

    @Override
    public Integer call() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new org.spiketc.common.UserInputException("no display: the workbench needs a graphical session (DISPLAY is not set); "
                    + "every stc command works without one");
        }
        Database.open(url != null ? url : Database.defaultUrl()); // a bad database: one message here, before any window
        WorkbenchApp.launchWith(url != null ? url : Database.defaultUrl());
        return ExitCodes.OK;
    }
}
