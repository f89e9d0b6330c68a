package org.spiketc.compiler.ir;

import java.math.BigDecimal;

/** Locale-independent, shortest round-trip number text for dumps. */
final class Format {
    private Format() {
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
