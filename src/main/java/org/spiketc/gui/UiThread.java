package org.spiketc.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Where ViewModels run work: {@code background} for short reads of the store, {@code runs} for the
 * queued compile, inference, benchmark and sweep runs (one at a time, in order), {@code ui} for updating
 * their properties. The workbench uses daemon threads and the FX thread; tests run everything on the
 * calling thread, deterministically.
 */
public record UiThread(Executor background, Executor runs, Executor ui) {
    public static UiThread javafx() {
        return new UiThread(Executors.newCachedThreadPool(daemon("workbench-worker")),
                Executors.newSingleThreadExecutor(daemon("workbench-run")), Platform::runLater);
    }

    /** Everything on the calling thread: ViewModel tests without a stage. */
    public static UiThread current() {
        return new UiThread(Runnable::run, Runnable::run, Runnable::run);
    }

    /**
     * Work on the calling (FX) thread, UI updates on the FX thread even when an engine worker makes them:
     * UI tests that want runs to finish before they look.
     */
    public static UiThread synchronousOnFx() {
        Executor fx = r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
        return new UiThread(Runnable::run, Runnable::run, fx);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
