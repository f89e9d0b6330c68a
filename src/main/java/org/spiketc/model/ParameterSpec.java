package org.spiketc.model;

import org.spiketc.tensor.Shape;

/**
 * One learned tensor of an architecture, under the official state-dict key.
 *
 * @param key   official key, e.g. {@code block.0.attn.q_linear.weight}
 * @param shape canonical shape (Linear [out, in]; Conv2d [out, in, k, k]; vectors [n])
 * @param init  how seeded random weights fill it (PyTorch's default initialisers)
 * @param fanIn inputs per output, for the uniform bounds
 */
public record ParameterSpec(String key, Shape shape, Init init, int fanIn) {
    public enum Init {
        /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's kaiming_uniform(a=sqrt 5) for weights, and its bias init. */
        UNIFORM_FAN_IN,
        ONES,
        ZEROS
    }
}
