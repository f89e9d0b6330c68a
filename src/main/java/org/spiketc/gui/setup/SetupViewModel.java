package org.spiketc.gui.setup;

import javafx.beans.property.ReadOnlyStringProperty;
import org.spiketc.gui.queue.RunQueue;

/**
 * The Setup view's state and actions: the {@link SetupForm} (the choices) and the {@link RunSubmission}
 * (the queue of runs). Each button submits the form's choices as they are when it is pressed; later
 * edits do not reach runs already queued.
 */
public final class SetupViewModel {
    private final SetupForm form;
    private final RunSubmission submission;

    public SetupViewModel(SetupForm form, RunSubmission submission) {
        this.form = form;
        this.submission = submission;
    }

    public SetupForm form() {
        return form;
    }

    public RunSubmission submission() {
        return submission;
    }

    /** Queues a compile of the chosen model for the chosen target. */
    public void compile() {
        submission.compile(form.spec());
    }

    /** Queues an inference run of the chosen model on the emulator over the chosen images. */
    public void infer() {
        submission.infer(form.spec());
    }

    /** Queues one inference run per weight width of {@link RunSubmission#SWEEP_BITS} at the chosen level. */
    public void sweep() {
        submission.sweep(form.spec());
    }

    /** Queues the chosen benchmark category, or all of them. */
    public void benchmark() {
        submission.benchmark(form.benchmarkProperty().get());
    }

    /** Cancels the run under way; the queued ones go on. What it finished is kept. */
    public void cancel() {
        submission.cancel();
    }

    /** Cancels the run under way and every queued one. */
    public void cancelAll() {
        submission.cancelAll();
    }

    public ReadOnlyStringProperty statusProperty() {
        return submission.statusProperty();
    }

    public RunQueue queue() {
        return submission.queue();
    }
}
