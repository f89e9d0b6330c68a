package org.spiketc.compiler.mapping;

import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.SystemLayout;

/**
 * Where each core sits on the system's 2-D mesh, dimension-order routes between them and the load
 * of every link. Within a chip, cores fill tiles along a serpentine (row 0 left to right, row 1 right
 * to left, ...), so consecutive slices are neighbours; chips sit on the board in the same pattern.
 * Link loads are accumulated with difference arrays: O(1) per route.
 */
final class MeshPlacement {
    private final int tilesX;
    private final int tilesY;
    private final int chipCols;
    private final int[] x;
    private final int[] y;
    private final int[] chipX;
    private final int[] chipY;
    private final double[] east;   // per row: difference array over x of eastward/westward link use
    private final double[] north;  // per column: difference array over y
    private final int width;
    private final int height;

    MeshPlacement(HardwareProfile p, SystemLayout system, int[] chipOf) {
        tilesX = p.chip().meshColumns().intValue();
        tilesY = p.chip().meshRows().intValue();
        int perTile = p.chip().coresPerTile().intValue();
        chipCols = system.columns();
        width = system.columns() * tilesX;
        height = system.rows() * tilesY;
        x = new int[chipOf.length];
        y = new int[chipOf.length];
        chipX = new int[chipOf.length];
        chipY = new int[chipOf.length];
        int[] filled = new int[system.chips()];
        for (int i = 0; i < chipOf.length; i++) {
            int chip = chipOf[i];
            int[] cxy = serpentine(chip, system.columns());
            int tile = filled[chip]++ / perTile;
            int[] txy = serpentine(tile, tilesX);
            chipX[i] = cxy[0];
            chipY[i] = cxy[1];
            x[i] = cxy[0] * tilesX + txy[0];
            y[i] = cxy[1] * tilesY + txy[1];
        }
        east = new double[(width + 1) * height];
        north = new double[(height + 1) * width];
    }

    private static int[] serpentine(int i, int cols) {
        int row = i / cols;
        int col = i % cols;
        return new int[] {row % 2 == 0 ? col : cols - 1 - col, row};
    }

    int x(int core) {
        return x[core];
    }

    int y(int core) {
        return y[core];
    }

    /** Adds a route's load to its links (X first, then Y) and returns its hop count. */
    int route(int src, int dst, double load) {
        int x0 = x[src];
        int y0 = y[src];
        int x1 = x[dst];
        int y1 = y[dst];
        if (x0 != x1) {
            int lo = Math.min(x0, x1);
            int hi = Math.max(x0, x1);
            east[y0 * (width + 1) + lo] += load;
            east[y0 * (width + 1) + hi] -= load;
        }
        if (y0 != y1) {
            int lo = Math.min(y0, y1);
            int hi = Math.max(y0, y1);
            north[x1 * (height + 1) + lo] += load;
            north[x1 * (height + 1) + hi] -= load;
        }
        return Math.abs(x1 - x0) + Math.abs(y1 - y0);
    }

    int chipCrossings(int src, int dst) {
        return Math.abs(chipX[src] - chipX[dst]) + Math.abs(chipY[src] - chipY[dst]);
    }

    /** Busiest link and mean over the links that carry traffic, in messages per step. */
    record LinkLoads(double max, double mean) {
    }

    LinkLoads loads() {
        double max = 0;
        double sum = 0;
        long used = 0;
        for (int row = 0; row < height; row++) {
            double run = 0;
            for (int col = 0; col < width; col++) {
                run += east[row * (width + 1) + col];
                if (run > 1e-12) {
                    max = Math.max(max, run);
                    sum += run;
                    used++;
                }
            }
        }
        for (int col = 0; col < width; col++) {
            double run = 0;
            for (int row = 0; row < height; row++) {
                run += north[col * (height + 1) + row];
                if (run > 1e-12) {
                    max = Math.max(max, run);
                    sum += run;
                    used++;
                }
            }
        }
        return new LinkLoads(max, used == 0 ? 0 : sum / used);
    }
}
