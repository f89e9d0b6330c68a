package org.spiketc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.sim.Evaluation;

/**
 * The {@code layers} records of an inference result: per engine and layer, the mean spikes, firing rate
 * and synaptic operations per inference, and on modelled hardware the synaptic energy those operations
 * cost (operations × the profile's energy per synaptic operation) and the neuron-steps whose 24-bit current
 * wrapped around or whose membrane saturated.
 */
public final class InferenceLayers {
    private InferenceLayers() {
    }

    /** @param profile the hardware the outcome's engine models, or null for the reference simulator */
    public static void add(ArrayNode layers, Evaluation.Outcome o, HardwareProfile profile) {
        for (Map.Entry<String, double[]> e : o.layerMeans().entrySet()) {
            double[] v = e.getValue();
            var l = layers.addObject().put("engine", o.engine()).put("name", e.getKey()).put("spikes_per_inference", v[0])
                    .put("firing_rate", v[1]).put("synaptic_ops_per_inference", v[2]);
            if (profile != null) {
                l.put("synaptic_energy_mj_per_inference", v[2] * profile.energy().synapticOp().value() * 1e-9);
                l.put("current_wraps_per_inference", v[3]).put("voltage_clips_per_inference", v[4]);
            }
        }
    }
}
