package org.spiketc.gui.queue;

import java.util.Locale;
import javafx.concurrent.Task;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;

/**
 * One run in the workbench's queue, as a JavaFX {@link Task} so that ControlsFX's task progress view can
 * show its title, progress, remaining time and a cancel button. The work itself is engine code: it gets a
 * {@link Cancellation} and a {@link ProgressListener}, never the task.
 */
public final class QueuedRun extends Task<Void> {
    /** What a queued run does; it reports its own outcome (the status line, a dialog) through the view model. */
    @FunctionalInterface
    public interface Work {
        void run(Cancellation cancel, ProgressListener progress) throws Exception;
    }

    private final Cancellation cancellation = new Cancellation();
    private final Work work;

    QueuedRun(String title, Work work) {
        this.work = work;
        updateTitle(title);
        updateMessage("queued");
    }

    @Override
    protected Void call() throws Exception {
        long start = System.nanoTime();
        updateMessage("starting");
        work.run(cancellation, (stage, fraction) -> {
            if (fraction >= 0) {
                updateProgress(fraction, 1);
            }
            updateMessage(progressText(stage, fraction, (System.nanoTime() - start) / 1e9));
        });
        return null;
    }

    /**
     * Stops the run: a queued one never starts, a running one ends at its next cancellation check and is
     * stored as cancelled with what it finished. Never interrupts the thread, which could close the H2
     * file channel under a write.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancellation.cancel();
        return super.cancel(false);
    }

    /** The line under a run's progress bar: what runs now, how far, and about how long is left. */
    static String progressText(String stage, double fraction, double elapsedSeconds) {
        if (fraction < 0) {
            return stage;
        }
        String done = String.format(Locale.ROOT, "%s %.0f %%", stage, 100 * fraction);
        // Before a few per cent and a second, an extrapolation says more about JIT warm-up than the run.
        if (fraction < 0.02 || elapsedSeconds < 1 || fraction >= 1) {
            return done;
        }
        return done + " · about " + duration(elapsedSeconds * (1 - fraction) / fraction) + " left";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
