package org.spiketc.compiler.ir;

import java.util.List;
import org.spiketc.tensor.Shape;

/** The static image [C, H, W], presented at every one of the graph's T time steps (host input). */
public record Input(Shape shape, int timeSteps) implements Op {
    @Override
    public String kind() {
        return "input";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 0);
        return new TensorType(shape, timeSteps, ElementKind.FLOAT);
    }

    @Override
    public boolean mappable() {
        return true;
    }
}
