package org.spiketc.analysis;

import java.util.Locale;

/**
 * The unit a metric is in, declared where the metric is made. Units of one dimension convert into each
 * other by exact ratios of the dimension's smallest unit, so that a floor kept in milliseconds applies to
 * a metric in seconds.
 */
public enum Unit {
    NS("ns", Dimension.TIME, 1), US("us", Dimension.TIME, 1e3), MS("ms", Dimension.TIME, 1e6), S("s", Dimension.TIME, 1e9),
    BYTES("bytes", Dimension.SIZE, 1), KB("KB", Dimension.SIZE, 1024), MB("MB", Dimension.SIZE, 1024.0 * 1024),
    GB("GB", Dimension.SIZE, 1024.0 * 1024 * 1024),
    UJ("uJ", Dimension.ENERGY, 1), MJ("mJ", Dimension.ENERGY, 1e3), J("J", Dimension.ENERGY, 1e6),
    /** A share between 0 and 1 (accuracy, fidelity, utilisation): changes are given in points. */
    FRACTION("fraction", Dimension.SHARE, 1),
    /** Events per second (inferences, images, synaptic events). */
    PER_S("1/s", Dimension.RATE, 1),
    /** A number of things (cores, spikes, parameters, bits). */
    COUNT("count", Dimension.NUMBER, 1),
    /** A ratio or other number without a dimension. */
    NONE("", Dimension.NUMBER, 1);

    /** What a unit measures; only units of one dimension convert. */
    public enum Dimension { TIME, SIZE, ENERGY, SHARE, RATE, NUMBER }

    private final String symbol;
    private final Dimension dimension;
    private final double size;

    Unit(String symbol, Dimension dimension, double size) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.size = size;
    }

    /** As written in results and tables ({@code ms}, {@code mJ}, {@code MB}). */
    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** {@code value} in this unit, expressed in {@code other} (of the same dimension). */
    public double convert(double value, Unit other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException(this + " does not convert to " + other);
        }
        return value * (size / other.size);
    }

    /** The unit a result file names, by its symbol or its constant's name, case aside; null if none matches. */
    public static Unit parse(String s) {
        for (Unit u : values()) {
            if (u.symbol.equals(s) || u.name().equalsIgnoreCase(s) || (!u.symbol.isEmpty() && u.symbol.equalsIgnoreCase(s))) {
                return u;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol.isEmpty() ? name().toLowerCase(Locale.ROOT) : symbol;
    }
}
