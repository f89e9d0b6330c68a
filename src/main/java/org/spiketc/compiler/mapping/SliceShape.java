package org.spiketc.compiler.mapping;

/**
 * How a population is cut into core-sized slices.
 *
 * @param channels  channels (dimension 0) per slice
 * @param positions positions per slice
 * @param cores     slices (= cores) the population takes
 * @param bindingLimit which core limit stopped the slice from growing
 */
record SliceShape(int channels, long positions, long cores, String bindingLimit) {
}
