package org.spiketc.compiler.pass;

import org.spiketc.compiler.ir.Graph;

/**
 * A pure graph transform: it returns a new graph and never modifies its input. Statistics go to
 * {@link PassContext#statistics()}; everything else (timing, dumps, verification) is done by
 * {@link PassInstrument}s around it.
 */
public interface Pass {
    PassInfo info();

    Graph run(Graph graph, PassContext context);
}
