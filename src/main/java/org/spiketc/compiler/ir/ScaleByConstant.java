package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;

/** Multiplies every element by a constant (the SSA scale 0.125). */
public record ScaleByConstant(double factor) implements Op {
    @Override
    public String kind() {
        return "scale";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        return in.get(0).withKind(ElementKind.FLOAT);
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("factor", Format.num(factor));
    }
}
