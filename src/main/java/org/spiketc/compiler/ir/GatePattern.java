package org.spiketc.compiler.ir;

/**
 * Which operand elements a {@link Gate} pairs, for [C, H, W] operands.
 */
public enum GatePattern {
    /** g[c, h, w] = a[c, h, w] · b[c, h, w]. */
    ELEMENTWISE,
    /** g[c, h, w] = a[c, h, w] · b[c, 0, 0] (b broadcast over tokens). */
    BROADCAST;

}
