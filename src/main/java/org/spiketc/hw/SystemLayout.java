package org.spiketc.hw;

/**
 * A multi-chip system of one profile: how many chips and how they sit on the board mesh.
 *
 * @param chips  number of chips
 * @param name   e.g. "kapoho-point" or "8-chip mesh"
 * @param columns chips per row of the chip mesh
 * @param rows   rows of the chip mesh
 * @param source where the configuration comes from
 */
public record SystemLayout(int chips, String name, int columns, int rows, String source) {
}
