package org.spiketc.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

class ReferenceSimulatorTest {
    /** input [1,1,1] x T -> conv k1 (weight w) -> lif(tau 2, vth 1) -> mean over time -> output. */
    static Graph oneNeuron(float w, int steps) {
        GraphBuilder b = new GraphBuilder("one", steps);
        b.add("input", new Input(Shape.of(1, 1, 1), steps));
        b.add("conv", new Conv2d(Tensor.of(Shape.of(1, 1, 1, 1), new float[] {w}), null, 1, 0), "input");
        b.add("lif", new Lif(2, 1), "conv");
        b.add("mean_time", new MeanTime(), "lif");
        b.add("output", new Output(), "mean_time");
        return b.build();
    }

    @Test
    void lifChargesHalfwayEachStepAndResetsToZero() {
        // x = 1.5 every step. H1 = 0 + (1.5 - 0)/2 = 0.75 (no spike, V = 0.75);
        // H2 = 0.75 + (1.5 - 0.75)/2 = 1.125 >= 1 -> spike, V = 0; H3 = 0.75; H4 = 1.125 -> spike.
        // Spikes at steps 2 and 4: mean over T = 2/4 = 0.5.
        InferenceResult r = new ReferenceSimulator(oneNeuron(1.5f, 4)).run(new float[] {1f});
        assertThat(r.logits()).containsExactly(0.5f);
        LayerActivity lif = r.layers().stream().filter(l -> l.layer().equals("lif")).findFirst().orElseThrow();
        assertThat(lif.spikes()).isEqualTo(2);
        assertThat(lif.firingRate()).isEqualTo(0.5);
    }

    @Test
    void firesOnReachingTheThresholdExactly() {
        // x = 2: H1 = 1.0 exactly -> fires on >= (SpikingJelly's heaviside(H - V_th) is 1 at 0); every step.
        InferenceResult r = new ReferenceSimulator(oneNeuron(2f, 4)).run(new float[] {1f});
        assertThat(r.logits()).containsExactly(1f);
        assertThat(r.layers().stream().filter(l -> l.layer().equals("lif")).findFirst().orElseThrow().nearThreshold())
                .isEqualTo(4);
    }

    @Test
    void theAnalogFirstLayerCountsMacsAndTheRestAccumulates() {
        InferenceResult r = new ReferenceSimulator(oneNeuron(1.5f, 4)).run(new float[] {1f});
        // One weight: one MAC, counted once for the static input (not per step), at 4.6 pJ.
        assertThat(r.paper().macs()).isEqualTo(1);
        assertThat(r.paperEnergyMj()).isCloseTo(4.6e-9, within(1e-15));
    }

    /** [C=4, 2, 2] spikes -> both orders of the attention product -> scale. */
    static Graph attention(boolean qkFirst) {
        GraphBuilder b = new GraphBuilder("attn", 1);
        b.add("q", new Input(Shape.of(4, 2, 2), 1));
        b.add("q_lif", new Lif(1, 0.5), "q");
        if (qkFirst) {
            b.add("qk", new HeadMatMul(AttentionProduct.QK, 2), "q_lif", "q_lif");
            b.add("s", new ScaleByConstant(0.125), "qk");
            b.add("x", new HeadMatMul(AttentionProduct.AV, 2), "s", "q_lif");
        } else {
            b.add("kv", new HeadMatMul(AttentionProduct.KV, 2), "q_lif", "q_lif");
            b.add("qkv", new HeadMatMul(AttentionProduct.QM, 2), "q_lif", "kv");
            b.add("x", new ScaleByConstant(0.125), "qkv");
        }
        b.add("output", new Output(), "x");
        return b.build();
    }

    @Test
    void bothAttentionOrdersGiveTheSameExactResult() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            float[] img = new float[16];
            for (int i = 0; i < img.length; i++) {
                img[i] = rnd.nextBoolean() ? 1f : 0f;
            }
            float[] a = new ReferenceSimulator(attention(true)).run(img).logits();
            float[] b = new ReferenceSimulator(attention(false)).run(img).logits();
            assertThat(a).containsExactly(b);
        }
        // One hand case: head 0 channels {0,1}, q = k = v; token 0 has channels 0 and 1 on, token 1 only channel 0.
        float[] img = new float[16];
        img[0] = 1; // channel 0, token 0
        img[1] = 1; // channel 0, token 1
        img[4] = 1; // channel 1, token 0
        float[] x = new ReferenceSimulator(attention(true)).run(img).logits();
        // A[0] = Q·Kᵀ: (t0,t0)=2, (t0,t1)=1, (t1,t0)=1, (t1,t1)=1; X[ch0,t0] = (2·1 + 1·1)·0.125 = 0.375
        assertThat(x[0]).isEqualTo(0.375f);
    }

    @Test
    void rejectsAnImageOfTheWrongSize() {
        assertThatThrownBy(() -> new ReferenceSimulator(oneNeuron(1f, 1)).run(new float[3]))
                .isInstanceOf(UserInputException.class).hasMessageContaining("image has 3 values, the model expects [1, 1, 1]");
    }
}
