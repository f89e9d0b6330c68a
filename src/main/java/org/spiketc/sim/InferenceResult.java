package org.spiketc.sim;

import java.util.List;

/**
 * One inference of one engine.
 *
 * @param logits          classifier outputs
 * @param predicted       arg-max class
 * @param layers          activity per layer that does work, in graph order
 * @param macs            analog multiply-accumulates (first layer)
 * @param acs             synaptic accumulates (everything else)
 * @param spikes          spikes over all layers and steps
 * @param paperEnergyMj   energy by the papers' formula ({@link PaperEnergy})
 */
public record InferenceResult(float[] logits, int predicted, List<LayerActivity> layers, long macs, long acs, long spikes,
        double paperEnergyMj) {
}
