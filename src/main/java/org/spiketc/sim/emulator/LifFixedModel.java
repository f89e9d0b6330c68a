package org.spiketc.sim.emulator;

import org.spiketc.hw.LoihiArithmetic;

/**
 * Loihi's CUBA LIF in integers, bit for bit as Lava's {@code PyLifModelBitAcc} computes it (lava-nc/lava
 * {@code src/lava/proc/lif/models.py}; widths and shifts in {@link LoihiArithmetic}):
 *
 * <pre>
 *   u[t] = wrap( trunc0(u[t−1]·(4096 − (du + 1))/4096) + (a[t] &lt;&lt; 6) )
 *   v[t] = clip( trunc0(v[t−1]·(4096 − dv)/4096) + u[t] + bias, ±(2^23 − 1) )
 *   spike iff v[t] &gt; (vth &lt;&lt; 6), then v[t] = 0
 * </pre>
 *
 * where a is the synapses' activation after the weight exponent ({@link LoihiArithmetic#activation}). The
 * compiler configures du = 4095 for SpikingJelly's decay-input LIF (u is then this step's input alone);
 * the kernel takes any du so that it can be checked against Lava over the whole legal range.
 */
final class LifFixedModel {
    /** Indices into the overflow counters {@link #step} adds to. */
    static final int CURRENT_WRAPS = 0;
    static final int VOLTAGE_CLIPS = 1;

    private LifFixedModel() {
    }

    /**
     * One step of the neurons {@code from..to} that share decays, bias and threshold. Two loops of at most
     * three arrays each (current, then membrane), with conditional moves rather than branches, so HotSpot
     * can keep them tight: this is most of the emulator's neuron time.
     *
     * @param a        activations of this step (Lava's {@code a_in}), per neuron
     * @param u        currents, updated
     * @param v        membranes, updated
     * @param spikes   set to 1 where a neuron fired, else 0
     * @param du       12-bit current decay (Lava's du, before its offset)
     * @param dv       12-bit membrane decay
     * @param bias     effective bias, {@code bias_mant << bias_exp}
     * @param vth      threshold mantissa (17 bits); the neuron fires when v exceeds {@code vth << 6}
     * @param overflow adds the neurons whose u wrapped ({@link #CURRENT_WRAPS}) and whose v saturated
     *                 ({@link #VOLTAGE_CLIPS}) this step
     * @return neurons that were active: had input or charge
     */
    static int step(int[] a, int[] u, int[] v, int[] spikes, int from, int to, int du, int dv, int bias, int vth,
            long[] overflow) {
        int decayU = du + LoihiArithmetic.CURRENT_DECAY_OFFSET;
        int decayV = dv + LoihiArithmetic.VOLTAGE_DECAY_OFFSET;
        int wraps = 0;
        for (int i = from; i < to; i++) {
            // 32-bit sums, as Lava's int32 arrays: a value beyond the register wraps as it does there
            int x = LoihiArithmetic.decay(u[i], decayU) + (a[i] << LoihiArithmetic.ACTIVATION_SHIFT);
            int w = LoihiArithmetic.wrapCurrent(x);
            wraps += w != x ? 1 : 0;
            u[i] = w;
        }
        int threshold = LoihiArithmetic.effectiveThreshold(vth);
        int clips = 0;
        int active = 0;
        for (int i = from; i < to; i++) {
            int ui = u[i];
            int vi = v[i];
            int any = ui | vi;
            active += (any | -any) >>> 31;
            int y = LoihiArithmetic.decay(vi, decayV) + ui + bias;
            int next = LoihiArithmetic.clipVoltage(y);
            clips += next != y ? 1 : 0;
            int spike = next > threshold ? 1 : 0;
            spikes[i] = spike;
            v[i] = next & (spike - 1); // reset to 0 after a spike
        }
        overflow[CURRENT_WRAPS] += wraps;
        overflow[VOLTAGE_CLIPS] += clips;
        return active;
    }
}
