package org.spiketc.common;

/**
 * Receives progress from a running stage. Implementations must be cheap and thread-safe: stages
 * call this from their worker thread, the GUI marshals to its own thread itself.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage    short name of what runs now, e.g. a pass id or "mapping"
     * @param fraction 0..1 of the whole job, or -1 when unknown
     */
    void progress(String stage, double fraction);
}
