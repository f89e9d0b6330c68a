package org.spiketc.compiler.mapping;

/**
 * One core's share of a population.
 *
 * @param core         global core id (position in the mapping's core list)
 * @param population   population index
 * @param part         which partial sum of a split population (0 when not split; part 0 holds the join)
 * @param chip         chip index in the system
 * @param x            global mesh column of the core's router
 * @param y            global mesh row
 * @param c0           first channel
 * @param c1           channel after the last
 * @param p0           first position
 * @param p1           position after the last
 * @param compartments compartments used
 * @param memoryBytes  synaptic memory used
 * @param axons        distinct input axons
 */
public record CoreSlice(int core, int population, int part, int chip, int x, int y, int c0, int c1, long p0, long p1,
        long compartments, long memoryBytes, long axons) {
}
