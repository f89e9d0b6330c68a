package org.spiketc.compiler.ir;

/**
 * Integer neuron parameters per output channel, as a Loihi-style core stores them.
 *
 * <p>Membrane and current are integers; one membrane unit of channel c is worth {@code lsb[c]} in
 * the float model. A synaptic event adds {@code mantissa << weightExp[c]}. A LIF neuron fires when
 * its membrane reaches {@code thresholdMant[c]}; {@code biasMant[c]} is added every step. The leak
 * is the 12-bit decay {@code decayV} (v ← v·(4096 − decayV)/4096, FACTS.md 1.2).
 *
 * @param lsb           float value of one membrane unit per channel
 * @param weightExp     left shift applied to mantissas per channel
 * @param thresholdMant firing threshold in membrane units per channel (0 for relays and accumulators)
 * @param biasMant      constant input per step in membrane units per channel
 * @param decayV        12-bit membrane decay (4096/tau for tau = 2: 2048)
 */
public record FixedPointParams(float[] lsb, int[] weightExp, int[] thresholdMant, int[] biasMant, int decayV) {
}
