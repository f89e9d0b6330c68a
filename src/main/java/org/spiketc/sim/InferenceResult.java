package org.spiketc.sim;

import java.util.List;
import java.util.Map;

/**
 * One inference of one engine.
 *
 * @param logits          classifier outputs
 * @param predicted       arg-max class
 * @param layers          activity per layer that does work, in graph order
 * @param synapticOps     synaptic operations the engine performed (events times fan-out, all layers)
 * @param spikes          spikes over all layers and steps
 * @param paper           MACs, SOPs and energy by the papers' formula ({@link PaperEnergy})
 * @param deviceEnergyMj  energy on the modelled hardware (emulator), NaN for the reference simulator
 * @param latencyMs       latency on the modelled hardware (emulator), NaN for the reference simulator
 * @param energyBreakdownMj device energy per component (emulator), empty for the reference simulator
 * @param traffic         messages, hops, chip crossings and barriers (emulator), {@link Traffic#NONE} for the reference
 * @param coreSynapticOps synaptic operations per core of the binary (emulator), empty for the reference simulator
 */
public record InferenceResult(float[] logits, int predicted, List<LayerActivity> layers, long synapticOps, long spikes,
        PaperEnergy.Count paper, double deviceEnergyMj, double latencyMs, Map<String, Double> energyBreakdownMj, Traffic traffic,
        long[] coreSynapticOps) {

    /** Energy by the papers' formula. */
    public double paperEnergyMj() {
        return paper.millijoules();
    }
}
