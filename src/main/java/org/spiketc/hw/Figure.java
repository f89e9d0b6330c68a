package org.spiketc.hw;

/**
 * A hardware number with where it comes from. Nothing the product shows about hardware is a bare
 * number: every value carries its unit, its source and how it was obtained.
 *
 * @param value  the number
 * @param unit   e.g. "pJ", "ns", "bytes", "compartments"
 * @param source citation, e.g. "Davies et al. 2018, IEEE Micro 38(1), Table 2"
 * @param basis  published, derived, estimate or projection
 */
public record Figure(double value, String unit, String source, Basis basis) {
    public enum Basis {
        /** Read from a primary source or a faithful transcription. */
        published,
        /** Computed from published numbers (the source says how). */
        derived,
        /** No public number exists; the source states the assumption. */
        estimate,
        /** Extrapolated for hardware that does not exist publicly. */
        projection
    }

    public int intValue() {
        return (int) Math.round(value);
    }

    /** e.g. {@code 23.6 pJ [published: Davies et al. 2018 ...]}. */
    public String cited() {
        String v = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return v + " " + unit + " [" + basis + ": " + source + "]";
    }
}
