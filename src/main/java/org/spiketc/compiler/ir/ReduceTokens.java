package org.spiketc.compiler.ir;

import java.util.List;
import org.spiketc.tensor.Shape;

/**
 * Reduces the tokens of each channel, [C, H, W] to [C, 1, 1]: their sum (SDSA's column sum) or their mean
 * (the classifier's global average). The two modes keep their own kinds in IR dumps, {@code token_sum} and
 * {@code mean_tokens}, as they were printed when they were two ops.
 */
public record ReduceTokens(Mode mode) implements Op {
    public enum Mode {
        SUM("token_sum"),
        MEAN("mean_tokens");

        private final String kind;

        Mode(String kind) {
            this.kind = kind;
        }
    }

    /** The token sum; compare with {@code ReduceTokens.SUM.equals(op)}. */
    public static final ReduceTokens SUM = new ReduceTokens(Mode.SUM);
    /** The token mean; compare with {@code ReduceTokens.MEAN.equals(op)}. */
    public static final ReduceTokens MEAN = new ReduceTokens(Mode.MEAN);

    @Override
    public String kind() {
        return mode.kind;
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, 1);
        Shape s = in.get(0).shape();
        if (s.rank() != 3) {
            throw new IrException(kind() + " expects [C, H, W], got " + s);
        }
        // A sum of counts is a count; a mean is a fraction.
        ElementKind k = mode == Mode.SUM && in.get(0).kind() != ElementKind.FLOAT ? ElementKind.INT : ElementKind.FLOAT;
        return in.get(0).withShape(Shape.of(s.dim(0), 1, 1)).withKind(k);
    }
}
