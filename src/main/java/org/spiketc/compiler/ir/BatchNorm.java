package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** Inference BatchNorm over the channel axis: y = (x - mean) / sqrt(var + eps) * gamma + beta. */
public record BatchNorm(Tensor gamma, Tensor beta, Tensor mean, Tensor var, double eps) implements Op {
    @Override
    public String kind() {
        return "batch_norm";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        int c = in.get(0).shape().dim(0);
        for (Tensor t : parameters()) {
            if (!t.shape().equals(Shape.of(c))) {
                throw new IrException("batch_norm parameters must be [" + c + "], got " + t.shape());
            }
        }
        return in.get(0).withKind(ElementKind.FLOAT);
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("eps", Format.num(eps));
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(gamma, beta, mean, var);
    }
}
