package org.spiketc.compiler.pass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrPrinter;

/**
 * Keeps the text dump of the IR before the pipeline and after each of its passes, keyed
 * {@code before} and {@code after <pass-id>}.
 */
public final class IrDumpInstrument implements PassInstrument {
    private final Map<String, String> dumps = new LinkedHashMap<>();
    private int depth;

    @Override
    public void runBeforePass(Pass pass, Graph graph, PassContext context) {
        if (depth++ == 0) {
            dumps.put("before", IrPrinter.print(graph));
        }
    }

    @Override
    public void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
        if (--depth > 0) {
            dumps.put("after " + pass.info().id(), IrPrinter.print(after));
        }
    }

    @Override
    public void runAfterPassFailed(Pass pass, Graph graph, RuntimeException failure, PassContext context) {
        depth--;
    }

    /** In the order they were taken. */
    public Iterable<Map.Entry<String, String>> ordered() {
        return dumps.entrySet();
    }
}
