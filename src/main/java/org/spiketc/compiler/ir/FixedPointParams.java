package org.spiketc.compiler.ir;

/**
 * Integer neuron parameters per output channel, as a Loihi neuron core stores them
 * ({@link org.spiketc.hw.LoihiArithmetic} has the widths and the arithmetic).
 *
 * <p>One membrane unit of channel c is worth {@code lsb[c]} in the float model. A synaptic sum S of
 * mantissas reaches a LIF neuron's current as (S·2^weightExp[c]) &lt;&lt; 6 (Lava's activation shift); the
 * neuron fires when v exceeds {@code thresholdMant[c] << 6}; {@code biasMant[c] << biasExp[c]} is added every
 * step. The current decays by {@code decayU} (+1, Loihi's offset), the membrane by {@code decayV}, both 12-bit
 * (v ← v·(4096 − decayV)/4096). Relays and accumulators add S·2^weightExp[c] and the bias, unshifted.
 *
 * @param lsb           float value of one membrane unit per channel
 * @param weightExp     mantissa exponent per channel (Lava's weight_exp + 9 − bits)
 * @param thresholdMant 17-bit threshold mantissa per channel (0 for relays and accumulators)
 * @param biasMant      13-bit signed bias mantissa per channel
 * @param biasExp       3-bit bias exponent per channel
 * @param decayU        12-bit current decay (4095: u is each step's input alone)
 * @param decayV        12-bit membrane decay (4096/tau for tau = 2: 2048)
 */
public record FixedPointParams(float[] lsb, int[] weightExp, int[] thresholdMant, int[] biasMant, int[] biasExp, int decayU,
        int decayV) {
}
