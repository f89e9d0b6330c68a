package org.spiketc.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Where ViewModels run work: {@code background} for anything that touches the engine or the store,
 * {@code ui} for updating their properties. The workbench uses a daemon pool and the FX thread; tests
 * run both on the calling thread, deterministically.
 */
public record UiThread(Executor background, Executor ui) {
    public static UiThread javafx() {
        return new UiThread(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-worker");
            t.setDaemon(true);
            return t;
        }), Platform::runLater);
    }

    /** Everything on the calling thread: ViewModel tests without a toolkit. */
    public static UiThread current() {
        return new UiThread(Runnable::run, Runnable::run);
    }

    /**
     * Work on the calling (FX) thread, UI updates on the FX thread even when an engine worker makes them:
     * UI tests that want runs to finish before they look.
     */
    public static UiThread synchronousOnFx() {
        return new UiThread(Runnable::run, r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        });
    }
}
