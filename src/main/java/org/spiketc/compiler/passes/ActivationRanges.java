package org.spiketc.compiler.passes;

import java.util.Map;

/**
 * What calibration images drove each LIF layer with: per layer and output channel, the largest |input
 * current| (the float model's pre-activation, bias included) over all images, time steps and neurons. With
 * it, {@link QuantizeWeights} sizes each channel's exponent for the sums the model actually produces instead
 * of the worst case its weights allow.
 *
 * @param source      what the images were, for the report ("fashion-mnist train, first 256")
 * @param images      how many
 * @param maxAbsInput per LIF layer name, per channel
 */
public record ActivationRanges(String source, int images, Map<String, float[]> maxAbsInput) {
    public ActivationRanges {
        maxAbsInput = Map.copyOf(maxAbsInput);
    }

    /** How the report names the policy. */
    public String describe() {
        return "calibrated on " + images + " images of " + source;
    }
}
