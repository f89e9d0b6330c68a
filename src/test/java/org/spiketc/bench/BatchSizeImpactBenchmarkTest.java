package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.Traffic;

/** The batch benchmark's own check: a batch's simulated figures must be the ones its images had in the full run. */
class BatchSizeImpactBenchmarkTest {
    static InferenceResult inference(double latencyMs, double energyMj) {
        return new InferenceResult(new float[] {1}, 0, List.of(), 0, 0, new PaperEnergy.Count(0, 0, energyMj), energyMj, latencyMs, Map.of(), Traffic.NONE, new long[0]);
    }

    static Evaluation.Outcome outcome(InferenceResult... results) {
        return new Evaluation.Outcome("emulator", results, new int[results.length], 0, 1, true, null);
    }

    @Test
    void aBatchWhoseImageGotAnotherLatencyOrEnergyFailsTheCheck() {
        Evaluation.Outcome all = outcome(inference(1.59, 0.5), inference(1.61, 0.6), inference(1.70, 0.7));
        assertThat(BatchSizeImpactBenchmark.sameSimulatedFigures(outcome(inference(1.59, 0.5), inference(1.61, 0.6)), all)).isTrue();
        assertThat(BatchSizeImpactBenchmark.sameSimulatedFigures(outcome(inference(1.59, 0.5), inference(1.61 + 1e-12, 0.6)), all)).isFalse();
        assertThat(BatchSizeImpactBenchmark.sameSimulatedFigures(outcome(inference(1.59, 0.5000001)), all)).isFalse();
        // an image that a cancelled run did not finish has nothing to compare
        assertThat(BatchSizeImpactBenchmark.sameSimulatedFigures(outcome(null, inference(1.61, 0.6)), all)).isTrue();
    }
}
