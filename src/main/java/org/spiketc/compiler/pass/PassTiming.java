package org.spiketc.compiler.pass;

import java.util.List;

/**
 * One node of the timing tree (TVM's PassProfile): wall time of a pass including its children,
 * its self time (total minus children) and the children in run order.
 */
public record PassTiming(String pass, long totalNanos, long selfNanos, List<PassTiming> children) {
    public double totalMillis() {
        return totalNanos / 1e6;
    }

    public double selfMillis() {
        return selfNanos / 1e6;
    }
}
