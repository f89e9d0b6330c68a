package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiketc.hw.LoihiArithmetic;

/**
 * Loihi's integer LIF as Lava's bit-accurate model computes it, on hand-computed cases; the arithmetic is in
 * the comments (u ← wrap(decay(u) + a·2^6), v ← clip(decay(v) + u + bias), spike iff v &gt; vth·2^6).
 * {@code LavaGoldenTracesTest} checks the same kernel against traces made by Lava itself.
 */
class LifFixedModelTest {
    /** A neuron's state: current, membrane, last spike and the overflow counters. */
    static final class Neuron {
        final int[] u = {0};
        final int[] v = {0};
        final int[] spike = {0};
        final long[] overflow = new long[2];

        int step(int a, int du, int dv, int bias, int vth) {
            LifFixedModel.step(new int[] {a}, u, v, spike, 0, 1, du, dv, bias, vth, overflow);
            return spike[0];
        }
    }

    /** Runs one neuron with u cleared every step (du = 4095, as the compiler configures it) and returns its spikes. */
    static List<Integer> raster(int steps, int a, int dv, int bias, int vth) {
        Neuron n = new Neuron();
        List<Integer> r = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            r.add(n.step(a, LoihiArithmetic.CURRENT_DECAY_FULL, dv, bias, vth));
        }
        return r;
    }

    @Test
    void theInputIsShiftedLeftBySixBitsAndTheThresholdTooAndFiringIsStrict() {
        // a = 2 -> u = 128; threshold vth = 2 -> 128. v1 = 128, not > 128; v2 = 64 + 128 = 192 > 128 -> spike, v = 0; repeats.
        assertThat(raster(4, 2, 2048, 0, 2)).containsExactly(0, 1, 0, 1);
        // a = 1 -> u = 64: v = 64, 96, 112, 120, 124, 126, 127, 127 (trunc(127/2) = 63, + 64): converges below 128, never fires.
        assertThat(raster(10, 1, 2048, 0, 2)).containsOnly(0);
    }

    @Test
    void theBiasIsAddedUnshiftedEveryStep() {
        // a = 0, bias 70, dv 2048, threshold 128: v = 70, 35 + 70 = 105, 52 + 70 = 122, 61 + 70 = 131 > 128 -> fires at step 4.
        assertThat(raster(4, 0, 2048, 70, 2)).containsExactly(0, 0, 0, 1);
        assertThat(LoihiArithmetic.effectiveBias(-4096, 7)).isEqualTo(-524_288);
    }

    @Test
    void aCurrentThatDecaysSlowlyCarriesOverToTheNextStep() {
        // du = 2047 -> decay constant 2048 (Loihi's +1): u1 = 64, u2 = 32 + 64 = 96, u3 = 48 + 64 = 112;
        // dv = 4095 keeps 1/4096 of v, which truncates to 0 here, so v equals u.
        Neuron n = new Neuron();
        int[] expected = {64, 96, 112};
        for (int u : expected) {
            n.step(1, 2047, 4095, 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
            assertThat(n.u[0]).isEqualTo(u);
            assertThat(n.v[0]).isEqualTo(u);
        }
    }

    @Test
    void decayTruncatesTowardZeroForNegativeValues() {
        // -7 * (4096 - 2048) = -14,336; |.| >> 12 = 3 (3.5 truncated), so -3 rather than -4.
        assertThat(LoihiArithmetic.decay(-7, 2048)).isEqualTo(-3);
        assertThat(LoihiArithmetic.decay(7, 2048)).isEqualTo(3);
        // decay constant 0 keeps the value; 4096 (du = 4095 + 1) clears it.
        assertThat(LoihiArithmetic.decay(-1234, 0)).isEqualTo(-1234);
        assertThat(LoihiArithmetic.decay(1234, 4096)).isZero();
        for (int d : new int[] {0, 1, 1024, 2048, 2049, 3000, 4095, 4096}) {
            for (int x = -LoihiArithmetic.VOLTAGE_MAX; x <= LoihiArithmetic.VOLTAGE_MAX; x += 9973) {
                assertThat(LoihiArithmetic.decay(x, d)).as("x=%d d=%d", x, d).isEqualTo((int) ((long) x * (4096 - d) / 4096));
            }
        }
    }

    @Test
    void theCurrentKeepsPlusTwoToThe23AndWrapsMinusTwoToThe23ToIt() {
        Neuron n = new Neuron();
        int full = LoihiArithmetic.CURRENT_DECAY_FULL;
        // a = 2^17 -> u = 2^23: not above 2^23, kept (one beyond the 24-bit range, as Lava keeps it).
        n.step(1 << 17, full, 2048, 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
        assertThat(n.u[0]).isEqualTo(1 << 23);
        assertThat(n.overflow[LifFixedModel.CURRENT_WRAPS]).isZero();
        // a = -2^17 -> -2^23: at or below -2^23, so 2^24 is added: +2^23, counted as a wrap.
        n.step(-(1 << 17), full, 2048, 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
        assertThat(n.u[0]).isEqualTo(1 << 23);
        assertThat(n.overflow[LifFixedModel.CURRENT_WRAPS]).isOne();
        // a = 2^17 + 1 -> 2^23 + 64, above 2^23: 64 - 2^23.
        n.step((1 << 17) + 1, full, 2048, 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
        assertThat(n.u[0]).isEqualTo(64 - (1 << 23));
        assertThat(n.overflow[LifFixedModel.CURRENT_WRAPS]).isEqualTo(2);
    }

    @Test
    void theMembraneSaturatesOneBelowTwoToThe23AndIsCounted() {
        Neuron n = new Neuron();
        int full = LoihiArithmetic.CURRENT_DECAY_FULL;
        // v = 0 + 2^23 = 8,388,608 -> 8,388,607; above the largest threshold 131,071 * 64 = 8,388,544, so it fires.
        assertThat(n.step(1 << 17, full, 0, 0, LoihiArithmetic.THRESHOLD_MANT_MAX)).isOne();
        assertThat(n.overflow[LifFixedModel.VOLTAGE_CLIPS]).isOne();
        assertThat(n.v[0]).isZero();
        // a = -(2^17 - 1) -> u = -8,388,544; dv = 0: v1 = -8,388,544; v2 = -16,777,088 -> -8,388,607.
        n.step(-((1 << 17) - 1), full, 0, 0, 0);
        assertThat(n.v[0]).isEqualTo(-8_388_544);
        n.step(-((1 << 17) - 1), full, 0, 0, 0);
        assertThat(n.v[0]).isEqualTo(-8_388_607);
        assertThat(n.overflow[LifFixedModel.VOLTAGE_CLIPS]).isEqualTo(2);
    }

    @Test
    void theWeightExponentShiftsTheSumBothWaysInThirtyTwoBits() {
        assertThat(LoihiArithmetic.activation(5, 3)).isEqualTo(40);
        assertThat(LoihiArithmetic.activation(40, -3)).isEqualTo(5);
        assertThat(LoihiArithmetic.activation(-41, -3)).isEqualTo(-6); // arithmetic shift floors
        assertThat(LoihiArithmetic.activation(1L << 31, 0)).isEqualTo(Integer.MIN_VALUE); // int32, as Lava's arrays
        assertThat(FixedPoint.shift(-41, -3)).isEqualTo(-6);
        assertThat(FixedPoint.saturate24(-9_000_000L)).isEqualTo(-8_388_607L);
    }
}
