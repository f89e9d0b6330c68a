package org.spiketc.store;

/** Where a stored run stands. */
public enum RunStatus {
    /** Under way in a live process. */
    RUNNING,
    FINISHED,
    FAILED,
    /** Stopped by the user; its partial results are kept. */
    CANCELLED,
    /** Its process ended without finishing it (killed, crashed): found so at the next start. */
    INTERRUPTED
}
