package org.spiketc.model;

/**
 * How the official code spells the token-wise projections. Both compute the same thing; they differ
 * in state-dict key names and in which projections carry a bias.
 */
public enum SynapseStyle {
    /** CIFAR code: {@code nn.Linear} with bias everywhere, keys end in {@code _linear}. */
    LINEAR("linear"),
    /** ImageNet code: Conv1d/Conv2d kernel 1, q/k/v without bias, keys end in {@code _conv}. */
    CONV("conv");

    private final String id;

    SynapseStyle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String keySuffix() {
        return "_" + id;
    }

    public static SynapseStyle fromId(String id) {
        for (SynapseStyle s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown synapseStyle '" + id + "' (known: linear, conv)");
    }
}
