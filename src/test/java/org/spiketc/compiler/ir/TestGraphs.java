package org.spiketc.compiler.ir;

import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** Small hand-built graphs shared by tests. */
public final class TestGraphs {
    private TestGraphs() {
    }

    /** input [2,4,4] -> conv k1 to 3 channels -> lif -> output, T=2. */
    public static Graph small() {
        GraphBuilder b = new GraphBuilder("small", 2);
        b.add("input", new Input(Shape.of(2, 4, 4), 2));
        b.add("conv", new Conv2d(Tensor.filled(Shape.of(3, 2, 1, 1), 0.5f), null, 1, 0), "input");
        b.add("lif", new Lif(2, 1), "conv");
        b.add("output", new Output(), "lif");
        return b.build();
    }
}
