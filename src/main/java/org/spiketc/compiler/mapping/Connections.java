package org.spiketc.compiler.mapping;

import java.util.Arrays;

/**
 * Slice-to-slice connections with expected messages per step. Built destination by destination
 * (the order the mapper discovers them), then transposed by a counting sort into per-source
 * routing tables: O(connections) time, primitive arrays only.
 */
final class Connections {
    private final int slices;
    private int[] src = new int[1 << 16];
    private float[] traffic = new float[1 << 16];
    private final int[] dstOffsets;
    private int size;
    private int currentDst;
    double hostInput;

    Connections(int slices) {
        this.slices = slices;
        this.dstOffsets = new int[slices + 1];
    }

    /** Adds a connection into {@code dst}; destinations must come in ascending order. */
    void add(int s, int dst, double t) {
        while (currentDst < dst) {
            dstOffsets[++currentDst] = size;
        }
        if (size == src.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, size + (size >> 1));
            src = Arrays.copyOf(src, n);
            traffic = Arrays.copyOf(traffic, n);
        }
        src[size] = s;
        traffic[size] = (float) t;
        size++;
    }

    private void close() {
        while (currentDst < slices) {
            dstOffsets[++currentDst] = size;
        }
    }

    /**
     * Traffic crossing each cut of the slice order: {@code cut[i]} is what flows between slices
     * before i and slices from i on.
     */
    double[] cutTraffic() {
        close();
        double[] diff = new double[slices + 2];
        for (int d = 0; d < slices; d++) {
            for (int e = dstOffsets[d]; e < dstOffsets[d + 1]; e++) {
                int a = Math.min(src[e], d);
                int b = Math.max(src[e], d);
                if (a != b) {
                    diff[a + 1] += traffic[e];
                    diff[b + 1] -= traffic[e];
                }
            }
        }
        double[] cut = new double[slices + 1];
        double run = 0;
        for (int i = 0; i <= slices; i++) {
            run += diff[i];
            cut[i] = run;
        }
        return cut;
    }

    /** Per-source routing tables (destinations ascending), releasing the per-destination arrays. */
    Routes toRoutes() {
        close();
        int[] offsets = new int[slices + 1];
        for (int e = 0; e < size; e++) {
            offsets[src[e] + 1]++;
        }
        for (int i = 0; i < slices; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, slices);
        int[] dst = new int[size];
        float[] t = new float[size];
        for (int d = 0; d < slices; d++) {
            for (int e = dstOffsets[d]; e < dstOffsets[d + 1]; e++) {
                int at = fill[src[e]]++;
                dst[at] = d;
                t[at] = traffic[e];
            }
        }
        src = null;
        traffic = null;
        return new Routes(offsets, dst, t);
    }
}
