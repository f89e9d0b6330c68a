package org.spiketc.compiler.frontend;

import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.Node;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ParameterLayout;

/**
 * Size of a model as the papers count it, from its front-end graph (no weights touched).
 *
 * <p>Synaptic operations per time step follow Zhou et al. 2023, App. C.2, with the terms of
 * {@link PaperTerm} at an assumed firing rate r: SOPs = r · FLOPs of every spike-input layer. The
 * first convolution reads the analog image and is counted as MACs.
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
        for (Node n : g.nodes()) {
            if (n.op() instanceof Lif) {
                neurons += n.type().shape().longSize();
            } else if (n.op() instanceof Conv2d conv) {
                synapses += n.type().shape().longSize() * conv.inChannels() * conv.kernel() * conv.kernel();
            }
        }
        long first = 0;
        long macs = 0;
        for (PaperTerm t : PaperTerm.of(g)) {
            if (t.analog()) {
                first += t.flopsPerStep();
            } else {
                macs += t.flopsPerStep();
            }
        }
        return new ModelStatistics(ParameterLayout.parameterCount(c), neurons, synapses, first, macs, rate, rate * macs);
    }
}
