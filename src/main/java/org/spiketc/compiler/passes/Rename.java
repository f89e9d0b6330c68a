package org.spiketc.compiler.passes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Operand renames a rewrite accumulates when it removes or merges nodes. */
final class Rename {
    private final Map<String, String> to = new HashMap<>();

    void put(String from, String target) {
        to.put(from, target);
    }

    boolean has(String name) {
        return to.containsKey(name);
    }

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
