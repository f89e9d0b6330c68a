package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;

/**
 * Per-head product of activations in spiking self-attention (see {@link AttentionProduct} for the four
 * products and the two orders the official code uses).
 */
public record HeadMatMul(AttentionProduct product, int heads) implements Op {

    @Override
    public String kind() {
        return "head_matmul";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 2);
        TensorType a = in.get(0);
        TensorType b = in.get(1);
        return switch (product) {
            case QK -> {
                Shape s = chw(a);
                sameChw(a, b);
                int n = s.dim(1) * s.dim(2);
                yield a.withShape(Shape.of(heads, n, n)).withKind(ElementKind.INT);
            }
            case KV -> {
                Shape s = chw(a);
                sameChw(a, b);
                int d = s.dim(0) / heads;
                yield a.withShape(Shape.of(heads, d, d)).withKind(ElementKind.INT);
            }
            case AV -> {
                Shape v = chw(b);
                int n = v.dim(1) * v.dim(2);
                expect(a.shape(), Shape.of(heads, n, n));
                yield b.withKind(a.kind() == ElementKind.FLOAT ? ElementKind.FLOAT : ElementKind.INT);
            }
            case QM -> {
                Shape q = chw(a);
                int d = q.dim(0) / heads;
                expect(b.shape(), Shape.of(heads, d, d));
                yield a.withKind(b.kind() == ElementKind.FLOAT ? ElementKind.FLOAT : ElementKind.INT);
            }
        };
    }

    private Shape chw(TensorType t) {
        Shape s = t.shape();
        if (s.rank() != 3 || s.dim(0) % heads != 0) {
            throw new IrException("head_matmul " + product.formula() + " expects [C, H, W] with C divisible by " + heads + ", got " + s);
        }
        return s;
    }

    private void sameChw(TensorType a, TensorType b) {
        if (!a.shape().equals(b.shape())) {
            throw new IrException("head_matmul " + product.formula() + " operands differ: " + a.shape() + " vs " + b.shape());
        }
    }

    private void expect(Shape got, Shape want) {
        if (!got.equals(want)) {
            throw new IrException("head_matmul " + product.formula() + " expects " + want + ", got " + got);
        }
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("mode", product.formula(), "heads", Integer.toString(heads));
    }
}
