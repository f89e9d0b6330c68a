package org.spiketc.hw;

/**
 * The integer arithmetic of a Loihi neuron core, as Lava's bit-accurate models define it
 * ({@code PyLifModelBitAcc} and {@code PyDenseModelBitAcc}, lava-nc/lava {@code src/lava/proc/lif/models.py}
 * and {@code src/lava/proc/dense/models.py}; Davies et al., IEEE Micro 2018). The one place that names
 * every width and shift: the quantization pass chooses parameters with it, the binary writer and
 * reader check them against it, and the chip emulator computes with it.
 *
 * <p>Per time step, for a CUBA LIF neuron fed by a dense or convolutional synapse group:
 * <pre>
 *   a[t] = (Σ w·s[t−1]) &lt;&lt; weight_exp          (right shift, flooring, for a negative exponent)
 *   u[t] = wrap( trunc0(u[t−1]·(4096 − (du + 1))/4096) + (a[t] &lt;&lt; 6) )
 *   v[t] = clip( trunc0(v[t−1]·(4096 − dv)/4096) + u[t] + (bias_mant &lt;&lt; bias_exp), ±(2^23 − 1) )
 *   spike iff v[t] &gt; (vth &lt;&lt; 6); then v[t] = 0
 * </pre>
 * All sums are 32-bit two's-complement, as Lava's numpy int32 arrays are, so values beyond the
 * registers behave as Lava's do too.
 */
public final class LoihiArithmetic {
    /** u and v are 24-bit signed registers. */
    public static final int STATE_BITS = 24;
    /** 2^23: Lava's {@code max_uv_val}. u wraps at it; v saturates one below it. */
    public static final int STATE_LIMIT = 1 << (STATE_BITS - 1);
    /** Largest |v|: v saturates at ±(2^23 − 1). */
    public static final int VOLTAGE_MAX = STATE_LIMIT - 1;
    /** Decays are 12-bit fractions of 2^12 ({@code decay_shift}). */
    public static final int DECAY_SHIFT = 12;
    public static final int DECAY_UNITY = 1 << DECAY_SHIFT;
    /** du and dv are 12-bit unsigned registers: 0..4095. */
    public static final int DECAY_MAX = DECAY_UNITY - 1;
    /**
     * Loihi 1's 1-bit {@code ds_offset}, added to du so that the current can decay by exactly 4096/4096;
     * v has none ({@code dm_offset} = 0).
     */
    public static final int CURRENT_DECAY_OFFSET = 1;
    public static final int VOLTAGE_DECAY_OFFSET = 0;
    /** du that clears u every step: u is then this step's input alone (SpikingJelly's decay-input LIF). */
    public static final int CURRENT_DECAY_FULL = DECAY_UNITY - CURRENT_DECAY_OFFSET;
    /** The synaptic input is left-shifted by 6 bits to MSB-align it with the 24-bit current ({@code act_shift}). */
    public static final int ACTIVATION_SHIFT = 6;
    /** The threshold mantissa is left-shifted by 6 bits to MSB-align it with v ({@code vth_shift}). */
    public static final int THRESHOLD_SHIFT = 6;
    /** vth is a 17-bit unsigned mantissa: 0..131071. */
    public static final int THRESHOLD_MANT_BITS = 17;
    public static final int THRESHOLD_MANT_MAX = (1 << THRESHOLD_MANT_BITS) - 1;
    /** The bias is a 13-bit signed mantissa (−4096..4095) with a 3-bit unsigned exponent (0..7). */
    public static final int BIAS_MANT_BITS = 13;
    public static final int BIAS_MANT_MIN = -(1 << (BIAS_MANT_BITS - 1));
    public static final int BIAS_MANT_MAX = (1 << (BIAS_MANT_BITS - 1)) - 1;
    public static final int BIAS_EXP_BITS = 3;
    public static final int BIAS_EXP_MAX = (1 << BIAS_EXP_BITS) - 1;
    /**
     * Mixed-sign weights live in a 9-bit signed register (clipped to −256..255) of which a b-bit weight keeps
     * the top b bits (Lava {@code clip_weights} and {@code truncate_weights}): a b-bit mantissa m is the
     * weight m·2^(9−b), and this compiler's mantissa exponent e is Lava's {@code weight_exp} + (9 − b).
     */
    public static final int WEIGHT_REGISTER_BITS = 9;

    private LoihiArithmetic() {
    }

    /**
     * The dendritic accumulator's output: the sum of weights shifted by the weight exponent (flooring for a
     * negative one), then carried to the neuron in 32 bits, as Lava's Dense computes in 64 and its port in 32.
     */
    public static int activation(long sum, int exp) {
        return (int) (exp > 0 ? sum << exp : sum >> -exp);
    }

    /** trunc0(x·(4096 − d)/4096) for d = du + offset or dv + offset, as sign(x)·((|x|·keep) &gt;&gt; 12). */
    public static int decay(int x, int decayConstant) {
        long p = (long) x * (DECAY_UNITY - decayConstant);
        return (int) (p >= 0 ? p >> DECAY_SHIFT : -((-p) >> DECAY_SHIFT));
    }

    /**
     * Lava's wrap of u: above 2^23 it subtracts 2^24, at or below −2^23 it adds 2^24, once. So +2^23 is
     * kept and −2^23 becomes +2^23: u lies in (−2^23, 2^23].
     */
    public static int wrapCurrent(int x) {
        return x > STATE_LIMIT ? x - 2 * STATE_LIMIT : x <= -STATE_LIMIT ? x + 2 * STATE_LIMIT : x;
    }

    /** v saturates to ±(2^23 − 1). */
    public static int clipVoltage(int x) {
        return Math.max(-VOLTAGE_MAX, Math.min(VOLTAGE_MAX, x));
    }

    /** The level v must exceed to fire. */
    public static int effectiveThreshold(int vthMant) {
        return vthMant << THRESHOLD_SHIFT;
    }

    /** The bias added to v every step. */
    public static int effectiveBias(int mant, int exp) {
        return mant << exp;
    }

    /** Lava's {@code weight_exp} for a b-bit mantissa with this compiler's exponent e (see {@link #WEIGHT_REGISTER_BITS}). */
    public static int chipWeightExp(int mantissaExp, int bits) {
        return mantissaExp - (WEIGHT_REGISTER_BITS - bits);
    }

    /** The mantissa exponents a b-bit weight can have when the chip's weight exponent lies in [min, max]. */
    public static int mantissaExpMin(int chipExpMin, int bits) {
        return chipExpMin + (WEIGHT_REGISTER_BITS - bits);
    }

    public static int mantissaExpMax(int chipExpMax, int bits) {
        return chipExpMax + (WEIGHT_REGISTER_BITS - bits);
    }

    /**
     * The representable bias nearest {@code b} (in v units): the smallest exponent whose mantissa fits,
     * rounding half away from zero; beyond 4095·2^7 it saturates.
     *
     * @return {mantissa, exponent}
     */
    public static int[] encodeBias(double b) {
        for (int e = 0; e <= BIAS_EXP_MAX; e++) {
            long m = Math.round(Math.abs(b) / (1 << e)) * (long) Math.signum(b);
            if (m >= BIAS_MANT_MIN && m <= BIAS_MANT_MAX) {
                return new int[] {(int) m, e};
            }
        }
        return new int[] {b < 0 ? BIAS_MANT_MIN : BIAS_MANT_MAX, BIAS_EXP_MAX};
    }
}
