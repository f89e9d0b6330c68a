package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * Per-head product of activations in spiking self-attention. Q, K, V are [C, H, W] spike tensors;
 * head h owns channels h·d .. h·d+d-1 (d = C / heads) and the N = H·W positions are the tokens.
 * The two orders of the official code are both expressible: CIFAR computes (Q·Kᵀ)·V with
 * {@link Mode#QK_T} then {@link Mode#AV}; ImageNet computes Q·(Kᵀ·V) with {@link Mode#KT_V} then
 * {@link Mode#Q_M}.
 */
public record HeadMatMul(Mode mode, int heads) implements Op {
    public enum Mode {
        /** A[h, n, m] = Σ_j Q[h·d+j, n] K[h·d+j, m]; result [heads, N, N]. */
        QK_T,
        /** X[h·d+j, n] = Σ_m A[h, n, m] V[h·d+j, m]; result [C, H, W]. */
        AV,
        /** M[h, i, j] = Σ_n K[h·d+i, n] V[h·d+j, n]; result [heads, d, d]. */
        KT_V,
        /** X[h·d+j, n] = Σ_i Q[h·d+i, n] M[h, i, j]; result [C, H, W]. */
        Q_M
    }

    @Override
    public String kind() {
        return "head_matmul";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 2);
        TensorType a = in.get(0);
        TensorType b = in.get(1);
        return switch (mode) {
            case QK_T -> {
                Shape s = chw(a);
                sameChw(a, b);
                int n = s.dim(1) * s.dim(2);
                yield a.withShape(Shape.of(heads, n, n)).withKind(ElementKind.INT);
            }
            case KT_V -> {
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
            case Q_M -> {
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
            throw new IrException("head_matmul " + mode + " expects [C, H, W] with C divisible by " + heads + ", got " + s);
        }
        return s;
    }

    private void sameChw(TensorType a, TensorType b) {
        if (!a.shape().equals(b.shape())) {
            throw new IrException("head_matmul " + mode + " operands differ: " + a.shape() + " vs " + b.shape());
        }
    }

    private void expect(Shape got, Shape want) {
        if (!got.equals(want)) {
            throw new IrException("head_matmul " + mode + " expects " + want + ", got " + got);
        }
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("mode", mode.name().toLowerCase(java.util.Locale.ROOT), "heads", Integer.toString(heads));
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }
}
