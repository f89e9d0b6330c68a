package org.spiketc.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the spiking patch splitting (SPS) stem pools. The stem has four conv-BN-LIF blocks with
 * channels D/8, D/4, D/2, D; a MaxPool2d(3, 2, 1) follows the blocks marked here.
 */
public enum StemLayout {
    /** Official ImageNet code: pool after each of the four blocks (224² → 14×14 = 196 tokens). */
    IMAGENET("imagenet", new boolean[] {true, true, true, true}),
    /** Official CIFAR code: pool after blocks 3 and 4 only (32² → 8×8 = 64 tokens). */
    CIFAR("cifar", new boolean[] {false, false, true, true});

    private final String id;
    private final boolean[] poolAfter;

    StemLayout(String id, boolean[] poolAfter) {
        this.id = id;
        this.poolAfter = poolAfter;
    }

    public String id() {
        return id;
    }

    public boolean poolsAfter(int block) {
        return poolAfter[block];
    }

    public int downsampling() {
        int f = 1;
        for (boolean p : poolAfter) {
            f *= p ? 2 : 1;
        }
        return f;
    }

    public static StemLayout fromId(String id) {
        for (StemLayout s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stem '" + id + "' (known: "
                + Arrays.stream(values()).map(StemLayout::id).collect(Collectors.joining(", ")) + ")");
    }
}
