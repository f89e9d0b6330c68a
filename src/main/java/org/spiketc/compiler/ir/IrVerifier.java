package org.spiketc.compiler.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the invariants every pass must keep: operands defined before use, types equal to what each
 * op infers from its operands, exactly one input and one output (the output last), all values
 * sharing the graph's T except after a time mean, and, for graphs handed to the mapper, only
 * mappable ops.
 */
public final class IrVerifier {
    private IrVerifier() {
    }

    public static void verify(Graph g) {
        verify(g, false);
    }

    public static void verify(Graph g, boolean requireMappable) {
        Set<String> seen = new HashSet<>();
        int inputs = 0;
        int outputs = 0;
        Node last = null;
        for (Node n : g.nodes()) {
            List<TensorType> types = new ArrayList<>();
            for (String in : n.inputs()) {
                if (!seen.contains(in)) {
                    throw new IrException(n.name() + ": operand " + in + " is not defined before it");
                }
                types.add(g.node(in).type());
            }
            TensorType inferred;
            try {
                inferred = n.op().infer(types);
            } catch (IrException e) {
                throw new IrException(n.name() + ": " + e.getMessage());
            }
            if (!inferred.equals(n.type())) {
                throw new IrException(n.name() + ": recorded type " + n.type() + " but operands give " + inferred);
            }
            if (n.type().timeSteps() != g.timeSteps() && n.type().timeSteps() != 1) {
                throw new IrException(n.name() + ": has T=" + n.type().timeSteps() + " in a graph with T=" + g.timeSteps());
            }
            if (requireMappable && !n.op().mappable()) {
                throw new IrException(n.name() + ": " + n.op().kind() + " is not a mappable primitive (run fusion and lowering)");
            }
            inputs += n.op() instanceof Input ? 1 : 0;
            outputs += n.op() instanceof Output ? 1 : 0;
            seen.add(n.name());
            last = n;
        }
        if (inputs != 1 || outputs != 1) {
            throw new IrException("graph must have exactly one input and one output, has " + inputs + " and " + outputs);
        }
        if (!(last.op() instanceof Output)) {
            throw new IrException("the output node must be last, found " + last.name());
        }
    }
}
