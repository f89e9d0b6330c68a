package org.spiketc.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javafx.application.Platform;

/**
 * The three places the workbench executes code, injected so that tests decide them: {@code background}
 * for short reads and writes of the store (any number at once), {@code runs} for the queued compile,
 * inference, benchmark and sweep runs (one at a time, in order), {@code fx} for updating properties (the
 * JavaFX application thread). View models never use these directly; {@link BackgroundTasks} does.
 */
public record WorkbenchThreads(Executor background, Executor runs, Executor fx) {
    /** The window's: daemon worker threads, one run thread, {@link Platform#runLater}. */
    public static WorkbenchThreads javafx() {
        return new WorkbenchThreads(Executors.newCachedThreadPool(daemon("workbench-worker")),
                Executors.newSingleThreadExecutor(daemon("workbench-run")), Platform::runLater);
    }

    /** Everything on the calling thread, in order: view-model tests without a stage see each outcome on return. */
    public static WorkbenchThreads callingThread() {
        return new WorkbenchThreads(Runnable::run, Runnable::run, Runnable::run);
    }

    /**
     * Work on the calling (FX) thread, updates on the FX thread even when an engine worker makes them: UI
     * tests that want runs to finish before they look.
     */
    public static WorkbenchThreads fxThread() {
        Executor fx = r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
        return new WorkbenchThreads(Runnable::run, Runnable::run, fx);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
