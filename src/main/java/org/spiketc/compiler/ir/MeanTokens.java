package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** Mean over the tokens: [C, H, W] to [C, 1, 1] (the classifier's global average). */
public record MeanTokens() implements Op {
    @Override
    public String kind() {
        return "mean_tokens";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        Shape s = in.get(0).shape();
        if (s.rank() != 3) {
            throw new IrException("mean_tokens expects [C, H, W], got " + s);
        }
        return in.get(0).withShape(Shape.of(s.dim(0), 1, 1)).withKind(ElementKind.FLOAT);
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of();
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }
}
