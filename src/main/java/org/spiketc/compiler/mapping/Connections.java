package org.spiketc.compiler.mapping;

import java.util.Arrays;

/** Slice-to-slice connections with expected messages per step, in growable primitive arrays. */
final class Connections {
    private final int slices;
    private int[] src = new int[1024];
    private int[] dst = new int[1024];
    private float[] traffic = new float[1024];
    private int size;
    double hostInput;

    Connections(int slices) {
        this.slices = slices;
    }

    void add(int s, int d, double t) {
        if (size == src.length) {
            src = Arrays.copyOf(src, size * 2);
            dst = Arrays.copyOf(dst, size * 2);
            traffic = Arrays.copyOf(traffic, size * 2);
        }
        src[size] = s;
        dst[size] = d;
        traffic[size] = (float) t;
        size++;
    }

    int size() {
        return size;
    }

    int src(int i) {
        return src[i];
    }

    int dst(int i) {
        return dst[i];
    }

    float traffic(int i) {
        return traffic[i];
    }

    /** Sorts by (source, destination) so routing tables read in order and output is deterministic. */
    void sortBySource() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) src[i] << 32) | (dst[i] & 0xffffffffL);
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] s = new int[size];
        int[] d = new int[size];
        float[] t = new float[size];
        for (int i = 0; i < size; i++) {
            s[i] = src[order[i]];
            d[i] = dst[order[i]];
            t[i] = traffic[order[i]];
        }
        src = s;
        dst = d;
        traffic = t;
    }

    /**
     * Traffic crossing each cut of the slice order: {@code cut[i]} is what flows between slices
     * before i and slices from i on.
     */
    double[] cutTraffic() {
        double[] diff = new double[slices + 1];
        for (int i = 0; i < size; i++) {
            int a = Math.min(src[i], dst[i]);
            int b = Math.max(src[i], dst[i]);
            if (a != b) {
                diff[a + 1] += traffic[i];
                diff[b + 1] -= traffic[i];
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

    int fanOutViolations(int limit) {
        int violations = 0;
        int i = 0;
        while (i < size) {
            int j = i;
            while (j < size && src[j] == src[i]) {
                j++;
            }
            violations += (j - i) > limit ? 1 : 0;
            i = j;
        }
        return violations;
    }

    Routes routes(MeshPlacement mesh) {
        int[] hops = new int[size];
        int[] cross = new int[size];
        for (int i = 0; i < size; i++) {
            hops[i] = mesh.route(src[i], dst[i], traffic[i]);
            cross[i] = mesh.chipCrossings(src[i], dst[i]);
        }
        return new Routes(Arrays.copyOf(src, size), Arrays.copyOf(dst, size), Arrays.copyOf(traffic, size), hops, cross);
    }
}
