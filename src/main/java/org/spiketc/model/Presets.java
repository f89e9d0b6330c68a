package org.spiketc.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.spiketc.common.UserInputException;
import org.spiketc.model.weights.SafetensorsReader;
import org.spiketc.model.weights.WeightSet;

/** The built-in architectures. Each is a config JSON resource in the same schema a user writes. */
public final class Presets {
    /** In the order {@code stc models} lists them. */
    public static final List<String> NAMES = List.of(
            "spikformer-8-384", "spikformer-8-512", "spikformer-8-768", "spikformer-4-384-cifar",
            "sdt-8-512", "fmnist-spikformer-tiny");

    private Presets() {
    }

    public static ModelConfig load(String name) {
        if (!NAMES.contains(name)) {
            throw new UserInputException("unknown model preset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing preset resource " + resource);
            }
            return ModelConfigReader.parse(in, "preset " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trained weights shipped with a preset (from assets/models, bundled in the jar), if any: the
     * runtime uses them unless the user passes other weights.
     */
    public static Optional<WeightSet> shippedWeights(String name) {
        String resource = "/org/spiketc/assets/models/" + name + ".safetensors";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SafetensorsReader.read(in.readAllBytes(),
                    "shipped " + name + ".safetensors"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ModelConfig> all() {
        return NAMES.stream().map(Presets::load).toList();
    }
}
