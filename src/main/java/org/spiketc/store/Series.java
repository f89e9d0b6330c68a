package org.spiketc.store;

/** A stored time series: x (sample index or seconds) and y, in the order appended. */
public record Series(String name, double[] x, double[] y) {
    public int size() {
        return x.length;
    }
}
