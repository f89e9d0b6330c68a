package org.spiketc.compiler.ir;

import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Tensor;

/**
 * An operation of the graph IR. Front-end ops mirror the PyTorch modules one to one (so the
 * reference simulator can reproduce PyTorch); {@link NeuronLayer} and {@link Gate} are the
 * primitives a Loihi-class core executes and are what fusion and attention lowering produce.
 */
public sealed interface Op permits Input, Output, Conv2d, BatchNorm, Lif, MaxPool, Add, HeadMatMul, ScaleByConstant, Hadamard,
        ReduceTokens, MeanTime, Gate, NeuronLayer {

    /** Stable lower-case name used in dumps and reports, e.g. {@code conv2d}. */
    String kind();

    /**
     * The result type for these operand types.
     *
     * @throws IrException when the operands do not fit the op
     */
    TensorType infer(List<TensorType> in);

    /** Attributes for the text dump, in a fixed order; most ops have none. */
    default Map<String, String> attributes() {
        return Map.of();
    }

    /** Learned tensors held by this op (for sizes and statistics); only weighted ops hold any. */
    default List<Tensor> parameters() {
        return List.of();
    }

    /** True for ops the mapper can place on cores (or host I/O). */
    default boolean mappable() {
        return false;
    }

    static void arity(String kind, List<TensorType> in, int n) {
        if (in.size() != n) {
            throw new IrException(kind + " takes " + n + " operand(s), got " + in.size());
        }
    }
}
