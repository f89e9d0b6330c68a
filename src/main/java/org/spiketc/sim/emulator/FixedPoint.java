package org.spiketc.sim.emulator;

/**
 * Loihi's integer neuron arithmetic (Lava {@code PyLifModelBitAcc}, FACTS.md 1.2), with the widths
 * named after the hardware quantities.
 *
 * <p>The int versions are branch-free and use no {@code Math.min}/{@code max}: inlined into a loop over
 * neurons they let HotSpot's auto-vectorizer handle many neurons per instruction.
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

    /**
     * v·keep/4096 truncated toward zero, as the hardware's multiply-and-shift does (keep = 4096 − decay), for
     * a 24-bit v without a 36-bit product: with v = hi·4096 + lo (0 ≤ lo < 4096), v·keep/4096 = hi·keep +
     * lo·keep/4096, and adding 4095 before the floor turns it into a truncation when v is negative.
     */
    static int decay(int v, int keep) {
        return (v >> DECAY_SHIFT) * keep + (((v & (DECAY_UNITY - 1)) * keep + ((v >> 31) & (DECAY_UNITY - 1))) >> DECAY_SHIFT);
    }

    /** u wraps modulo 2^24 into the signed range on overflow (it is not saturated on the chip). */
    static int wrap24(long x) {
        return (int) ((x << (64 - STATE_BITS)) >> (64 - STATE_BITS)); // keep the low 24 bits, sign-extended
    }

    /** v saturates to ±(2^23 − 1); x must lie within ±2^30. */
    static int saturate24(int x) {
        int above = x - V_MAX;
        x -= above & ~(above >> 31);
        int below = x + V_MAX;
        return x - (below & (below >> 31));
    }

    /** Relay values saturate like v. */
    static long saturate24(long x) {
        return Math.max(-V_MAX, Math.min(V_MAX, x));
    }

    /** Applies a weight exponent: a left shift, or for negative exponents an arithmetic right shift. */
    static long shift(long x, int exp) {
        return exp >= 0 ? x << exp : x >> -exp;
    }
}
