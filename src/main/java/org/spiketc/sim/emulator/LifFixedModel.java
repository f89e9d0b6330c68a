package org.spiketc.sim.emulator;

/**
 * Loihi's CUBA LIF in integers (Lava {@code PyLifModelBitAcc}, FACTS.md 1.2), as this compiler
 * configures it for SpikingJelly's decay-input LIF: the current decays fully every step (du = 4095 with
 * Loihi 1's +1 offset, so u is just this step's input), the membrane keeps v·(4096 − dv)/4096.
 *
 * <pre>
 *   u[t] = wrap24(input[t])
 *   v[t] = saturate24(trunc0(v[t-1] · (4096 − dv) / 4096) + u[t] + bias)
 *   spike iff v[t] > vth (strict), then v[t] = 0
 * </pre>
 */
final class LifFixedModel {
    private LifFixedModel() {
    }

    /**
     * One step of one neuron.
     *
     * @return the new membrane, with the spike flag in the sign-free high bit: use {@link #spiked} and {@link #membrane}
     */
    static long step(long v, long input, int dv, int bias, int vth) {
        long u = FixedPoint.wrap24(input);
        long next = FixedPoint.saturate24(FixedPoint.decay(v, dv) + u + bias);
        return next > vth ? SPIKE : next;
    }

    /** Marker returned by {@link #step} when the neuron fired (its membrane is then 0). */
    static final long SPIKE = Long.MIN_VALUE;

    static boolean spiked(long stepResult) {
        return stepResult == SPIKE;
    }

    static long membrane(long stepResult) {
        return stepResult == SPIKE ? 0 : stepResult;
    }
}
