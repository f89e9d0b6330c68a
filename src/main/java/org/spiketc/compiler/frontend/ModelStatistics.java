package org.spiketc.compiler.frontend;

import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.ElementKind;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.TensorType;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ParameterLayout;

/**
 * Size of a model as the papers count it, from its front-end graph (no weights touched).
 *
 * <p>Synaptic operations per time step follow Zhou et al. 2023, App. C.2:
 * SOPs(l) = r · FLOPs(l), r the firing rate of the layer's spike input, FLOPs the MACs of the
 * ANN-equivalent layer (conv k²·H·W·Cin·Cout, attention products per head). The first convolution
 * reads the analog image and is counted as MACs.
 *
 * @param params         learned parameters (weights, biases, BN affine; running statistics excluded)
 * @param neurons        LIF neurons (one per element of every LIF output)
 * @param synapses       synaptic connections of the convolutions and linears (unshared count)
 * @param firstLayerMacs MACs per time step of the analog first layer
 * @param macsPerStep    MACs per step of all other layers as if dense (the ANN count)
 * @param firingRate     the rate r the SOPs assume
 * @param sopsPerStep    r · macsPerStep
 */
public record ModelStatistics(long params, long neurons, long synapses, long firstLayerMacs, long macsPerStep,
        double firingRate, double sopsPerStep) {

    public static ModelStatistics of(ModelConfig c, Graph g, double rate) {
        long neurons = 0;
        long synapses = 0;
        long first = -1;
        long macs = 0;
        for (Node n : g.nodes()) {
            TensorType t = n.type();
            if (n.op() instanceof Lif) {
                neurons += t.shape().longSize();
            } else if (n.op() instanceof Conv2d conv) {
                long fan = (long) conv.inChannels() * conv.kernel() * conv.kernel();
                long count = t.shape().longSize() * fan;
                synapses += count;
                if (first < 0 && g.node(n.inputs().get(0)).type().kind() == ElementKind.FLOAT && n.inputs().get(0).equals("input")) {
                    first = count;
                } else {
                    macs += count;
                }
            } else if (n.op() instanceof HeadMatMul mm) {
                macs += matmulMacs(mm, g, n);
            } else if (n.op() instanceof Hadamard) {
                macs += t.shape().longSize();
            }
        }
        return new ModelStatistics(ParameterLayout.parameterCount(c), neurons, synapses, Math.max(0, first), macs, rate,
                rate * macs);
    }

    private static long matmulMacs(HeadMatMul mm, Graph g, Node n) {
        var a = g.node(n.inputs().get(0)).type().shape();
        var b = g.node(n.inputs().get(1)).type().shape();
        return switch (mm.mode()) {
            case QK_T -> (long) n.type().shape().longSize() * (a.dim(0) / mm.heads());
            case AV -> n.type().shape().longSize() * (long) a.dim(2);
            case KT_V -> n.type().shape().longSize() * (long) (a.dim(1) * a.dim(2));
            case Q_M -> n.type().shape().longSize() * (long) b.dim(1);
        };
    }
}
