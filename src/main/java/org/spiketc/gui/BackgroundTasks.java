package org.spiketc.gui;

import org.spiketc.common.Cancellation;
import org.spiketc.gui.queue.RunQueue;

/**
 * The workbench's background work in one place. A view model describes a task (what to do off the FX
 * thread, what to do with its value, what to show when it fails) and starts it; the value arrives on the FX
 * thread, and every failure ends in an error dialog from the one {@link DialogService}: the engine's own
 * message for bad input, a clear internal-error message for anything else ({@link ErrorAdvice}). Where the
 * code runs is {@link WorkbenchThreads}' choice, so view-model tests run tasks synchronously.
 */
public final class BackgroundTasks {
    /** Work done off the FX thread; it may stop at safe points when {@code cancel} is requested. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Cancellation cancel) throws Exception;
    }

    private final WorkbenchThreads threads;
    private final DialogService dialogs;

    public BackgroundTasks(WorkbenchThreads threads, DialogService dialogs) {
        this.threads = threads;
        this.dialogs = dialogs;
    }

    /** A task not yet started; {@code failureTitle} heads the dialog should it fail (e.g. "Import failed"). */
    public <T> BackgroundTask<T> task(String failureTitle, Work<T> work) {
        return new BackgroundTask<>(this, failureTitle, work);
    }

    /**
     * Applies an update on the FX thread: for engine threads that report into properties while they go (a
     * run's images arriving, the host's readings). If the update throws, the dialog says so.
     */
    public void onFxThread(Runnable update) {
        threads.fx().execute(() -> {
            try {
                update.run();
            } catch (RuntimeException e) {
                showFailure("Workbench error", ErrorAdvice.of(e, ErrorAdvice.WORKBENCH_GOES_ON));
            }
        });
    }

    /** A new run queue on the run thread: the queued runs execute one after another, in order. */
    public RunQueue newRunQueue() {
        return new RunQueue(threads.runs());
    }

    void inBackground(Runnable r) {
        threads.background().execute(r);
    }

    void onFx(Runnable r) {
        threads.fx().execute(r);
    }

    /** On the FX thread. */
    void showFailure(String title, ErrorAdvice advice) {
        dialogs.error(title, advice.problem(), advice.whatToDo());
    }
}
