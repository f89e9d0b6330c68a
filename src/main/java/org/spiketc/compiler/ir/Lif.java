package org.spiketc.compiler.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-step LIF as in SpikingJelly's {@code MultiStepLIFNode} (decay_input, hard reset to 0):
 * H[t] = V[t-1] + (X[t] - V[t-1]) / tau; S[t] = (H[t] >= threshold); V[t] = H[t] (1 - S[t]).
 */
public record Lif(double tau, double threshold) implements Op {
    @Override
    public String kind() {
        return "lif";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        return in.get(0).withKind(ElementKind.SPIKE);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("tau", Format.num(tau));
        a.put("vth", Format.num(threshold));
        return a;
    }
}
