package org.spiketc.run;

import java.util.function.Consumer;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.sim.Evaluation;

/**
 * How a caller follows a run: cancellation, progress (a stage and its fraction, or −1 when unknown), warnings
 * for the user, each finished inference, and how much of each inference the outcome keeps.
 */
public record RunHooks(Cancellation cancel, ProgressListener progress, Consumer<String> warnings, SampleListener samples,
        Evaluation.Retention retention) {
    public static RunHooks quiet() {
        return new RunHooks(Cancellation.none(), ProgressListener.NONE, w -> { }, SampleListener.NONE, Evaluation.Retention.FULL);
    }

    public RunHooks withCancel(Cancellation c) {
        return new RunHooks(c, progress, warnings, samples, retention);
    }

    public RunHooks withProgress(ProgressListener p) {
        return new RunHooks(cancel, p, warnings, samples, retention);
    }

    public RunHooks withWarnings(Consumer<String> w) {
        return new RunHooks(cancel, progress, w, samples, retention);
    }

    public RunHooks withSamples(SampleListener s) {
        return new RunHooks(cancel, progress, warnings, s, retention);
    }

    public RunHooks withRetention(Evaluation.Retention r) {
        return new RunHooks(cancel, progress, warnings, samples, r);
    }
}
