package org.spiketc.compiler.pass;

import org.spiketc.compiler.ir.Graph;

/** Runs a pipeline in a context, bracketing it with the instruments' enter and exit hooks. */
public final class PassManager {
    private PassManager() {
    }

    public static Graph run(Pass pipeline, Graph graph, PassContext context) {
        for (PassInstrument i : context.instruments()) {
            i.enterContext(context);
        }
        try {
            return context.run(pipeline, graph);
        } finally {
            for (PassInstrument i : context.instruments()) {
                i.exitContext(context);
            }
        }
    }
}
