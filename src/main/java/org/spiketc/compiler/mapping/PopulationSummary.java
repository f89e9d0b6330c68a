package org.spiketc.compiler.mapping;

/**
 * How one layer was mapped, for the resource report.
 *
 * @param node          IR node
 * @param kind          neuron model or gate
 * @param shape         neurons per step
 * @param neurons       neurons
 * @param split         partial-sum compartments per neuron (1 = none)
 * @param sliceChannels channels per slice
 * @param slicePositions positions per slice
 * @param cores         cores
 * @param bindingLimit  what limited the slice size
 * @param memoryBytes   synaptic memory over all its cores
 * @param planes        binary lines per graded input value (1 = native spikes or graded messages)
 * @param encoding      synapse storage: shared/replicated and dense/sparse, or unit
 */
public record PopulationSummary(String node, String kind, String shape, long neurons, int split, int sliceChannels,
        long slicePositions, long cores, String bindingLimit, long memoryBytes, int planes, String encoding) {
}
