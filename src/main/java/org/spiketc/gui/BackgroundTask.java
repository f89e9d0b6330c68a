package org.spiketc.gui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.spiketc.common.Cancellation;

/**
 * One piece of work of a view model, made by {@link BackgroundTasks#task}: it runs off the FX thread, and
 * on the FX thread its value goes to {@link #onSuccess}, or its failure to {@link #onFailure} (a status
 * line, say) and then to the error dialog. A task cancelled before its outcome is delivered delivers none:
 * {@link #onCancelled} runs instead (a newer selection superseded it, the user stopped it). Set the
 * callbacks, then {@link #start} it once.
 */
public final class BackgroundTask<T> {
    private final BackgroundTasks tasks;
    private final String failureTitle;
    private final BackgroundTasks.Work<T> work;
    private final Cancellation cancellation = new Cancellation();
    private final AtomicBoolean started = new AtomicBoolean();
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<ErrorAdvice> onFailure = a -> { };
    private Runnable onCancelled = () -> { };
    private Function<Throwable, ErrorAdvice> advice = e -> ErrorAdvice.of(e, ErrorAdvice.WORKBENCH_GOES_ON);

    BackgroundTask(BackgroundTasks tasks, String failureTitle, BackgroundTasks.Work<T> work) {
        this.tasks = tasks;
        this.failureTitle = Objects.requireNonNull(failureTitle);
        this.work = Objects.requireNonNull(work);
    }

    /** What to do with the value, on the FX thread. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** What to do before the error dialog shows, on the FX thread: a status line, for example. */
    public BackgroundTask<T> onFailure(Consumer<ErrorAdvice> action) {
        onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** What to do instead of delivering an outcome once the task was cancelled, on the FX thread. */
    public BackgroundTask<T> onCancelled(Runnable action) {
        onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /**
     * How a failure is worded in the dialog; by default the engine's message for bad input and an
     * internal-error message for anything else ({@link ErrorAdvice#of(Throwable, String)}).
     */
    public BackgroundTask<T> advice(Function<Throwable, ErrorAdvice> wording) {
        advice = Objects.requireNonNull(wording);
        return this;
    }

    /** Runs the work on the workbench's background threads. */
    public BackgroundTask<T> start() {
        claim();
        tasks.inBackground(this::execute);
        return this;
    }

    /**
     * Runs the work on the calling thread, which must not be the FX thread (a queued run's thread, which the
     * run queue already owns); the outcome still arrives on the FX thread.
     */
    public void runHere() {
        claim();
        execute();
    }

    /**
     * Asks the work to stop (it sees {@link Cancellation#isRequested()}) and drops its outcome if it has not
     * been delivered yet. Any thread.
     */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isRequested();
    }

    private void claim() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a background task starts once");
        }
    }

    private void execute() {
        T value;
        try {
            cancellation.check();
            value = work.call(cancellation);
        } catch (Throwable e) { // an Error too (out of memory, a missing class): the window stays and says so
            tasks.onFx(() -> failed(e));
            return;
        }
        tasks.onFx(() -> succeeded(value));
    }

    private void succeeded(T value) {
        if (isCancelled()) {
            onCancelled.run();
            return;
        }
        try {
            onSuccess.accept(value);
        } catch (RuntimeException e) {
            failed(e); // the update itself failed: still the user's to know
        }
    }

    private void failed(Throwable e) {
        if (isCancelled()) {
            onCancelled.run();
            return;
        }
        ErrorAdvice a = advice.apply(e);
        try {
            onFailure.accept(a);
        } finally {
            tasks.showFailure(failureTitle, a);
        }
    }
}
