package org.spiketc.compiler.pass;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.hw.HardwareProfile;

/**
 * The environment passes run in: the target, the instruments, cancellation and progress, and the
 * statistics of the pass running now. One context serves one compilation on one thread.
 */
public final class PassContext {
    private final HardwareProfile target;
    private final List<PassInstrument> instruments;
    private final Cancellation cancellation;
    private final ProgressListener progress;
    private final Deque<PassStatistics> stats = new ArrayDeque<>();

    public PassContext(HardwareProfile target, List<PassInstrument> instruments, Cancellation cancellation,
            ProgressListener progress) {
        this.target = target;
        this.instruments = List.copyOf(instruments);
        this.cancellation = cancellation;
        this.progress = progress;
    }

    public HardwareProfile target() {
        return target;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public ProgressListener progress() {
        return progress;
    }

    List<PassInstrument> instruments() {
        return instruments;
    }

    /** Statistics of the innermost running pass. */
    public PassStatistics statistics() {
        PassStatistics s = stats.peek();
        if (s == null) {
            throw new IllegalStateException("no pass is running");
        }
        return s;
    }

    /**
     * Runs one pass with the instruments around it; pipelines use this for their children so the
     * timing tree nests.
     */
    public Graph run(Pass pass, Graph graph) {
        cancellation.check();
        for (PassInstrument i : instruments) {
            if (!i.shouldRun(pass, graph)) {
                return graph;
            }
        }
        stats.push(new PassStatistics());
        try {
            for (PassInstrument i : instruments) {
                i.runBeforePass(pass, graph, this);
            }
            Graph out;
            try {
                out = pass.run(graph, this);
            } catch (RuntimeException e) {
                for (PassInstrument i : instruments) {
                    i.runAfterPassFailed(pass, graph, e, this);
                }
                throw e;
            }
            for (PassInstrument i : instruments) {
                i.runAfterPass(pass, graph, out, this);
            }
            return out;
        } finally {
            stats.pop();
        }
    }
}
