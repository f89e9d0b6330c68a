package org.spiketc.compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Builds a {@link Graph} node by node. Each node's type is inferred from its operands as it is
 * added, so a malformed graph fails at the node that breaks it.
 */
public final class GraphBuilder {
    private final String name;
    private final int timeSteps;
    private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();

    public GraphBuilder(String name, int timeSteps) {
        this.name = name;
        this.timeSteps = timeSteps;
    }

    public int timeSteps() {
        return timeSteps;
    }

    /** Adds a node and returns its name. */
    public String add(String nodeName, Op op, String... inputs) {
        return add(nodeName, op, List.of(inputs));
    }

    public String add(String nodeName, Op op, List<String> inputs) {
        if (nodes.containsKey(nodeName)) {
            throw new IrException("duplicate node name " + nodeName);
        }
        List<TensorType> types = new ArrayList<>();
        for (String in : inputs) {
            Node src = nodes.get(in);
            if (src == null) {
                throw new IrException(nodeName + ": operand " + in + " is not defined before it");
            }
            types.add(src.type());
        }
        TensorType t;
        try {
            t = op.infer(types);
        } catch (IrException e) {
            throw new IrException(nodeName + ": " + e.getMessage());
        }
        nodes.put(nodeName, new Node(nodeName, op, inputs, t));
        return nodeName;
    }

    /** Re-adds an existing node unchanged except for renamed operands (type re-inferred). */
    public String copy(Node n, List<String> inputs) {
        return add(n.name(), n.op(), inputs);
    }

    public TensorType type(String nodeName) {
        Node n = nodes.get(nodeName);
        if (n == null) {
            throw new IrException("no node named " + nodeName);
        }
        return n.type();
    }

    public boolean contains(String nodeName) {
        return nodes.containsKey(nodeName);
    }

    public Graph build() {
        return new Graph(name, timeSteps, new LinkedHashMap<>(nodes));
    }
}
