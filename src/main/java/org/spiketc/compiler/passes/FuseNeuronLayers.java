package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MaxPool;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;
import org.spiketc.tensor.DenseTensor;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;
import org.spiketc.tensor.Tensors;

/**
 * Fuses synapses and neurons into the mappable {@link NeuronLayer}s. Run after batch-norm folding
 * and attention lowering. Rewrites:
 * <ul>
 *   <li>lif(conv(x)) → LIF layer with conv synapses from x (the conv's folded bias becomes the layer's);</li>
 *   <li>lif(mean_tokens(x)) → LIF layer with token-sum synapses scaled 1/N (SDT head LIF);</li>
 *   <li>lif(x) for any other population x → LIF layer with identity synapses (membrane shortcut);</li>
 *   <li>add(a, b) → relay-sum layer with one synapse group per operand, absorbing an operand conv
 *       that has no other user (SDT's BN outputs added to the analog stream);</li>
 *   <li>max_pool(x) → relay-max layer with pool synapses (OR of spikes, max of graded values);</li>
 *   <li>conv(mean_time(mean_tokens(x))) → accumulator with global-dense synapses scaled 1/N
 *       (Spikformer classifier); mean_time(conv(x)) → accumulator with conv synapses (SDT classifier);</li>
 *   <li>any other conv → relay-sum layer (a graded population).</li>
 * </ul>
 * Reports {@code fused} (layers made) and {@code ops_absorbed}.
 */
public final class FuseNeuronLayers implements Pass {
    public static final String ID = "fuse-layers";

    @Override
    public PassInfo info() {
        return PassInfo.of(ID, "fuse synapses and neurons into mappable neuron layers", true);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        Set<String> absorbed = absorbed(g);
        GraphBuilder b = g.toBuilder();
        NodeReplacements replaced = new NodeReplacements();
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            if (absorbed.contains(n.name())) {
                ctx.statistics().count("ops_absorbed", 1);
                continue;
            }
            List<String> in = replaced.all(n.inputs());
            if (n.op() instanceof Lif lif) {
                Group grp = group(g, n.inputs().get(0), n.name(), replaced);
                emit(b, ctx, n.name(), List.of(grp), new Neuron.LifNeuron(lif.tau(), lif.threshold()));
            } else if (n.op() instanceof Add) {
                emit(b, ctx, n.name(), List.of(group(g, n.inputs().get(0), n.name(), replaced),
                        group(g, n.inputs().get(1), n.name(), replaced)), new Neuron.Relay(Neuron.Relay.Reduce.SUM));
            } else if (n.op() instanceof MaxPool p) {
                emit(b, ctx, n.name(), List.of(new Group(in.get(0), Synapses.unit(
                        new Connection.Pool(p.kernel(), p.stride(), p.padding()), 1.0), null)),
                        new Neuron.Relay(Neuron.Relay.Reduce.MAX));
            } else if (n.op() instanceof ScaleByConstant s) {
                emit(b, ctx, n.name(), List.of(new Group(in.get(0), Synapses.unit(new Connection.Identity(), s.factor()), null)),
                        new Neuron.Relay(Neuron.Relay.Reduce.SUM));
            } else if (n.op() instanceof Conv2d conv) {
                Node src = g.node(n.inputs().get(0));
                if (src.op() instanceof MeanTime && absorbed.contains(src.name())) {
                    Node tokens = g.node(src.inputs().get(0));
                    Shape x = g.node(tokens.inputs().get(0)).type().shape();
                    Tensor w2 = Tensors.reshape(conv.weight(), Shape.of(conv.outChannels(), conv.inChannels()));
                    emit(b, ctx, n.name(), List.of(new Group(replaced.of(tokens.inputs().get(0)),
                            new Synapses(new Connection.GlobalDense(), w2, 1.0 / (x.dim(1) * x.dim(2)), null), conv.bias())),
                            new Neuron.Accumulator());
                } else {
                    emit(b, ctx, n.name(), List.of(convGroup(conv, in.get(0))), new Neuron.Relay(Neuron.Relay.Reduce.SUM));
                }
            } else if (n.op() instanceof MeanTime) {
                Node conv = g.node(n.inputs().get(0));
                if (!(conv.op() instanceof Conv2d c) || !absorbed.contains(conv.name())) {
                    throw new IrException(n.name() + ": mean_time is only mappable right after the classifier");
                }
                emit(b, ctx, conv.name(), List.of(convGroup(c, replaced.of(conv.inputs().get(0)))), new Neuron.Accumulator());
                replaced.put(n.name(), conv.name());
            } else if (ReduceTokens.MEAN.equals(n.op())) {
                throw new IrException(n.name() + ": mean_tokens must feed a LIF or the classifier to be mappable");
            } else {
                b.copy(n, in);
            }
        }
        return b.build();
    }

    /** Ops a consumer takes in as its synapses instead of becoming populations of their own. */
    private static Set<String> absorbed(Graph g) {
        Set<String> a = new HashSet<>();
        for (Node n : g.nodes()) {
            List<String> users = g.users(n.name());
            if (users.size() != 1) {
                continue;
            }
            Node user = g.node(users.get(0));
            if (n.op() instanceof Conv2d && (user.op() instanceof Lif || user.op() instanceof Add || user.op() instanceof MeanTime)) {
                a.add(n.name());
            }
            if (ReduceTokens.MEAN.equals(n.op()) && user.op() instanceof Lif) {
                a.add(n.name());
            }
            if (ReduceTokens.MEAN.equals(n.op()) && user.op() instanceof MeanTime) {
                List<String> next = g.users(user.name());
                if (next.size() == 1 && g.node(next.get(0)).op() instanceof Conv2d) {
                    a.add(n.name());
                    a.add(user.name());
                }
            }
        }
        return a;
    }

    private record Group(String source, Synapses synapses, Tensor bias) {
    }

    private static Group group(Graph g, String operand, String consumer, NodeReplacements replaced) {
        Node src = g.node(operand);
        boolean onlyUser = g.users(operand).size() == 1;
        if (onlyUser && src.op() instanceof Conv2d conv) {
            return convGroup(conv, replaced.of(src.inputs().get(0)));
        }
        if (onlyUser && ReduceTokens.MEAN.equals(src.op())) {
            Shape x = g.node(src.inputs().get(0)).type().shape();
            return new Group(replaced.of(src.inputs().get(0)),
                    Synapses.unit(new Connection.TokenSum(), 1.0 / (x.dim(1) * x.dim(2))), null);
        }
        return new Group(replaced.of(operand), Synapses.unit(new Connection.Identity(), 1.0), null);
    }

    private static Group convGroup(Conv2d conv, String source) {
        return new Group(source, new Synapses(new Connection.Conv(conv.kernel(), conv.stride(), conv.padding()),
                conv.weight(), 1.0, null), conv.bias());
    }

    private static void emit(GraphBuilder b, PassContext ctx, String name, List<Group> groups, Neuron neuron) {
        List<Synapses> syn = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        float[] bias = null;
        for (Group grp : groups) {
            syn.add(grp.synapses);
            sources.add(grp.source);
            if (grp.bias != null) {
                float[] gb = grp.bias.data();
                if (bias == null) {
                    bias = gb.clone();
                } else {
                    for (int i = 0; i < bias.length; i++) {
                        bias[i] += gb[i];
                    }
                }
            }
        }
        b.add(name, new NeuronLayer(syn, neuron, bias == null ? null : new DenseTensor(Shape.of(bias.length), bias), null),
                sources);
        ctx.statistics().count("fused", 1);
    }
}
