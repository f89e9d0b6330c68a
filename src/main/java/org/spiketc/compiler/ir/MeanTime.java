package org.spiketc.compiler.ir;

import java.util.List;

/** Mean over the T time steps; the result has one time step. */
public record MeanTime() implements Op {
    @Override
    public String kind() {
        return "mean_time";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        return in.get(0).withTimeSteps(1).withKind(ElementKind.FLOAT);
    }
}
