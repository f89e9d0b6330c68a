package org.spiketc.compiler.ir;

import java.util.List;

/** Marks the graph result (the logits), read by the host. */
public record Output() implements Op {
    @Override
    public String kind() {
        return "output";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        return in.get(0);
    }

    @Override
    public boolean mappable() {
        return true;
    }
}
