package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** Sum over the tokens: [C, H, W] to [C, 1, 1] (SDSA's column sum). */
public record TokenSum() implements Op {
    @Override
    public String kind() {
        return "token_sum";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        Shape s = in.get(0).shape();
        if (s.rank() != 3) {
            throw new IrException("token_sum expects [C, H, W], got " + s);
        }
        ElementKind k = in.get(0).kind() == ElementKind.FLOAT ? ElementKind.FLOAT : ElementKind.INT;
        return in.get(0).withShape(Shape.of(s.dim(0), 1, 1)).withKind(k);
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
