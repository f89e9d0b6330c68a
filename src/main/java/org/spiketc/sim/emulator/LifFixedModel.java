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
     * One step of the neurons {@code from..to} that share decay, bias and threshold. Branch-free, with
     * scalar parameters and two stores, so HotSpot vectorizes it (a further array in the loop stops it):
     * this loop is most of the emulator's neuron time.
     *
     * @param u      wrapped input currents ({@link FixedPoint#wrap24})
     * @param v      membranes, updated
     * @param spikes set to 1 where a neuron fired, else 0
     * @param vth    within [−2^23, 2^23 − 1] (see {@link #threshold})
     * @return neurons that were active: had input or charge
     */
    static int step(int[] u, int[] v, int[] spikes, int from, int to, int dv, int bias, int vth) {
        int keep = FixedPoint.DECAY_UNITY - dv;
        int active = 0;
        for (int i = from; i < to; i++) {
            int ui = u[i];
            int vi = v[i];
            int any = ui | vi;
            active += (any | -any) >>> 31;
            int next = FixedPoint.saturate24(FixedPoint.decay(vi, keep) + ui + bias);
            int spike = (vth - next) >>> 31; // 1 iff next > vth
            spikes[i] = spike;
            v[i] = next & (spike - 1); // reset to 0 after a spike
        }
        return active;
    }

    /** A threshold as {@link #step} takes it: v never leaves ±(2^23 − 1), so clamping there changes no outcome. */
    static int threshold(long vth) {
        return (int) Math.max(-FixedPoint.V_MAX - 1L, Math.min(FixedPoint.V_MAX, vth));
    }
}
