package org.spiketc.sim.emulator;

/**
 * Loihi's integer neuron arithmetic (Lava {@code PyLifModelBitAcc}, FACTS.md 1.2), with the widths
 * named after the hardware quantities.
 */
final class FixedPoint {
    /** u and v are 24-bit signed registers. */
    static final int STATE_BITS = 24;
    /** Largest v: v saturates at ±(2^23 − 1) rather than wrapping. */
    static final int V_MAX = (1 << (STATE_BITS - 1)) - 1;
    /** Decays are 12-bit fractions of 2^12. */
    static final int DECAY_SHIFT = 12;
    static final int DECAY_UNITY = 1 << DECAY_SHIFT;

    private FixedPoint() {
    }

    /** x·(4096 − decay)/4096 truncated toward zero, as the hardware's multiply-and-shift does. */
    static long decay(long x, int decay) {
        long p = x * (DECAY_UNITY - decay);
        // arithmetic shift floors; adding 4095 to negative products first makes it truncate toward zero
        return (p + ((p >> 63) & (DECAY_UNITY - 1))) >> DECAY_SHIFT;
    }

    /** u wraps modulo 2^24 into the signed range on overflow (it is not saturated on the chip). */
    static long wrap24(long x) {
        return (x << (64 - STATE_BITS)) >> (64 - STATE_BITS); // keep the low 24 bits, sign-extended
    }

    /** v saturates to ±(2^23 − 1). */
    static long saturate24(long x) {
        return Math.max(-V_MAX, Math.min(V_MAX, x));
    }

    /** Applies a weight exponent: a left shift, or for negative exponents an arithmetic right shift. */
    static long shift(long x, int exp) {
        return exp >= 0 ? x << exp : x >> -exp;
    }
}
