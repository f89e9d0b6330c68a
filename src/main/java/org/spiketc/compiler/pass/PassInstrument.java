package org.spiketc.compiler.pass;

import org.spiketc.compiler.ir.Graph;

/**
 * Observes passes without being part of them (TVM's PassInstrument, MLIR's PassInstrumentation).
 *
 * <p>Call order for one {@link PassManager#run} : {@code enterContext}, then for each pass
 * {@code shouldRun} (every instrument must agree), {@code runBeforePass}, the pass, and
 * {@code runAfterPass} — or {@code runAfterPassFailed} if the pass threw, after which the exception
 * propagates — and finally {@code exitContext}, also on failure. Passes that run other passes
 * (pipelines) nest: the inner calls happen between the outer before and after.
 */
public interface PassInstrument {
    default void enterContext(PassContext context) {
    }

    default boolean shouldRun(Pass pass, Graph graph) {
        return true;
    }

    default void runBeforePass(Pass pass, Graph graph, PassContext context) {
    }

    default void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
    }

    default void runAfterPassFailed(Pass pass, Graph graph, RuntimeException failure, PassContext context) {
    }

    default void exitContext(PassContext context) {
    }
}
