package org.spiketc.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The spiking-transformer families the compiler understands. */
public enum Family {
    /** Zhou et al., ICLR 2023: spiking self-attention Q·Kᵀ·V·s, SEW residual adds of spikes. */
    SPIKFORMER("spikformer"),
    /** Yao et al., NeurIPS 2023: spike-driven self-attention (Hadamard, column sum), membrane shortcut. */
    SPIKE_DRIVEN_TRANSFORMER("sdt");

    private final String id;

    Family(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Family fromId(String id) {
        for (Family f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family '" + id + "' (known: "
                + Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", ")) + ")");
    }
}
