package org.spiketc.compiler.ir;

import java.util.Locale;
import org.spiketc.common.StoredCode;

/**
 * Which operand elements a {@link Gate} pairs, for [C, H, W] operands, with the number a binary's gate
 * population stores for it ({@code binary-format.md}).
 */
public enum GatePattern implements StoredCode {
    /** g[c, h, w] = a[c, h, w] · b[c, h, w]. */
    ELEMENTWISE(0),
    /** g[c, h, w] = a[c, h, w] · b[c, 0, 0] (b broadcast over tokens). */
    BROADCAST(1);

    private final int code;

    GatePattern(int code) {
        this.code = code;
    }

    /** The number the binary stores; part of the format, never renumbered. */
    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pattern stored as {@code code}, or null for a number the format does not define. */
    public static GatePattern ofCode(int code) {
        return StoredCode.ofCode(GatePattern.class, code);
    }
}
