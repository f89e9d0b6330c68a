package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The pipelined throughput against figures worked out by hand. */
class EnergyModelTest {
    @Test
    void aBatchStreamsThroughThePipelineOneInferenceEveryTStepsAfterTheFirst() {
        // T = 4 model steps, depth 17: one inference takes 4 + 17 - 1 = 20 chip steps; a latency of 2 ms makes a
        // step 0.1 ms. Alone: 1 inference in 2 ms. A batch of 4: 4·4 + 16 = 32 steps, 3.2 ms. Of 64: 272 steps, 27.2 ms.
        assertThat(EnergyModel.pipelinedThroughput(2.0, 1, 4, 17)).isCloseTo(500, within(1e-9));
        assertThat(EnergyModel.pipelinedThroughput(2.0, 4, 4, 17)).isCloseTo(1250, within(1e-9));
        assertThat(EnergyModel.pipelinedThroughput(2.0, 64, 4, 17)).isCloseTo(64 / 0.0272, within(1e-9));
        // a one-layer network has nothing to overlap: B inferences take B·T steps, as many per second as alone
        assertThat(EnergyModel.pipelinedThroughput(0.4, 64, 4, 1)).isCloseTo(2500, within(1e-9));
        assertThat(EnergyModel.pipelinedThroughput(0.4, 1, 4, 1)).isCloseTo(2500, within(1e-9));
    }
}
