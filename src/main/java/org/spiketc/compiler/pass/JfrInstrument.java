package org.spiketc.compiler.pass;

import java.util.ArrayDeque;
import java.util.Deque;
import org.spiketc.compiler.ir.Graph;

/** Emits a {@link PassEvent} per pass; costs nothing measurable when no recording runs. */
public final class JfrInstrument implements PassInstrument {
    private final Deque<PassEvent> open = new ArrayDeque<>();

    @Override
    public void runBeforePass(Pass pass, Graph graph, PassContext context) {
        PassEvent e = new PassEvent();
        e.pass = pass.info().id();
        if (e.isEnabled()) {
            e.nodesBefore = graph.nodeCount();
        }
        e.begin();
        open.push(e);
    }

    @Override
    public void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
        PassEvent e = open.pop();
        e.end();
        if (e.shouldCommit()) {
            e.nodesAfter = after.nodeCount();
            e.parameterBytesAfter = IrSize.of(after).parameterBytes();
            e.commit();
        }
    }

    @Override
    public void runAfterPassFailed(Pass pass, Graph graph, RuntimeException failure, PassContext context) {
        PassEvent e = open.pop();
        e.failed = true;
        e.commit();
    }
}
