package org.spiketc.gui.welcome;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.spiketc.gui.queue.QueuedRun;
import org.spiketc.gui.setup.RunSubmission;

/**
 * The first view a newcomer sees: what the product does, and one action that shows it working end to
 * end on the shipped model (compile, inference over the shipped test images, live charts) in well under
 * a minute, before reading anything.
 */
public final class WelcomeViewModel {
    private final RunSubmission setup;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Nothing to install or download: the model, its trained weights and 2,000 test images ship with stc.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Runnable onStarted = () -> { };
    private long startNanos;

    public WelcomeViewModel(RunSubmission setup) {
        this.setup = setup;
        setup.queue().active().addListener((ListChangeListener<QueuedRun>) c -> {
            if (running.get() && setup.queue().active().isEmpty()) {
                running.set(false);
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                status.set(String.format(Locale.ROOT, "Demo finished in %.1f s. %s. Runs (F4) holds both runs; Hotspots (F5) "
                        + "shows where the compile spent its time and how loaded each core is.", seconds, setup.statusProperty().get()));
            }
        });
    }

    /** Called when the demo starts (the window shows the live charts). */
    public void setOnStarted(Runnable r) {
        onStarted = r;
    }

    /** Queues the demo's compile and inference runs. */
    public void runDemo() {
        if (running.get()) {
            return;
        }
        startNanos = System.nanoTime();
        running.set(true);
        status.set("Demo under way: compiling " + RunSubmission.DEMO_MODEL + " for simulated Loihi 2, then running it on the chip "
                + "emulator over the 2,000 shipped test images…");
        setup.demo();
        onStarted.run();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
