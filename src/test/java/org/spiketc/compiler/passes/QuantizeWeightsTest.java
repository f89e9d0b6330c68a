package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.pass.PassStatistics;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * quantize-weights: every synapse group gets mantissas of the asked bits and every layer the chip's
 * integer neuron parameters. The text shows which groups are quantized ({@code q<bits>}) and the LIF
 * decay; the numbers are checked on the Fashion-MNIST Spikformer after fusion.
 */
class QuantizeWeightsTest {
    @Test
    void everySynapseGroupIsQuantizedAndEveryLifGetsTheChipsDecay() {
        GraphBuilder b = new GraphBuilder("q", 2);
        b.add("input", new Input(Shape.of(2, 2, 2), 2));
        b.add("conv", new Conv2d(Tensor.filled(Shape.of(3, 2, 1, 1), 0.5f), Tensor.filled(Shape.of(3), 0.1f), 1, 0), "input");
        b.add("lif", new Lif(2, 1), "conv");
        b.add("head", new Conv2d(Tensor.filled(Shape.of(2, 3, 1, 1), -0.25f), null, 1, 0), "lif");
        b.add("mean_time", new MeanTime(), "head");
        b.add("output", new Output(), "mean_time");
        Graph fused = PassFixtures.run(b.build(), new FuseNeuronLayers()).graph();
        PassFixtures.rewrite("conv-lif-classifier-4-bits", fused, new QuantizeWeights(4));
    }

    @Test
    void mantissasFitTheBitsAndDequantizedWeightsAreWithinHalfAStep() {
        Graph before = PassFixtures.fusedTiny();
        Graph after = PassFixtures.run(before, new QuantizeWeights(4)).graph();
        // fc1 reads spikes (unit 1): w_q = m * s_c with s_c = max|w_c| / 7 per output channel.
        String layer = "block.0.mlp.fc1_lif";
        float[] w = ((NeuronLayer) before.node(layer).op()).synapses().get(0).weight().data();
        Synapses q = ((NeuronLayer) after.node(layer).op()).synapses().get(0);
        float[] wq = q.weight().data();
        int cout = 256;
        int per = w.length / cout;
        for (int o = 0; o < cout; o++) {
            float max = 0;
            for (int j = 0; j < per; j++) {
                max = Math.max(max, Math.abs(w[o * per + j]));
            }
            for (int j = 0; j < per; j++) {
                int i = o * per + j;
                assertThat((int) q.quantized().mantissa()[i]).isBetween(-7, 7);
                assertThat((double) wq[i]).isCloseTo(w[i], within(max / 7 / 2 * 1.0001 + 1e-9));
            }
        }
        assertThat(q.quantized().bits()).isEqualTo(4);
    }

    @Test
    void thresholdsAreRescaledIntoTheChipsSeventeenBitMantissaShiftedBySix() {
        Graph after = PassFixtures.run(PassFixtures.fusedTiny(), new QuantizeWeights(8)).graph();
        for (Node n : after.nodes()) {
            if (n.op() instanceof NeuronLayer l && l.neuron() instanceof Neuron.LifNeuron lif) {
                var f = l.fixed();
                assertThat(f.decayV()).isEqualTo(2048); // 4096 / tau with tau = 2
                assertThat(f.decayU()).isEqualTo(4095); // u is each step's input alone
                for (int c = 0; c < f.lsb().length; c++) {
                    // the integer membrane holds tau * V; Loihi fires on v > vth * 2^6, i.e. from vth * 2^6 + 1
                    double thetaUnits = lif.tau() * lif.threshold() / f.lsb()[c];
                    double firesAt = f.thresholdMant()[c] * 64.0 + 1;
                    assertThat(firesAt).as(n.name()).isCloseTo(thetaUnits, within(thetaUnits * 1e-3));
                    assertThat(f.thresholdMant()[c] * 64.0).as("a membrane exactly at the threshold fires").isLessThan(thetaUnits);
                    assertThat(f.thresholdMant()[c]).isBetween(0, (1 << 17) - 1);
                    assertThat(f.biasMant()[c]).isBetween(-4096, 4095);
                    assertThat(f.biasExp()[c]).isBetween(0, 7);
                }
            }
        }
    }

    @Test
    void fewerBitsMeanLargerErrorAndTheReportSaysSo() {
                double e8 = rmse(PassFixtures.run(PassFixtures.fusedTiny(), new QuantizeWeights(8)));
        double e2 = rmse(PassFixtures.run(PassFixtures.fusedTiny(), new QuantizeWeights(2)));
        assertThat(e2).isGreaterThan(e8 * 10);
        assertThat(e8).isLessThan(0.02);
    }

    static double rmse(PassFixtures.Run r) {
        return r.record("quantize-weights").layers().stream().filter(s -> s.metric().equals("weight_rel_rmse"))
                .filter(s -> s.layer().equals("block.0.mlp.fc1_lif")).mapToDouble(PassStatistics.LayerStat::value).findFirst()
                .orElseThrow();
    }

    @Test
    void calibratedRangesGiveExponentsAtLeastAsLargeAsTheWorstCaseAndKeepEveryRegisterInRange() {
        Graph before = PassFixtures.fusedTiny();
        Map<String, float[]> seen = new HashMap<>();
        for (Node n : before.nodes()) {
            if (n.op() instanceof NeuronLayer l && l.neuron() instanceof Neuron.LifNeuron) {
                float[] small = new float[n.type().shape().dim(0)];
                Arrays.fill(small, 0.5f); // far below what the weights could produce
                seen.put(n.name(), small);
            }
        }
        ActivationRanges ranges = new ActivationRanges("test currents", 3, seen);
        PassFixtures.Run worst = PassFixtures.run(before, new QuantizeWeights(8));
        PassFixtures.Run calibrated = PassFixtures.run(before, new QuantizeWeights(8, ranges));
        assertThat(calibrated.record(QuantizeWeights.ID).parameters()).containsEntry("ranges", "calibrated on 3 images of test currents");
        assertThat(worst.record(QuantizeWeights.ID).parameters()).containsEntry("ranges", "worst case of the weights");
        boolean larger = false;
        for (String layer : seen.keySet()) {
            var w = ((NeuronLayer) worst.graph().node(layer).op()).fixed();
            var c = ((NeuronLayer) calibrated.graph().node(layer).op()).fixed();
            for (int o = 0; o < w.weightExp().length; o++) {
                assertThat(c.weightExp()[o]).as("%s channel %d", layer, o).isGreaterThanOrEqualTo(w.weightExp()[o]);
                larger |= c.weightExp()[o] > w.weightExp()[o];
                // the effective bias stays within its register: saturating it would change the neuron
                assertThat(Math.abs((long) c.biasMant()[o] << c.biasExp()[o])).isLessThanOrEqualTo(4095L << 7);
            }
        }
        assertThat(larger).as("some channel gains headroom from calibration").isTrue();
        for (PassStatistics.LayerStat st : calibrated.record(QuantizeWeights.ID).layers()) {
            if (st.metric().equals("range_use")) {
                assertThat(st.value()).as(st.layer()).isLessThanOrEqualTo(1.0);
            }
        }
    }
}
