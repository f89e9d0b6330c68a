package org.spiketc.sim;

/**
 * What one layer did during one inference.
 *
 * @param layer          IR node name
 * @param spikes         spikes emitted over all time steps (0 for non-spiking layers)
 * @param neurons        neurons (elements per time step)
 * @param firingRate     spikes / (neurons · T)
 * @param synapticOps    accumulates driven by its input (non-zero inputs × their fan-out), or MACs for analog input
 * @param analogInput    true for a layer whose input is the analog image (its ops are MACs)
 * @param nearThreshold  membrane values that came within 1e-5 of the threshold: a different
 *                       summation order could flip those spikes
 * @param currentWraps   neuron-steps whose 24-bit current wrapped around (chip emulator; 0 for the reference)
 * @param voltageClips   neuron-steps whose membrane saturated at ±(2^23 − 1) (chip emulator; 0 for the reference)
 * @param nonZeroOutputs non-zero values it sent over all time steps: its spikes, or for a pooling, residual add or
 *                       mask the spike messages it passed on (what the papers' firing rates count)
 */
public record LayerActivity(String layer, long spikes, long neurons, double firingRate, long synapticOps, boolean analogInput,
        long nearThreshold, long currentWraps, long voltageClips, long nonZeroOutputs) {
    /** A layer without register overflow counts whose non-zero outputs are its spikes. */
    public LayerActivity(String layer, long spikes, long neurons, double firingRate, long synapticOps, boolean analogInput,
            long nearThreshold) {
        this(layer, spikes, neurons, firingRate, synapticOps, analogInput, nearThreshold, 0, 0, spikes);
    }

    /** Neuron-steps that overflowed a register: wrapped currents plus saturated membranes. */
    public long overflows() {
        return currentWraps + voltageClips;
    }
}
