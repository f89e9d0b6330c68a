package org.spiketc.compiler.pass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.compiler.ir.Graph;

/** A named sequence of passes; itself a pass, so its children nest under it in the timing tree. */
public final class Pipeline implements Pass {
    private final String name;
    private final List<Pass> passes;

    public Pipeline(String name, List<Pass> passes) {
        this.name = name;
        this.passes = List.copyOf(passes);
    }

    public List<Pass> passes() {
        return passes;
    }

    @Override
    public PassInfo info() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("passes", String.join(",", passes.stream().map(x -> x.info().id()).toList()));
        return new PassInfo(name, "pipeline " + name, p, false);
    }

    @Override
    public Graph run(Graph graph, PassContext context) {
        Graph g = graph;
        for (int i = 0; i < passes.size(); i++) {
            context.progress().progress(passes.get(i).info().id(), (double) i / passes.size());
            g = context.run(passes.get(i), g);
        }
        return g;
    }
}
