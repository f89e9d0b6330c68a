package org.spiketc.compiler.frontend;

import java.util.ArrayList;
import java.util.List;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MaxPool;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.ir.ScaleByConstant;

/**
 * One layer as the papers' energy formula counts it (Zhou et al. 2023, App. C.2, Eq. 21–24): the
 * first convolution reads the analog image and costs its dense MACs once; every other synaptic layer
 * costs SOPs = fr · T · FLOPs, fr the firing rate of the spike tensor it reads. Both engines evaluate
 * the same terms with their own spike counts ({@code org.spiketc.sim.PaperEnergy}), so they give the
 * same figure for the same spikes.
 *
 * <p>Conventions, where the papers leave a choice: FLOPs are those of the ANN-equivalent layer
 * without border clipping (convolution k²·Cin·Cout·Hout·Wout, as FLOP counters count it); an
 * attention product takes the firing rate of its spike operand, the first when both are spikes
 * (Q for Q·Kᵀ, V for the attention map times V); a layer reading time-averaged spikes (the classifier
 * head) runs once per inference at the rate of the spikes averaged. Residual adds, pooling and
 * column sums are not synaptic operations and are not counted.
 *
 * @param layer         the layer that performs the operations
 * @param rateSource    the node whose non-zero outputs set fr, or null for the analog first layer
 * @param flopsPerStep  MACs of the ANN-equivalent layer per time step
 * @param sourceNeurons elements of the rate source per step (0 for the analog layer)
 * @param everyStep     true when the layer runs at every step its source does, false when once per
 *                      inference on the source averaged over time
 */
public record PaperTerm(String layer, String rateSource, long flopsPerStep, long sourceNeurons, boolean everyStep) {

    public boolean analog() {
        return rateSource == null;
    }

    /** The terms of a front-end graph, in graph order. */
    public static List<PaperTerm> of(Graph g) {
        List<PaperTerm> terms = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof Conv2d conv) {
                long flops = n.type().shape().longSize() * conv.inChannels() * conv.kernel() * conv.kernel();
                Node in = g.node(n.inputs().get(0));
                if (in.op() instanceof Input) {
                    terms.add(new PaperTerm(n.name(), null, flops, 0, true));
                } else {
                    terms.add(synaptic(g, n, flops, n.inputs()));
                }
            } else if (n.op() instanceof HeadMatMul mm) {
                terms.add(synaptic(g, n, matmulFlops(mm, g, n), n.inputs()));
            } else if (n.op() instanceof Hadamard) {
                terms.add(synaptic(g, n, n.type().shape().longSize(), n.inputs()));
            }
        }
        return List.copyOf(terms);
    }

    /** A spike-input term: the rate comes from the first operand that carries spikes. */
    private static PaperTerm synaptic(Graph g, Node n, long flops, List<String> operands) {
        for (String operand : operands) {
            Node source = g.node(operand);
            boolean averaged = false;
            while (source.op() instanceof ScaleByConstant || ReduceTokens.MEAN.equals(source.op()) || source.op() instanceof MeanTime) {
                averaged |= source.op() instanceof MeanTime;
                source = g.node(source.inputs().get(0));
            }
            if (carriesSpikes(source)) {
                return new PaperTerm(n.name(), source.name(), flops, source.type().shape().longSize(), !averaged);
            }
        }
        throw new IllegalArgumentException(n.name() + ": no operand carries spikes, so the papers' formula has no rate for it");
    }

    /** Nodes whose outputs are spike messages on the chip as in the model: neurons, pooled and summed spikes, masks. */
    private static boolean carriesSpikes(Node n) {
        return n.op() instanceof Lif || n.op() instanceof MaxPool || n.op() instanceof Add || n.op() instanceof Hadamard;
    }

    private static long matmulFlops(HeadMatMul mm, Graph g, Node n) {
        var a = g.node(n.inputs().get(0)).type().shape();
        var b = g.node(n.inputs().get(1)).type().shape();
        return switch (mm.product()) {
            case QK -> n.type().shape().longSize() * (a.dim(0) / mm.heads());
            case AV -> n.type().shape().longSize() * (long) a.dim(2);
            case KV -> n.type().shape().longSize() * (long) (a.dim(1) * a.dim(2));
            case QM -> n.type().shape().longSize() * (long) b.dim(1);
        };
    }
}
