package org.spiketc.compiler.ir;

import java.util.List;

/** Element-wise residual add. Spikes plus spikes are counts (SEW add in Spikformer). */
public record Add() implements Op {
    @Override
    public String kind() {
        return "add";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 2);
        TensorType a = in.get(0);
        TensorType b = in.get(1);
        if (!a.shape().equals(b.shape()) || a.timeSteps() != b.timeSteps()) {
            throw new IrException("add operands differ: " + a + " vs " + b);
        }
        boolean real = a.kind() == ElementKind.FLOAT || b.kind() == ElementKind.FLOAT;
        return a.withKind(real ? ElementKind.FLOAT : ElementKind.INT);
    }
}
