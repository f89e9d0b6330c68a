package org.spiketc.sim.emulator;

import org.spiketc.hw.LoihiArithmetic;

/**
 * The integer helpers of the emulator's non-LIF neurons (relays and accumulators, which Loihi 2 runs as
 * microcode neurons that Lava does not model bit for bit): graded values saturate like v. The LIF's own
 * arithmetic is {@link LoihiArithmetic}.
 */
final class FixedPoint {
    private FixedPoint() {
    }

    /** Graded relay values saturate to ±(2^23 − 1), like v. */
    static long saturate24(long x) {
        return Math.max(-LoihiArithmetic.VOLTAGE_MAX, Math.min(LoihiArithmetic.VOLTAGE_MAX, x));
    }

    /** Applies a weight exponent to a 64-bit sum: a left shift, or for negative exponents an arithmetic right shift. */
    static long shift(long x, int exp) {
        return exp >= 0 ? x << exp : x >> -exp;
    }
}
