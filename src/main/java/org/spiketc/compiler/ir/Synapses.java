package org.spiketc.compiler.ir;

import org.spiketc.tensor.Tensor;

/**
 * One synapse group of a {@link NeuronLayer}: a connection from one source node, its float weights
 * (null for unit-weight connections), a constant factor folded into every weight, and, after
 * quantization, the integer form.
 */
public record Synapses(Connection connection, Tensor weight, double scale, QuantizedSynapses quantized) {
    public Synapses withWeight(Tensor w) {
        return new Synapses(connection, w, scale, quantized);
    }

    public Synapses withQuantized(QuantizedSynapses q) {
        return new Synapses(connection, weight, scale, q);
    }

    public static Synapses unit(Connection c, double scale) {
        return new Synapses(c, null, scale, null);
    }
}
