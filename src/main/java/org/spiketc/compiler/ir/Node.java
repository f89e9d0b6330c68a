package org.spiketc.compiler.ir;

import java.util.List;

/**
 * One value of the graph: an operation applied to earlier nodes.
 *
 * @param name   unique, stable, human-readable (official module path where there is one, e.g.
 *               {@code block.0.attn.q_lif}); per-layer reports and the binary use it
 * @param op     what is computed, with its attributes and parameters
 * @param inputs names of the operand nodes, in operand order
 * @param type   the result type
 */
public record Node(String name, Op op, List<String> inputs, TensorType type) {
    public Node {
        inputs = List.copyOf(inputs);
    }
}
