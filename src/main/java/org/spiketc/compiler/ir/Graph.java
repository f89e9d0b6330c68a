package org.spiketc.compiler.ir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable typed DAG whose nodes are kept in a topological order (every operand before its
 * users). Passes never modify a graph; they build a new one with {@link GraphBuilder}, sharing the
 * nodes and tensors they leave unchanged.
 */
public final class Graph {
    private final String name;
    private final int timeSteps;
    private final Map<String, Node> nodes;
    private Map<String, List<String>> users;

    Graph(String name, int timeSteps, LinkedHashMap<String, Node> nodes) {
        this.name = name;
        this.timeSteps = timeSteps;
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    public String name() {
        return name;
    }

    /** T, the number of time steps the input is presented. */
    public int timeSteps() {
        return timeSteps;
    }

    /** All nodes in topological order. */
    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Node node(String nodeName) {
        Node n = nodes.get(nodeName);
        if (n == null) {
            throw new IrException("no node named " + nodeName);
        }
        return n;
    }

    public boolean contains(String nodeName) {
        return nodes.containsKey(nodeName);
    }

    /** Names of the nodes that use {@code nodeName} as an operand, in graph order (once per use). */
    public synchronized List<String> users(String nodeName) {
        if (users == null) {
            Map<String, List<String>> u = new HashMap<>();
            for (Node n : nodes.values()) {
                for (String in : n.inputs()) {
                    u.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name());
                }
            }
            users = u;
        }
        return users.getOrDefault(nodeName, List.of());
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int edgeCount() {
        int e = 0;
        for (Node n : nodes.values()) {
            e += n.inputs().size();
        }
        return e;
    }

    public GraphBuilder toBuilder() {
        return new GraphBuilder(name, timeSteps);
    }
}
