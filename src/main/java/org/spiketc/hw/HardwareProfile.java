package org.spiketc.hw;

import java.util.List;

/**
 * A Loihi-class target: chip organisation, neuron and synapse formats, per-operation energy and
 * time, and the systems it comes in. Loaded from JSON ({@code src/site/markdown/hardware-profiles.md});
 * every figure carries its source.
 *
 * @param id          short id used on the command line ({@code loihi2})
 * @param name        display name
 * @param status      "published", "partly estimated" or "projection", shown wherever the profile is
 * @param description one paragraph: what the figures rest on
 * @param chip        organisation and formats
 * @param energy      energy per operation and static power
 * @param timing      time per operation
 * @param systems     the system sizes this profile comes in, smallest first
 */
public record HardwareProfile(String id, String name, String status, String description, Chip chip, Energy energy,
        Timing timing, List<SystemLayout> systems) {

    /** Organisation and number formats of one chip. */
    public record Chip(Figure coresPerChip, Figure meshColumns, Figure meshRows, Figure coresPerTile,
            Figure neuronsPerCore, Figure synapticMemoryBytesPerCore, Figure fanInPerCore, Figure fanOutPerCore,
            Figure maxWeightBits, Figure weightExpMin, Figure weightExpMax, Figure membraneBits, Figure thresholdMantBits,
            Figure biasMantBits, Figure decayBits, Figure gradedSpikeBits, Figure sharedSynapses, Figure synapseIndexBits) {

        public boolean supportsSharedSynapses() {
            return sharedSynapses.value() != 0;
        }

        public boolean supportsGradedSpikes() {
            return gradedSpikeBits.value() > 0;
        }
    }

    /** Energy per event (pJ) and static power (mW per chip). */
    public record Energy(Figure synapticOp, Figure neuronUpdateActive, Figure neuronUpdateInactive, Figure spikeWithinTile,
            Figure hopEastWest, Figure hopNorthSouth, Figure chipCrossing, Figure staticPowerPerChip) {
    }

    /** Time per event (ns) and barrier synchronisation. */
    public record Timing(Figure synapticOp, Figure neuronUpdateActive, Figure neuronUpdateInactive, Figure spikeWithinTile,
            Figure hopEastWest, Figure hopNorthSouth, Figure chipCrossing, Figure barrierSyncChip,
            Figure barrierSyncSystem) {
    }

    public int coresPerChip() {
        return chip.coresPerChip().intValue();
    }

    public SystemLayout system(int chips) {
        for (SystemLayout s : systems) {
            if (s.chips() == chips) {
                return s;
            }
        }
        return null;
    }

    public SystemLayout largestSystem() {
        return systems.get(systems.size() - 1);
    }

    /** "projection" profiles must say so wherever their numbers appear. */
    public String label() {
        return name + " (" + status + ", simulated)";
    }
}
