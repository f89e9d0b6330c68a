package org.spiketc.compiler.pass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.spiketc.compiler.ir.Graph;

/** Builds the {@link PassTiming} tree of a run: total and self wall time per pass, nested. */
public final class TimingInstrument implements PassInstrument {
    private static final class Frame {
        final String pass;
        final long start = System.nanoTime();
        final List<PassTiming> children = new ArrayList<>();

        Frame(String pass) {
            this.pass = pass;
        }
    }

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<PassTiming> roots = new ArrayList<>();

    @Override
    public void runBeforePass(Pass pass, Graph graph, PassContext context) {
        stack.push(new Frame(pass.info().id()));
    }

    @Override
    public void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
        close();
    }

    @Override
    public void runAfterPassFailed(Pass pass, Graph graph, RuntimeException failure, PassContext context) {
        close();
    }

    private void close() {
        Frame f = stack.pop();
        long total = System.nanoTime() - f.start;
        long children = f.children.stream().mapToLong(PassTiming::totalNanos).sum();
        PassTiming t = new PassTiming(f.pass, total, Math.max(0, total - children), List.copyOf(f.children));
        if (stack.isEmpty()) {
            roots.add(t);
        } else {
            stack.peek().children.add(t);
        }
    }

    /** Top-level timings, one per {@link PassManager#run} pipeline. */
    public List<PassTiming> roots() {
        return List.copyOf(roots);
    }

    /** Renders the tree with total, self and percent of the whole, for the text report. */
    public static String render(PassTiming root) {
        StringBuilder b = new StringBuilder();
        render(root, root.totalNanos(), 0, b);
        return b.toString();
    }

    private static void render(PassTiming t, long whole, int depth, StringBuilder b) {
        b.append(String.format(Locale.ROOT, "%s%-28s total %9.2f ms  self %9.2f ms  %5.1f%%%n",
                "  ".repeat(depth), t.pass(), t.totalMillis(), t.selfMillis(), whole == 0 ? 0 : 100.0 * t.totalNanos() / whole));
        for (PassTiming c : t.children()) {
            render(c, whole, depth + 1, b);
        }
    }
}
