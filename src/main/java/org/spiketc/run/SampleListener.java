package org.spiketc.run;

import org.spiketc.sim.InferenceResult;

/** Each inference as it finishes, on the worker thread that ran it (in any order): for live charts and the store. */
@FunctionalInterface
public interface SampleListener {
    SampleListener NONE = (engine, sample, result, label) -> { };

    /**
     * @param engine {@code reference} or {@code emulator}
     * @param sample the image's index in the run's data
     * @param label  the image's true class
     */
    void sample(String engine, int sample, InferenceResult result, int label);
}
