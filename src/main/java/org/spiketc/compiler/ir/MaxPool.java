package org.spiketc.compiler.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;

/** MaxPool2d on [C, H, W] with padding that never wins (PyTorch pads with -inf). */
public record MaxPool(int kernel, int stride, int padding) implements Op {
    @Override
    public String kind() {
        return "max_pool";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        Shape s = in.get(0).shape();
        if (s.rank() != 3) {
            throw new IrException("max_pool expects [C, H, W], got " + s);
        }
        return in.get(0).withShape(Shape.of(s.dim(0), Geometry.out(s.dim(1), kernel, stride, padding),
                Geometry.out(s.dim(2), kernel, stride, padding)));
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("k", Integer.toString(kernel));
        a.put("s", Integer.toString(stride));
        a.put("p", Integer.toString(padding));
        return a;
    }
}
