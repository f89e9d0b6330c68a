package org.spiketc.compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * 2-D convolution on [C, H, W] per time step, weight [Cout, Cin, k, k], optional bias [Cout].
 * A token-wise Linear (or Conv1d kernel 1) is a Conv2d with k = 1: with the [C, H, W] layout every
 * (h, w) position is a token.
 */
public record Conv2d(Tensor weight, Tensor bias, int stride, int padding) implements Op {
    public int outChannels() {
        return weight.shape().dim(0);
    }

    public int inChannels() {
        return weight.shape().dim(1);
    }

    public int kernel() {
        return weight.shape().dim(2);
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        Shape ws = weight.shape();
        if (ws.rank() != 4 || ws.dim(2) != ws.dim(3)) {
            throw new IrException("conv2d weight must be [Cout, Cin, k, k], got " + ws);
        }
        if (bias != null && !bias.shape().equals(Shape.of(outChannels()))) {
            throw new IrException("conv2d bias must be [" + outChannels() + "], got " + bias.shape());
        }
        Shape s = in.get(0).shape();
        if (s.rank() != 3 || s.dim(0) != inChannels()) {
            throw new IrException("conv2d expects [" + inChannels() + ", H, W], got " + s);
        }
        return in.get(0).withShape(Shape.of(outChannels(), Geometry.out(s.dim(1), kernel(), stride, padding),
                Geometry.out(s.dim(2), kernel(), stride, padding))).withKind(ElementKind.FLOAT);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("weight", weight.shape().toString().replace(" ", ""));
        a.put("bias", bias == null ? "none" : bias.shape().toString());
        a.put("k", Integer.toString(kernel()));
        a.put("s", Integer.toString(stride));
        a.put("p", Integer.toString(padding));
        return a;
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> p = new ArrayList<>();
        p.add(weight);
        if (bias != null) {
            p.add(bias);
        }
        return p;
    }
}
