package org.spiketc.compiler.ir;

import org.spiketc.tensor.Shape;

/**
 * The type of an IR value: the shape of one time step (activations use the [C, H, W] layout of the
 * official ImageNet code; a token is one (h, w) position), how many time steps it has, and its
 * element kind.
 */
public record TensorType(Shape shape, int timeSteps, ElementKind kind) {
    public TensorType {
        if (timeSteps <= 0) {
            throw new IllegalArgumentException("timeSteps must be positive");
        }
    }

    public TensorType withKind(ElementKind k) {
        return new TensorType(shape, timeSteps, k);
    }

    public TensorType withShape(Shape s) {
        return new TensorType(s, timeSteps, kind);
    }

    public TensorType withTimeSteps(int t) {
        return new TensorType(shape, t, kind);
    }

    /** Stable text form, e.g. {@code spike[384,8,8]xT4}. */
    @Override
    public String toString() {
        String dims = shape.toString().replace(" ", "");
        return kind.id() + dims + "xT" + timeSteps;
    }
}
