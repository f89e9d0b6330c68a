package org.spiketc.model.weights;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ParameterLayout;
import org.spiketc.model.ParameterSpec;
import org.spiketc.tensor.LazyTensor;
import org.spiketc.tensor.Tensor;

/**
 * Seeded random weights with PyTorch's default distributions (weights and biases
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)); BatchNorm weight 1, bias 0, running mean 0, variance 1).
 *
 * <p>Each tensor draws from its own generator seeded by (seed, key), so a tensor's values do not
 * depend on which other tensors were generated or in what order, and generation is lazy: listing a
 * model's statistics never allocates its weights.
 */
final class RandomWeights implements WeightSource {
    private final long seed;

    RandomWeights(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Tensor> bind(ModelConfig config) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParameterSpec s : ParameterLayout.of(config)) {
            out.put(s.key(), LazyTensor.regenerating(s.shape(), () -> generate(s)));
        }
        return out;
    }

    @Override
    public String describe() {
        return "random(seed=" + seed + ")";
    }

    private float[] generate(ParameterSpec s) {
        float[] d = new float[s.shape().size()];
        switch (s.init()) {
            case ONES -> Arrays.fill(d, 1f);
            case ZEROS -> { }
            case UNIFORM_FAN_IN -> {
                SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv1a(s.key()));
                float bound = (float) (1.0 / Math.sqrt(s.fanIn()));
                // Two 24-bit draws per 64-bit word -> uniform in [-1, 1), exact in float32.
                int i = 0;
                for (; i + 1 < d.length; i += 2) {
                    long bits = r.nextLong();
                    d[i] = bound * (((int) (bits >>> 40) * 0x1.0p-23f) - 1f);
                    d[i + 1] = bound * (((int) ((bits >>> 16) & 0xffffff) * 0x1.0p-23f) - 1f);
                }
                if (i < d.length) {
                    d[i] = bound * (((int) (r.nextLong() >>> 40) * 0x1.0p-23f) - 1f);
                }
            }
        }
        return d;
    }

    /** FNV-1a 64-bit: a stable string hash (String.hashCode is stable too, but only 32 bits). */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
