package org.spiketc.compiler.mapping;

/** Utilisation of one chip: cores used and the mean compartment and memory fill of those cores. */
public record ChipUsage(int chip, int cores, double coreUtilization, double neuronUtilization, double memoryUtilization) {
}
