package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.NeuronLayer;

/**
 * prune-weights: magnitude pruning to a target sparsity. Only weights change, not the graph's text, so
 * these tests check the weights of the Fashion-MNIST Spikformer after fusion.
 */
class PruneWeightsTest {
    @Test
    void pruningReachesTheTargetSparsityPerLayer() {
        PassFixtures.Run r = PassFixtures.run(PassFixtures.fusedTiny(), new PruneWeights(0.6));
        var fractions = r.record(PruneWeights.ID).layers();
        assertThat(fractions).isNotEmpty();
        for (var s : fractions) {
            assertThat(s.value()).as(s.layer()).isBetween(0.59, 0.61);
        }
        float[] w = ((NeuronLayer) r.graph().node("block.0.mlp.fc2_lif").op()).synapses().get(0).weight().data();
        long zeros = 0;
        for (float v : w) {
            zeros += v == 0 ? 1 : 0;
        }
        assertThat((double) zeros / w.length).isCloseTo(0.6, within(0.01));
    }

    @Test
    void quickselectFindsTheKthSmallestMagnitude() {
        float[] w = {5, -1, 3, -4, 2, 0, -6, 7};
        assertThat(PruneWeights.threshold(w, 0.5)).isEqualTo(4f); // |w| sorted: 0 1 2 3 4 5 6 7
        assertThat(PruneWeights.threshold(w, 0.0)).isEqualTo(0f);
    }
}
