package org.spiketc.compiler.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A population of two-input coincidence neurons, one per element: it fires when both inputs spike
 * in the same step (an AND join of two compartments). Attention lowering turns SDSA's Hadamard
 * products into gates.
 */
public record Gate(GatePattern pattern, int heads) implements Op {
    @Override
    public String kind() {
        return "gate";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 2);
        TensorType a = in.get(0);
        TensorType b = in.get(1);
        if (b.kind() != ElementKind.SPIKE && a.kind() != ElementKind.SPIKE) {
            throw new IrException("gate needs at least one spike operand, got " + a + " and " + b);
        }
        ElementKind k = a.kind() == ElementKind.SPIKE && b.kind() == ElementKind.SPIKE ? ElementKind.SPIKE
                : (a.kind() == ElementKind.FLOAT || b.kind() == ElementKind.FLOAT ? ElementKind.FLOAT : ElementKind.INT);
        return a.withKind(k);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("pattern", pattern.label());
        a.put("heads", Integer.toString(heads));
        return a;
    }

    @Override
    public boolean mappable() {
        return true;
    }
}
