package org.spiketc.compiler.mapping;

/**
 * Core-to-core connections, sorted by source then destination, with the expected spike messages per
 * time step at the mapping's firing rate and the dimension-order route length.
 */
public record Routes(int[] src, int[] dst, float[] spikesPerStep, int[] hops, int[] chipCrossings) {
    public int size() {
        return src.length;
    }
}
