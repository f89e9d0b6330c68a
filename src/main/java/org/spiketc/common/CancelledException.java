package org.spiketc.common;

/** Thrown by a stage that noticed its {@link Cancellation} was requested. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
