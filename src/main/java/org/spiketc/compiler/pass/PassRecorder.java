package org.spiketc.compiler.pass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.spiketc.common.ThreadCounters;
import org.spiketc.compiler.ir.Graph;

/**
 * Measures each pass: wall time, the CPU time and the bytes allocated of all live Java threads
 * (HotSpot's counters; passes may use a parallel stream, so the compiling thread alone would miss
 * work), IR size before and after, and the statistics the pass reported. With nothing else running
 * in the process these are the pass's own.
 */
public final class PassRecorder implements PassInstrument {

    private record Start(long wall, long cpu, long alloc, IrSize size) {
    }

    private final Deque<Start> stack = new ArrayDeque<>();
    private final List<PassRecord> records = new ArrayList<>();

    @Override
    public void runBeforePass(Pass pass, Graph graph, PassContext context) {
        stack.push(new Start(System.nanoTime(), ThreadCounters.cpuNanos(), ThreadCounters.allocatedBytes(), IrSize.of(graph)));
    }

    @Override
    public void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
        Start s = stack.pop();
        long wall = System.nanoTime() - s.wall;
        long cpu = Math.max(0, ThreadCounters.cpuNanos() - s.cpu);
        long alloc = Math.max(0, ThreadCounters.allocatedBytes() - s.alloc);
        PassStatistics st = context.statistics();
        PassInfo info = pass.info();
        // Children finish before their parent: insert the parent ahead of them so records read in run order.
        int at = records.size();
        while (at > 0 && records.get(at - 1).depth() > stack.size()) {
            at--;
        }
        records.add(at, new PassRecord(info.id(), info.description(), info.parameters(), stack.size(), wall / 1e6,
                cpu / 1e6, alloc, s.size, IrSize.of(after), st.counters(), st.layers(), st.notes()));
    }

    @Override
    public void runAfterPassFailed(Pass pass, Graph graph, RuntimeException failure, PassContext context) {
        stack.pop();
    }

    /** Records in run order, the pipeline (depth 0) before its passes. */
    public List<PassRecord> records() {
        return List.copyOf(records);
    }
}
