package org.spiketc.compiler.passes;

import java.util.Map;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;

/**
 * Presents the input for fewer time steps. Every synaptic op and neuron update per inference
 * scales by T'/T, and so do energy and latency; accuracy usually drops (Spikformer-4-384 on CIFAR-10:
 * 95.19 % at T=4, 93.59 % at T=2, 93.51 % at T=1; Zhou et al. 2023, ablation). Reports {@code from}
 * and {@code to}.
 */
public final class ReduceTimeSteps implements Pass {
    public static final String ID = "reduce-time-steps";
    private final int timeSteps;

    public ReduceTimeSteps(int timeSteps) {
        if (timeSteps < 1) {
            throw new IllegalArgumentException("time steps must be at least 1");
        }
        this.timeSteps = timeSteps;
    }

    @Override
    public PassInfo info() {
        return new PassInfo(ID, "present the input for fewer time steps", Map.of("time-steps", Integer.toString(timeSteps)),
                false);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        ctx.statistics().count("from", g.timeSteps());
        ctx.statistics().count("to", timeSteps);
        GraphBuilder b = new GraphBuilder(g.name(), timeSteps);
        for (Node n : g.nodes()) {
            if (n.op() instanceof Input in) {
                b.add(n.name(), new Input(in.shape(), timeSteps), n.inputs());
            } else {
                b.copy(n, n.inputs());
            }
        }
        return b.build();
    }
}
