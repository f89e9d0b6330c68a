package org.spiketc.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ParameterLayout;
import org.spiketc.model.ParameterSpec;
import org.spiketc.model.Presets;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

class WeightBindingTest {
    final ModelConfig tiny = Presets.load("fmnist-spikformer-tiny");

    /** A checkpoint spelled like the official code, with the keys it carries but never uses. */
    Map<String, Tensor> official(boolean imagenetSpelling) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (ParameterSpec s : ParameterLayout.of(tiny)) {
            String key = imagenetSpelling ? s.key().replace("_linear.", "_conv.") : s.key();
            Shape shape = s.shape();
            if (imagenetSpelling && key.contains("_conv.weight") && shape.rank() == 2) {
                shape = Shape.of(shape.dim(0), shape.dim(1), 1); // Conv1d kernel 1
            }
            m.put(key, Tensor.filled(shape, 0.5f));
            if (key.endsWith("_bn.running_var")) {
                m.put(key.replace("running_var", "num_batches_tracked"), Tensor.filled(Shape.of(1), 7));
            }
        }
        m.put("block.0.norm1.weight", Tensor.filled(Shape.of(64), 1));
        m.put("block.0.norm2.bias", Tensor.filled(Shape.of(64), 0));
        return m;
    }

    @Test
    void acceptsBothOfficialSpellingsAndIgnoresUnusedTensors() {
        for (boolean imagenet : new boolean[] {false, true}) {
            Map<String, Tensor> bound = WeightSource.checkpoint(new WeightSet("ckpt", official(imagenet))).bind(tiny);
            assertThat(bound).hasSize(ParameterLayout.of(tiny).size());
            assertThat(bound.get("block.0.attn.q_linear.weight").shape()).isEqualTo(Shape.of(64, 64));
        }
    }

    @Test
    void listsEveryMissingUnexpectedAndMisShapedTensorInOneError() {
        Map<String, Tensor> m = official(false);
        m.remove("head.weight");
        m.remove("block.0.mlp.fc1_bn.bias");
        m.put("block.0.attn.q_linear.weight", Tensor.filled(Shape.of(64, 32), 0));
        m.put("decoder.weight", Tensor.filled(Shape.of(3), 0));
        assertThatThrownBy(() -> WeightSource.checkpoint(new WeightSet("ckpt.safetensors", m)).bind(tiny))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("weights ckpt.safetensors do not match model fmnist-spikformer-tiny")
                .hasMessageContaining("missing (2): block.0.mlp.fc1_bn.bias, head.weight")
                .hasMessageContaining("wrong shape (1): block.0.attn.q_linear.weight [64, 32] (expected [64, 64])")
                .hasMessageContaining("unexpected (1): decoder.weight");
    }

    @Test
    void randomWeightsAreSeededAndIndependentOfOrder() {
        Map<String, Tensor> a = WeightSource.random(5).bind(tiny);
        Map<String, Tensor> b = WeightSource.random(5).bind(tiny);
        Map<String, Tensor> c = WeightSource.random(6).bind(tiny);
        String k = "block.0.mlp.fc2_linear.weight";
        float[] later = b.get(k).data(); // drawn before any other tensor
        assertThat(a.get("head.weight").data()).isNotEmpty();
        assertThat(a.get(k).data()).containsExactly(later);
        assertThat(c.get(k).data()).isNotEqualTo(later);
        float bound = (float) (1 / Math.sqrt(256));
        for (float v : later) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
        }
        assertThat(a.get("block.0.mlp.fc2_bn.running_var").data()).containsOnly(1f);
    }
}
