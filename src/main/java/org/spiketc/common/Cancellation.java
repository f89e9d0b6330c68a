package org.spiketc.common;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation flag shared between whoever starts a job (CLI, benchmark, GUI) and the stages that
 * run it. Stages call {@link #check()} at safe points; it throws {@link CancelledException}.
 */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** A token nobody will ever cancel. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }

    public void check() {
        if (requested.get()) {
            throw new CancelledException();
        }
    }
}
