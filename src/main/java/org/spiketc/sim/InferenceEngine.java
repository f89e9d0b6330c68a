package org.spiketc.sim;

/** Something that classifies one image: the float reference simulator or the chip emulator. */
public interface InferenceEngine {
    /** Short name for reports: "reference" or "emulator". */
    String name();

    /** One inference; must be safe to call from several threads at once. */
    InferenceResult run(float[] image);
}
