package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loihi's integer LIF (FACTS.md 1.2) on hand-computed cases; the arithmetic is in the comments. */
class LifFixedModelTest {
    /** Runs one neuron for n steps with a constant input and returns its spike raster. */
    static List<Integer> raster(int steps, int input, int dv, int bias, int vth) {
        List<Integer> r = new ArrayList<>();
        int[] v = {0};
        int[] spike = {0};
        for (int t = 0; t < steps; t++) {
            LifFixedModel.step(new int[] {input}, v, spike, 0, 1, dv, bias, LifFixedModel.threshold(vth));
            r.add(spike[0]);
        }
        return r;
    }

    @Test
    void halfDecayNeuronFiresEveryThirdStep() {
        // dv = 2048 (tau = 2): v <- trunc(v * 2048 / 4096) + 60.
        // v1 = 0 + 60 = 60; v2 = 30 + 60 = 90; v3 = 45 + 60 = 105 > 99 -> spike, v = 0; then it repeats.
        assertThat(raster(6, 60, 2048, 0, 99)).containsExactly(0, 0, 1, 0, 0, 1);
    }

    @Test
    void theThresholdIsStrict() {
        // v1 = 100, threshold 100: 100 > 100 is false, no spike; v2 = 50 + 100 = 150 > 100 -> spike.
        assertThat(raster(2, 100, 2048, 0, 100)).containsExactly(0, 1);
        // threshold 99: 100 > 99 fires at once.
        assertThat(raster(2, 100, 2048, 0, 99)).containsExactly(1, 1);
    }

    @Test
    void biasIsAddedEveryStep() {
        // input 0, bias 40, dv 2048: v1 = 40; v2 = 20 + 40 = 60; v3 = 30 + 40 = 70; v4 = 35 + 40 = 75; converges to 80 < 99.
        assertThat(raster(8, 0, 2048, 40, 99)).containsOnly(0);
        // bias 50: v -> 50, 75, 87, 93, 96, 98, 99, 99 (trunc(99/2) = 49, + 50 = 99): never > 99.
        assertThat(raster(10, 0, 2048, 50, 99)).containsOnly(0);
        // bias 51: 51, 76, 89, 95, 98, 100 > 99 -> fires at step 6.
        assertThat(raster(6, 0, 2048, 51, 99)).containsExactly(0, 0, 0, 0, 0, 1);
    }

    @Test
    void decayTruncatesTowardZeroForNegativeMembranes() {
        // v = -7, dv = 2048: -7 * 2048 / 4096 = -3.5 -> -3 (toward zero), not -4.
        assertThat(FixedPoint.decay(-7, 2048)).isEqualTo(-3);
        assertThat(FixedPoint.decay(7, 2048)).isEqualTo(3);
        // keep = 4096 (dv = 0) keeps the membrane; keep = 0 (dv = 4096) clears it.
        assertThat(FixedPoint.decay(-1234, 4096)).isEqualTo(-1234);
        assertThat(FixedPoint.decay(1234, 0)).isZero();
    }

    @Test
    void intDecayEqualsTheExactTruncatedProductForEvery24BitMembrane() {
        // Java's long division truncates toward zero: the hardware's multiply-and-shift, computed exactly.
        for (int keep : new int[] {0, 1, 1024, 2048, 2049, 3000, 4095, 4096}) {
            for (int v = -FixedPoint.V_MAX; v <= FixedPoint.V_MAX; v += 997) {
                assertThat(FixedPoint.decay(v, keep)).as("v=%d keep=%d", v, keep).isEqualTo((int) ((long) v * keep / 4096));
            }
            for (int v : new int[] {-FixedPoint.V_MAX, -4097, -4096, -4095, -1, 0, 1, 4095, 4096, FixedPoint.V_MAX}) {
                assertThat(FixedPoint.decay(v, keep)).as("v=%d keep=%d", v, keep).isEqualTo((int) ((long) v * keep / 4096));
            }
        }
    }

    @Test
    void currentWrapsAndMembraneSaturatesAt24Bits() {
        // u wraps modulo 2^24: 2^23 + 5 becomes -2^23 + 5.
        assertThat(FixedPoint.wrap24((1L << 23) + 5)).isEqualTo(-(1L << 23) + 5);
        // v saturates at 2^23 - 1 = 8,388,607: 8,388,000 + 1,000 -> 8,388,607 (with dv = 0 and a huge threshold).
        int[] v = {8_388_000};
        int[] spike = {0};
        LifFixedModel.step(new int[] {1_000}, v, spike, 0, 1, 0, 0, LifFixedModel.threshold(Integer.MAX_VALUE));
        assertThat(v[0]).isEqualTo(8_388_607);
        assertThat(spike[0]).isZero();
        assertThat(FixedPoint.saturate24(-9_000_000)).isEqualTo(-8_388_607);
        assertThat(FixedPoint.saturate24(-9_000_000L)).isEqualTo(-8_388_607L);
        // a threshold below -2^23 fires whatever the membrane
        LifFixedModel.step(new int[] {-8_000_000}, v, spike, 0, 1, 4096, 0, LifFixedModel.threshold(Integer.MIN_VALUE));
        assertThat(spike[0]).isOne();
    }

    @Test
    void weightExponentsShiftBothWays() {
        assertThat(FixedPoint.shift(5, 3)).isEqualTo(40);
        assertThat(FixedPoint.shift(40, -3)).isEqualTo(5);
        assertThat(FixedPoint.shift(-41, -3)).isEqualTo(-6); // arithmetic shift floors
    }
}
