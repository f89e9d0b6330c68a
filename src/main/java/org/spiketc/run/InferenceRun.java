package org.spiketc.run;

import org.spiketc.report.InferenceResults;
import org.spiketc.result.Result;

/** A finished (or cancelled) inference run: what the engines produced, and the typed result. */
public record InferenceRun(InferenceResults.Run run, Result result) {
    public boolean complete() {
        return run.outcomes().stream().allMatch(o -> o.complete());
    }
}
