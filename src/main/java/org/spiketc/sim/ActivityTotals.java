package org.spiketc.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running per-layer and per-core sums over an evaluation's inferences, added to by its workers as each
 * inference finishes; the means behind the result's layer table and core map.
 */
public final class ActivityTotals {
    /** Positions in a layer's means ({@link #layerMeans}). */
    public static final int SPIKES = 0;
    public static final int FIRING_RATE = 1;
    public static final int SYNAPTIC_OPS = 2;
    public static final int CURRENT_WRAPS = 3;
    public static final int VOLTAGE_CLIPS = 4;
    private final Map<String, double[]> layers = new LinkedHashMap<>();
    private double[] cores = new double[0];
    private long count;

    synchronized void add(InferenceResult r) {
        count++;
        for (LayerActivity l : r.layers()) {
            double[] v = layers.computeIfAbsent(l.layer(), k -> new double[5]);
            v[SPIKES] += l.spikes();
            v[FIRING_RATE] += l.firingRate();
            v[SYNAPTIC_OPS] += l.synapticOps();
            v[CURRENT_WRAPS] += l.currentWraps();
            v[VOLTAGE_CLIPS] += l.voltageClips();
        }
        long[] c = r.coreSynapticOps();
        if (cores.length < c.length) {
            cores = Arrays.copyOf(cores, c.length);
        }
        for (int i = 0; i < c.length; i++) {
            cores[i] += c[i];
        }
    }

    /**
     * Per layer, in graph order, the mean per inference of spikes, firing rate, synaptic operations, u
     * wrap-arounds and v saturations, at {@link #SPIKES} .. {@link #VOLTAGE_CLIPS} (the last two count
     * neuron-steps; 0 for the reference simulator).
     */
    public synchronized Map<String, double[]> layerMeans() {
        Map<String, double[]> m = new LinkedHashMap<>();
        layers.forEach((k, v) -> {
            double[] mean = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                mean[i] = v[i] / Math.max(1, count);
            }
            m.put(k, mean);
        });
        return m;
    }

    /** Per core, the mean synaptic operations (empty for the reference simulator). */
    public synchronized double[] coreMeans() {
        double[] m = cores.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] /= Math.max(1, count);
        }
        return m;
    }

    /** The inference without its per-layer and per-core detail (which its totals hold). */
    static InferenceResult summary(InferenceResult r) {
        return new InferenceResult(r.logits(), r.predicted(), List.of(), r.synapticOps(), r.spikes(), r.paper(),
                r.deviceEnergyMj(), r.latencyMs(), Map.of(), r.traffic(), new long[0]);
    }
}
