package org.spiketc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.passes.QuantizeWeights;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.sim.ActivityTotals;
import org.spiketc.sim.Evaluation;

/**
 * The {@code layers} records of an inference result: per engine and layer, the mean spikes, firing rate
 * and synaptic operations per inference, and on modelled hardware the synaptic energy those operations
 * cost (operations × the profile's energy per synaptic operation) and the neuron-steps whose 24-bit current
 * wrapped around or whose membrane saturated, next to the quantization pass's figures for the layer.
 */
public final class InferenceLayers {
    private InferenceLayers() {
    }

    /**
     * @param profile the hardware the outcome's engine models, or null for the reference simulator
     * @param passes  the compilation's pass records, whose quantization figures go next to each emulated layer's
     *                overflow counts; null when the binary was given rather than compiled
     */
    public static void add(ArrayNode layers, Evaluation.Outcome o, HardwareProfile profile, List<PassRecord> passes) {
        Map<String, Map<String, Double>> quantization = quantization(passes);
        for (Map.Entry<String, double[]> e : o.layerMeans().entrySet()) {
            double[] v = e.getValue();
            var l = layers.addObject().put("engine", o.engine()).put("name", e.getKey()).put("spikes_per_inference", v[ActivityTotals.SPIKES])
                    .put("firing_rate", v[ActivityTotals.FIRING_RATE]).put("synaptic_ops_per_inference", v[ActivityTotals.SYNAPTIC_OPS]);
            if (profile != null) {
                l.put("synaptic_energy_mj_per_inference", v[ActivityTotals.SYNAPTIC_OPS] * profile.energy().synapticOp().value() * 1e-9);
                l.put("current_wraps_per_inference", v[ActivityTotals.CURRENT_WRAPS])
                        .put("voltage_clips_per_inference", v[ActivityTotals.VOLTAGE_CLIPS]);
                Map<String, Double> q = quantization.get(e.getKey());
                if (q != null) {
                    var qn = l.putObject("quantization");
                    q.forEach(qn::put);
                }
            }
        }
    }

    /** Per layer, the quantization pass's figures (weight error, range use, ...). */
    private static Map<String, Map<String, Double>> quantization(List<PassRecord> passes) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        if (passes != null) {
            passes.stream().filter(p -> p.id().equals(QuantizeWeights.ID)).flatMap(p -> p.layers().stream())
                    .forEach(s -> m.computeIfAbsent(s.layer(), k -> new LinkedHashMap<>()).put(s.metric(), s.value()));
        }
        return m;
    }
}
