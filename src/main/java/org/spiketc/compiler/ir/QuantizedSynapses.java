package org.spiketc.compiler.ir;

/**
 * A synapse group in the target's integer format: signed mantissas of {@code bits} bits (the sign
 * included), laid out like the float weights ([Cout, Cin, k, k] or [Cout, Cin]); unit-weight
 * connections store one mantissa per output channel. The weight a neuron of channel c adds is
 * {@code mantissa << weightExp[c]} membrane units (see {@link FixedPointParams}).
 *
 * @param nonZero mantissas that are not 0 (pruned or rounded away), for sparse encodings
 */
public record QuantizedSynapses(int bits, byte[] mantissa, long nonZero) {
}
