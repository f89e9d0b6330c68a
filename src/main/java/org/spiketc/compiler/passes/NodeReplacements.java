package org.spiketc.compiler.passes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which node now stands for each node a rewrite removed or merged, so that later operands are redirected to it
 * (chains followed: a node replaced by a node that was itself replaced resolves to the last).
 */
final class NodeReplacements {
    private final Map<String, String> to = new HashMap<>();

    /** From now on {@code target} stands for {@code from}. */
    void put(String from, String target) {
        to.put(from, target);
    }

    /** Whether {@code name} was replaced. */
    boolean has(String name) {
        return to.containsKey(name);
    }

    /** The node that stands for {@code name}: itself unless it was replaced. */
    String of(String name) {
        String n = name;
        while (to.containsKey(n)) {
            n = to.get(n);
        }
        return n;
    }

    List<String> all(List<String> names) {
        return names.stream().map(this::of).toList();
    }
}
