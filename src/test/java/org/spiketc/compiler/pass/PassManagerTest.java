package org.spiketc.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.CancelledException;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.TestGraphs;
import org.spiketc.testsupport.TestPassContext;

class PassManagerTest {
    /** A pass that sleeps a little, counts, and optionally fails or breaks the graph. */
    record Probe(String id, boolean fail) implements Pass {
        public PassInfo info() {
            return PassInfo.of(id, "probe", false);
        }

        public Graph run(Graph g, PassContext ctx) {
            ctx.statistics().count("runs", 1);
            ctx.statistics().layer("conv", "touched", 1);
            busy();
            if (fail) {
                throw new IllegalStateException("probe failed");
            }
            return g;
        }
    }

    static void busy() {
        long end = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Logs every hook call. */
    static final class Log implements PassInstrument {
        final List<String> calls = new ArrayList<>();

        public void enterContext(PassContext c) {
            calls.add("enter");
        }

        public void runBeforePass(Pass p, Graph g, PassContext c) {
            calls.add("before " + p.info().id());
        }

        public void runAfterPass(Pass p, Graph b, Graph a, PassContext c) {
            calls.add("after " + p.info().id());
        }

        public void runAfterPassFailed(Pass p, Graph g, RuntimeException e, PassContext c) {
            calls.add("failed " + p.info().id());
        }

        public void exitContext(PassContext c) {
            calls.add("exit");
        }
    }

    @Test
    void callsInstrumentsInTheDocumentedOrderAndNestsPipelines() {
        Log log = new Log();
        PassManager.run(new Pipeline("p", List.of(new Probe("a", false), new Probe("b", false))), TestGraphs.small(),
                TestPassContext.loihi2(log));
        assertThat(log.calls).containsExactly("enter", "before p", "before a", "after a", "before b", "after b", "after p", "exit");
    }

    @Test
    void reportsAFailingPassAndStillExitsTheContext() {
        Log log = new Log();
        assertThatThrownBy(() -> PassManager.run(new Pipeline("p", List.of(new Probe("a", false), new Probe("bad", true))),
                TestGraphs.small(), TestPassContext.loihi2(log))).hasMessage("probe failed");
        assertThat(log.calls).containsExactly("enter", "before p", "before a", "after a", "before bad", "failed bad", "failed p", "exit");
    }

    @Test
    void timingIsATreeWhoseSelfTimeExcludesChildren() {
        TimingInstrument t = new TimingInstrument();
        PassManager.run(new Pipeline("p", List.of(new Probe("a", false), new Probe("b", false))), TestGraphs.small(),
                TestPassContext.loihi2(t));
        PassTiming root = t.roots().get(0);
        assertThat(root.pass()).isEqualTo("p");
        assertThat(root.children()).extracting(PassTiming::pass).containsExactly("a", "b");
        long children = root.children().stream().mapToLong(PassTiming::totalNanos).sum();
        assertThat(root.selfNanos()).isEqualTo(root.totalNanos() - children);
        assertThat(root.children().get(0).totalNanos()).isGreaterThanOrEqualTo(2_000_000);
        assertThat(TimingInstrument.render(root)).contains("  a ").contains("self");
    }

    @Test
    void recordsMeasurementsAndStatisticsPerPassInRunOrder() {
        PassRecorder rec = new PassRecorder();
        PassManager.run(new Pipeline("p", List.of(new Probe("a", false), new Probe("b", false))), TestGraphs.small(),
                TestPassContext.loihi2(rec));
        assertThat(rec.records()).extracting(PassRecord::id).containsExactly("p", "a", "b");
        PassRecord a = rec.records().get(1);
        assertThat(a.depth()).isEqualTo(1);
        assertThat(a.cpuMillis()).isGreaterThan(0);
        assertThat(a.counters()).containsEntry("runs", 1.0);
        assertThat(a.layers()).containsExactly(new PassStatistics.LayerStat("conv", "touched", 1));
        assertThat(a.before().nodes()).isEqualTo(4);
    }

    @Test
    void theVerifierInstrumentNamesThePassThatBrokeTheGraph() {
        Pass breaker = new Pass() {
            public PassInfo info() {
                return PassInfo.of("breaker", "drops the output", false);
            }

            public Graph run(Graph g, PassContext ctx) {
                var b = g.toBuilder();
                for (var n : g.nodes()) {
                    if (!n.name().equals("output")) {
                        b.copy(n, n.inputs());
                    }
                }
                return b.build();
            }
        };
        assertThatThrownBy(() -> PassManager.run(new Pipeline("p", List.of(breaker)), TestGraphs.small(),
                TestPassContext.loihi2(new VerifierInstrument()))).isInstanceOf(IrException.class)
                .hasMessageStartingWith("after pass breaker:");
    }

    @Test
    void stopsAtTheNextPassWhenCancelled() {
        Cancellation c = new Cancellation();
        c.cancel();
        PassContext ctx = TestPassContext.loihi2(c);
        assertThatThrownBy(() -> PassManager.run(new Pipeline("p", List.of(new Probe("a", false))), TestGraphs.small(), ctx))
                .isInstanceOf(CancelledException.class);
    }
}
