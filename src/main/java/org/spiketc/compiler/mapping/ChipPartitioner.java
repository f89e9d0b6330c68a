package org.spiketc.compiler.mapping;

/**
 * Assigns the slice sequence to chips in contiguous runs of at most one chip's cores. Without
 * refinement each chip is filled in turn. With refinement, each cut is placed anywhere the remaining
 * slices still fit the remaining chips, at the point where the fewest messages per step cross it:
 * producer-consumer traffic then stays on chip where the slack allows.
 */
final class ChipPartitioner {
    private ChipPartitioner() {
    }

    static int[] partition(int slices, int perChip, int chips, Connections conn, boolean refine) {
        int[] chipOf = new int[slices];
        double[] cut = refine ? conn.cutTraffic() : null;
        int start = 0;
        for (int chip = 0; chip < chips && start < slices; chip++) {
            int maxEnd = Math.min(slices, start + perChip);
            int minEnd = Math.max(start + 1, slices - (chips - chip - 1) * perChip);
            int end = maxEnd;
            if (refine && minEnd < maxEnd) {
                double best = cut[maxEnd];
                for (int e = maxEnd - 1; e >= minEnd; e--) {
                    if (cut[e] < best) {
                        best = cut[e];
                        end = e;
                    }
                }
            }
            for (int i = start; i < end; i++) {
                chipOf[i] = chip;
            }
            start = end;
        }
        if (start < slices) {
            throw new IllegalStateException("partition left " + (slices - start) + " slices unplaced");
        }
        return chipOf;
    }
}
