package org.spiketc.compiler.ir;

import java.util.List;
import org.spiketc.tensor.Shape;

/**
 * Element-wise product of two [C, H, W] tensors; the second may be [C, 1, 1] and is then broadcast
 * over the tokens (SDSA's Q ⊗ SN(SUM_c(K ⊗ V))).
 */
public record Hadamard() implements Op {
    @Override
    public String kind() {
        return "hadamard";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 2);
        Shape a = in.get(0).shape();
        Shape b = in.get(1).shape();
        boolean broadcast = b.rank() == 3 && a.rank() == 3 && b.dim(0) == a.dim(0) && b.dim(1) == 1 && b.dim(2) == 1;
        if (!a.equals(b) && !broadcast) {
            throw new IrException("hadamard operands must match or broadcast [C,1,1]: " + a + " vs " + b);
        }
        boolean spikes = in.get(0).kind() == ElementKind.SPIKE && in.get(1).kind() == ElementKind.SPIKE;
        return in.get(0).withKind(spikes ? ElementKind.SPIKE : ElementKind.FLOAT);
    }
}
