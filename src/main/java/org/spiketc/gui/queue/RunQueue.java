package org.spiketc.gui.queue;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;

/**
 * The workbench's run queue: compile, inference, benchmark and sweep runs execute one after another on
 * their own executor, so the window never waits for them and several can be lined up. {@link #active}
 * holds the queued and running ones, in order, for the progress view.
 */
public final class RunQueue {
    private final Executor executor;
    private final ObservableList<QueuedRun> active = FXCollections.observableArrayList();

    /** @param executor runs one task at a time (a single thread in the workbench, the caller in tests) */
    public RunQueue(Executor executor) {
        this.executor = executor;
    }

    /** Queues a run; it starts when those before it have ended. Call on the UI thread. */
    public QueuedRun submit(String title, QueuedRun.Work work) {
        QueuedRun run = new QueuedRun(title, work);
        run.stateProperty().addListener((o, before, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                active.remove(run);
            }
        });
        active.add(run);
        executor.execute(run);
        return run;
    }

    /** Queued and running runs, in order. */
    public ObservableList<QueuedRun> active() {
        return active;
    }

    /** Cancels the run under way (the first that has started); the queued ones go on. */
    public void cancelRunning() {
        active.stream().filter(r -> r.getState() == Worker.State.RUNNING || r.getState() == Worker.State.SCHEDULED)
                .findFirst().ifPresent(QueuedRun::cancel);
    }

    /** Cancels every queued and running run. */
    public void cancelAll() {
        List.copyOf(active).forEach(QueuedRun::cancel);
    }
}
