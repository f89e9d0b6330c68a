package org.spiketc.compiler.mapping;

/**
 * Each core's routing table: the destination cores its spikes go to, with the expected messages per
 * time step at the mapping's firing rate. Compressed-row form: the destinations of core c are
 * {@code dst[offsets[c] .. offsets[c+1])}, ascending.
 */
public record Routes(int[] offsets, int[] dst, float[] spikesPerStep) {
    public int size() {
        return dst.length;
    }

    public int cores() {
        return offsets.length - 1;
    }
}
