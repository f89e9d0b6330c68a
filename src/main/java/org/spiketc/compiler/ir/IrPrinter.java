package org.spiketc.compiler.ir;

import java.util.Map;
import java.util.TreeMap;

/**
 * The stable text form of a graph, one node per line:
 * <pre>
 * graph spikformer-4-384-cifar (T=4, 87 nodes)
 *   %block.0.attn.q_lif = lif(%block.0.attn.q_bn) {tau=2, vth=1} : spike[384,8,8]xT4
 * </pre>
 * Byte-for-byte identical for identical graphs, so dumps can be diffed across passes and runs.
 */
public final class IrPrinter {
    private IrPrinter() {
    }

    public static String print(Graph g) {
        StringBuilder b = new StringBuilder();
        b.append("graph ").append(g.name()).append(" (T=").append(g.timeSteps()).append(", ")
                .append(g.nodeCount()).append(" nodes)\n");
        for (Node n : g.nodes()) {
            b.append("  %").append(n.name()).append(" = ").append(n.op().kind()).append('(');
            for (int i = 0; i < n.inputs().size(); i++) {
                b.append(i == 0 ? "%" : ", %").append(n.inputs().get(i));
            }
            b.append(')');
            Map<String, String> attrs = n.op().attributes();
            if (!attrs.isEmpty()) {
                b.append(" {");
                boolean first = true;
                for (Map.Entry<String, String> e : new TreeMap<>(attrs).entrySet()) {
                    b.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
                    first = false;
                }
                b.append('}');
            }
            b.append(" : ").append(n.type()).append('\n');
        }
        return b.toString();
    }
}
