package org.spiketc.compiler.pass;

import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.tensor.Tensor;

/**
 * Size of a graph: nodes, edges, parameters and the bytes they take in the graph's current
 * number format (float32, or the quantized mantissa width).
 */
public record IrSize(int nodes, int edges, long parameters, long parameterBytes) {
    public static IrSize of(Graph g) {
        long params = 0;
        long bytes = 0;
        for (Node n : g.nodes()) {
            if (n.op() instanceof NeuronLayer l) {
                for (Synapses s : l.synapses()) {
                    if (s.weight() != null) {
                        long count = s.weight().shape().longSize();
                        params += count;
                        bytes += s.quantized() == null ? 4 * count : (count * s.quantized().bits() + 7) / 8;
                    }
                }
                if (l.bias() != null) {
                    params += l.bias().shape().longSize();
                    bytes += 4L * l.bias().shape().longSize();
                }
            } else {
                for (Tensor t : n.op().parameters()) {
                    params += t.shape().longSize();
                    bytes += 4 * t.shape().longSize();
                }
            }
        }
        return new IrSize(g.nodeCount(), g.edgeCount(), params, bytes);
    }
}
