package org.spiketc.compiler.mapping;

import java.util.List;

/**
 * What the mapped model takes from the system. Traffic figures are expectations at
 * {@code firingRate}, the stated fraction of neurons spiking per step.
 *
 * @param systemName               layout name
 * @param systemChips              chips in the system
 * @param chipsNeeded              fewest chips the cores fit on
 * @param systemChosen             true when the compiler picked the system (no --chips)
 * @param coresUsed                cores with at least one slice
 * @param coreCapacity             cores in the system
 * @param compartmentsUsed         compartments placed
 * @param neuronUtilization        compartments used / compartments of the used cores
 * @param synapticMemoryBytes      synaptic memory used
 * @param memoryUtilization        memory used / memory of the used cores
 * @param routes                   core-to-core connections
 * @param firingRate               assumed spikes per neuron per step
 * @param spikesPerStep            messages per step between cores
 * @param spikeHopsPerStep         messages x router hops per step
 * @param chipCrossingsPerStep     messages crossing a chip boundary per step (each boundary counted)
 * @param maxLinkLoad              busiest mesh link, messages per step
 * @param meanLinkLoad             mean over links that carry traffic
 * @param hostInputPerStep         graded input messages from the host per step
 * @param fanOutViolations         cores with more destination cores than the profile allows
 * @param coreUtilization          cores per tenth of compartment utilisation: [0] 0-10 %, ..., [9] 90-100 %
 * @param chips                    per-chip utilisation
 * @param warnings                 things the user should know
 */
public record ResourceReport(String systemName, int systemChips, int chipsNeeded, boolean systemChosen, int coresUsed,
        long coreCapacity, long compartmentsUsed, double neuronUtilization, long synapticMemoryBytes,
        double memoryUtilization, int routes, double firingRate, double spikesPerStep, double spikeHopsPerStep,
        double chipCrossingsPerStep, double maxLinkLoad, double meanLinkLoad, double hostInputPerStep,
        int fanOutViolations, int[] coreUtilization, List<ChipUsage> chips, List<String> warnings) {
}
