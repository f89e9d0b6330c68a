package org.spiketc.compiler.ir;

import java.util.Locale;

/** What the values of a tensor are, which decides how the hardware carries them. */
public enum ElementKind {
    /** 0 or 1 per element and time step: a binary spike message. */
    SPIKE,
    /** Non-negative integer counts (sums of spikes): a graded spike payload. */
    INT,
    /** Real values (membrane-level quantities, images): a graded payload after quantization. */
    FLOAT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
