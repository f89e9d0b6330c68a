package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Max pooling of spikes as events (an OR per window) equals the dense max and counts the same operations. */
class PoolingTest {
    @ParameterizedTest(name = "{0}x{0} k{1} s{2} p{3}, rate {4}")
    @CsvSource({"28, 3, 2, 1, 0.03", "28, 3, 2, 1, 0.5", "14, 2, 2, 0, 0.1", "9, 3, 1, 1, 0.2", "7, 3, 2, 1, 1.0", "8, 3, 2, 1, 0"})
    void eventDrivenOrEqualsDenseMax(int size, int k, int s, int p, double rate) {
        Random r = new Random(size * 31L + k);
        int c = 3;
        int o = (size + 2 * p - k) / s + 1;
        int[] x = new int[c * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < rate ? 1 : 0;
        }
        int[] dense = new int[c * o * o];
        int[] events = new int[c * o * o];
        Arrays.fill(events, 7); // stale values from an earlier step must not survive
        long denseOps = SynapseKernels.maxPool(x, dense, c, size, size, o, o, k, s, p);
        long eventOps = SynapseKernels.orPool(x, events, c, size, size, o, o, k, s, p);
        assertThat(events).containsExactly(dense);
        assertThat(eventOps).isEqualTo(denseOps);
    }

    @Test
    void denseMaxKeepsNegativeGradedValues() {
        // one channel, 3x3 input, 2x2 windows, stride 1, no padding:
        //   -5 -2 -9      TL {-5,-2,-7,-6} -> -2   TR {-2,-9,-6,-3} -> -2
        //   -7 -6 -3      BL {-7,-6,-4,-8} -> -4   BR {-6,-3,-8,-1} -> -1
        //   -4 -8 -1      every read is non-zero: 4 windows x 4 reads = 16 operations
        int[] x = {-5, -2, -9, -7, -6, -3, -4, -8, -1};
        int[] out = new int[4];
        assertThat(SynapseKernels.maxPool(x, out, 1, 3, 3, 2, 2, 2, 1, 0)).isEqualTo(16);
        assertThat(out).containsExactly(-2, -2, -4, -1);
    }
}
