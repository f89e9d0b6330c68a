package org.spiketc.compiler.passes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;

/**
 * Removes what cannot affect the output:
 * <ol>
 *   <li>S1: nodes from which the output is unreachable (their populations would take cores for nothing);</li>
 *   <li>S2: pass-through relays — a relay-sum layer with a single unit identity group, scale 1 and no
 *       bias forwards its input unchanged, so its users read the input directly.</li>
 * </ol>
 * Reports {@code removed_unreachable} and {@code removed_passthrough}.
 */
public final class EliminateDeadCode implements Pass {
    public static final String ID = "eliminate-dead-code";

    @Override
    public PassInfo info() {
        return PassInfo.of(ID, "remove nodes that cannot reach the output and pass-through relays", false);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        // S1: mark everything the output depends on.
        Set<String> live = new HashSet<>();
        Deque<String> work = new ArrayDeque<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof Output) {
                work.push(n.name());
            }
        }
        while (!work.isEmpty()) {
            String s = work.pop();
            if (live.add(s)) {
                work.addAll(g.node(s).inputs());
            }
        }
        // S2: rebuild, skipping dead nodes and forwarding pass-through relays.
        GraphBuilder b = g.toBuilder();
        NodeReplacements replaced = new NodeReplacements();
        for (Node n : g.nodes()) {
            if (!live.contains(n.name())) {
                ctx.statistics().count("removed_unreachable", 1);
                continue;
            }
            if (isPassThrough(n)) {
                replaced.put(n.name(), replaced.of(n.inputs().get(0)));
                ctx.statistics().count("removed_passthrough", 1);
                continue;
            }
            b.copy(n, replaced.all(n.inputs()));
        }
        return b.build();
    }

    private static boolean isPassThrough(Node n) {
        return n.op() instanceof NeuronLayer l && l.neuron() instanceof Neuron.Relay r
                && r.reduce() == Neuron.Relay.Reduce.SUM && l.synapses().size() == 1 && l.bias() == null
                && l.synapses().get(0).connection() instanceof Connection.Identity && l.synapses().get(0).scale() == 1.0;
    }
}
