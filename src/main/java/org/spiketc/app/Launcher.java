package org.spiketc.app;

import java.io.PrintWriter;
import org.spiketc.cli.StcCommand;

/**
 * The jar's entry point. A plain class (not a JavaFX Application) so the shaded jar starts without
 * module-path tricks; the workbench is launched from here with {@code gui}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = StcCommand.execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
