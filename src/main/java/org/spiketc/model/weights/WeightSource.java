package org.spiketc.model.weights;

import java.util.Map;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ParameterLayout;
import org.spiketc.tensor.Tensor;

/** Where a model's weights come from: a checkpoint or a seeded generator. */
public interface WeightSource {
    /** One tensor per {@link ParameterLayout} key of {@code config}, each in its canonical shape. */
    Map<String, Tensor> bind(ModelConfig config);

    /** A human-readable origin for reports, e.g. the file name or {@code random(seed=42)}. */
    String describe();

    static WeightSource random(long seed) {
        return new RandomWeights(seed);
    }

    static WeightSource checkpoint(WeightSet weights) {
        return new WeightSource() {
            @Override
            public Map<String, Tensor> bind(ModelConfig config) {
                return WeightBinding.bind(ParameterLayout.of(config), weights, config.name());
            }

            @Override
            public String describe() {
                return weights.origin();
            }
        };
    }
}
