package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.ir.TestGraphs;

/** eliminate-dead-code: what cannot change the output takes no core. */
class EliminateDeadCodeTest {
    @Test
    void nodesFromWhichTheOutputIsUnreachableAreRemoved() {
        GraphBuilder b = smallUpToItsLif();
        b.add("unused", new Lif(2, 1), "conv");
        b.add("unused_too", new Lif(2, 1), "unused");
        b.add("output", new Output(), "lif");
        PassFixtures.Run r = PassFixtures.rewrite("unreachable", b.build(), new EliminateDeadCode());
        assertThat(r.record(EliminateDeadCode.ID).counters()).containsEntry("removed_unreachable", 2.0);
    }

    @Test
    void aRelayThatForwardsItsInputUnchangedIsBypassedAndAScalingOneIsKept() {
        GraphBuilder b = smallUpToItsLif();
        b.add("pass", relay(1.0), "lif");
        b.add("pass_again", relay(1.0), "pass");
        b.add("half", relay(0.5), "pass_again");
        b.add("output", new Output(), "half");
        PassFixtures.Run r = PassFixtures.rewrite("pass-through-relays", b.build(), new EliminateDeadCode());
        assertThat(r.record(EliminateDeadCode.ID).counters()).containsEntry("removed_passthrough", 2.0)
                .doesNotContainKey("removed_unreachable");
    }

    /** {@link TestGraphs#small()} without its output: input, conv, lif. */
    static GraphBuilder smallUpToItsLif() {
        Graph g = TestGraphs.small();
        GraphBuilder b = g.toBuilder();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof Output)) {
                b.copy(n, n.inputs());
            }
        }
        return b;
    }

    static NeuronLayer relay(double scale) {
        return new NeuronLayer(List.of(Synapses.unit(new Connection.Identity(), scale)), new Neuron.Relay(Neuron.Relay.Reduce.SUM),
                null, null);
    }
}
