package org.spiketc.compiler.passes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.GatePattern;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;

/**
 * Lowers spiking attention into primitives a neuromorphic core executes: {@link Gate} populations
 * and multi-compartment {@link NeuronLayer}s.
 *
 * <p>Spikformer's SSA, LIF(s·Q·Kᵀ·V), becomes two layers of multi-compartment coincidence neurons
 * ({@link Connection.Coincidence}): an accumulator of the first product and the attention LIF,
 * whose dendritic AND compartments form the second. Matrix products are associative, so the pass
 * may compute (Q·Kᵀ)·V ("qk-first": H·N² accumulators of d terms, then C·N neurons of N terms) or
 * Q·(Kᵀ·V) ("kv-first": H·d² accumulators of N terms, then C·N neurons of d terms); with
 * {@code order=auto} it picks the one with fewer compartments and reports the cost of both for
 * every block. Both are exact: counts of spikes are integers.
 *
 * <p>SDSA's Hadamard products become ELEMENTWISE / BROADCAST gates, and the column sum feeding the
 * talking-heads LIF becomes that LIF's token-sum synapses.
 */
public final class LowerAttention implements Pass {
    public static final String ID = "lower-attention";

    /** How to order the SSA triple product. */
    public enum Order { AUTO, AS_WRITTEN, QK_FIRST, KV_FIRST;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Order parse(String s) {
            for (Order o : values()) {
                if (o.id().equals(s)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown attention order '" + s + "' (auto, as-written, qk-first, kv-first)");
        }
    }

    private final Order order;
    private final double firingRate;

    public LowerAttention(Order order, double firingRate) {
        this.order = order;
        this.firingRate = firingRate;
    }

    @Override
    public PassInfo info() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("order", order.id());
        p.put("firing-rate", Double.toString(firingRate));
        return new PassInfo(ID, "lower spike matrix products and Hadamard/column sums to gates and accumulators", p, true);
    }

    /** An SSA chain ending in its attention LIF. */
    private record Ssa(String q, String k, String v, double scale, int heads, boolean writtenQkFirst, Lif lif,
            Set<String> replaced) {
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        Map<String, Ssa> byLif = new HashMap<>();
        Set<String> replaced = new HashSet<>();
        Set<String> absorbedTokenSums = new HashSet<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof Lif lif) {
                Ssa s = matchSsa(g, n, lif);
                if (s != null) {
                    byLif.put(n.name(), s);
                    replaced.addAll(s.replaced);
                }
                Node src = g.node(n.inputs().get(0));
                if (ReduceTokens.SUM.equals(src.op()) && g.users(src.name()).size() == 1) {
                    absorbedTokenSums.add(src.name());
                }
            }
        }
        GraphBuilder b = g.toBuilder();
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            if (replaced.contains(n.name()) || absorbedTokenSums.contains(n.name())) {
                continue;
            }
            Ssa ssa = byLif.get(n.name());
            if (ssa != null) {
                lowerSsa(b, n.name(), ssa, g, ctx);
            } else if (n.op() instanceof Hadamard) {
                boolean broadcast = !g.node(n.inputs().get(0)).type().shape().equals(g.node(n.inputs().get(1)).type().shape());
                b.add(n.name(), new Gate(broadcast ? GatePattern.BROADCAST : GatePattern.ELEMENTWISE, 1), n.inputs());
                ctx.statistics().count("hadamard_gates", 1);
            } else if (n.op() instanceof Lif lif && absorbedTokenSums.contains(n.inputs().get(0))) {
                String src = g.node(n.inputs().get(0)).inputs().get(0);
                b.add(n.name(), new NeuronLayer(List.of(Synapses.unit(new Connection.TokenSum(), 1.0)),
                        new Neuron.LifNeuron(lif.tau(), lif.threshold()), null, null), src);
                ctx.statistics().count("column_sums", 1);
            } else {
                b.copy(n, n.inputs());
            }
        }
        return b.build();
    }

    private static Ssa matchSsa(Graph g, Node lifNode, Lif lif) {
        Node top = g.node(lifNode.inputs().get(0));
        // CIFAR order: lif(av(scale(qk(q, k)), v))
        if (top.op() instanceof HeadMatMul av && av.product() == AttentionProduct.AV) {
            Node sc = g.node(top.inputs().get(0));
            if (sc.op() instanceof ScaleByConstant s) {
                Node qk = g.node(sc.inputs().get(0));
                if (qk.op() instanceof HeadMatMul m && m.product() == AttentionProduct.QK && single(g, top, sc, qk)) {
                    return new Ssa(qk.inputs().get(0), qk.inputs().get(1), top.inputs().get(1), s.factor(), m.heads(), true,
                            lif, Set.of(top.name(), sc.name(), qk.name()));
                }
            }
        }
        // ImageNet order: lif(scale(q_m(q, kt_v(k, v))))
        if (top.op() instanceof ScaleByConstant s) {
            Node qm = g.node(top.inputs().get(0));
            if (qm.op() instanceof HeadMatMul m && m.product() == AttentionProduct.QM) {
                Node kv = g.node(qm.inputs().get(1));
                if (kv.op() instanceof HeadMatMul m2 && m2.product() == AttentionProduct.KV && single(g, top, qm, kv)) {
                    return new Ssa(qm.inputs().get(0), kv.inputs().get(0), kv.inputs().get(1), s.factor(), m.heads(), false,
                            lif, Set.of(top.name(), qm.name(), kv.name()));
                }
            }
        }
        return null;
    }

    private static boolean single(Graph g, Node... nodes) {
        for (Node n : nodes) {
            if (g.users(n.name()).size() != 1) {
                return false;
            }
        }
        return true;
    }

    private void lowerSsa(GraphBuilder b, String lifName, Ssa s, Graph g, PassContext ctx) {
        var qShape = g.node(s.q).type().shape();
        int c = qShape.dim(0);
        int grid = qShape.dim(1);
        int n = qShape.dim(1) * qShape.dim(2);
        int d = c / s.heads;
        AttentionCost qk = AttentionCost.qkFirst(n, d, s.heads, firingRate);
        AttentionCost kv = AttentionCost.kvFirst(n, d, s.heads, firingRate);
        boolean qkFirst = switch (order) {
            case AUTO -> qk.compartments() < kv.compartments() || (qk.compartments() == kv.compartments() && s.writtenQkFirst);
            case AS_WRITTEN -> s.writtenQkFirst;
            case QK_FIRST -> true;
            case KV_FIRST -> false;
        };
        String block = lifName.substring(0, lifName.lastIndexOf('.') + 1);
        Neuron.LifNeuron neuron = new Neuron.LifNeuron(s.lif.tau(), s.lif.threshold());
        Neuron.Relay sum = new Neuron.Relay(Neuron.Relay.Reduce.SUM);
        if (qkFirst) {
            String acc = b.add(block + "qk", coincidence(AttentionProduct.QK, s, d, grid, 1.0, sum), s.q, s.k);
            b.add(lifName, coincidence(AttentionProduct.AV, s, d, grid, s.scale, neuron), acc, s.v);
        } else {
            String acc = b.add(block + "kv", coincidence(AttentionProduct.KV, s, d, grid, 1.0, sum), s.k, s.v);
            b.add(lifName, coincidence(AttentionProduct.QM, s, d, grid, s.scale, neuron), s.q, acc);
        }
        AttentionCost chosen = qkFirst ? qk : kv;
        ctx.statistics().count("ssa_lowered", 1);
        ctx.statistics().count("attention_compartments", chosen.compartments());
        ctx.statistics().layer(lifName, "compartments_qk_first", qk.compartments());
        ctx.statistics().layer(lifName, "compartments_kv_first", kv.compartments());
        ctx.statistics().layer(lifName, "synops_per_step_qk_first", qk.synopsPerStep());
        ctx.statistics().layer(lifName, "synops_per_step_kv_first", kv.synopsPerStep());
        ctx.statistics().note(lifName + ": " + qk.describe() + " | " + kv.describe() + " -> " + chosen.order()
                + " (" + (order == Order.AUTO ? "fewer compartments" : "order=" + order.id()) + ")");
    }

    /** A sum of products as a layer of multi-compartment neurons; the scale sits on operand 0. */
    private static NeuronLayer coincidence(AttentionProduct p, Ssa s, int d, int grid, double scale, Neuron neuron) {
        return new NeuronLayer(List.of(Synapses.unit(new Connection.Coincidence(p, 0, s.heads, d, grid), scale),
                Synapses.unit(new Connection.Coincidence(p, 1, s.heads, d, grid), 1.0)), neuron, null, null);
    }
}
