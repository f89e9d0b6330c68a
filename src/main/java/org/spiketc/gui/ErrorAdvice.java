package org.spiketc.gui;

import java.util.Locale;
import org.spiketc.common.UserInputException;

/**
 * Turns a failure into the two lines an error dialog shows: what is wrong (the engine's own one-line
 * message for bad input, which names the problem) and what the user can do about it.
 */
public record ErrorAdvice(String problem, String whatToDo) {
    /** What stands after a failure that is not a run's: nothing of the user's is lost. */
    public static final String WORKBENCH_GOES_ON = "The workbench goes on";

    /** A queued run's failure; the run has been stored as failed. */
    public static ErrorAdvice of(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return new ErrorAdvice("The run ran out of memory.", "Choose a smaller model or fewer images, or start the "
                    + "workbench with more heap (java -Xmx8g -jar stc.jar gui). The run was stored as failed.");
        }
        return of(e, "The run was stored as failed and the workbench goes on");
    }

    /**
     * Any failure: bad input in the engine's own words with what to change; anything else as an internal
     * error, with {@code aftermath} (what stands now, e.g. {@link #WORKBENCH_GOES_ON}) and a request to report it.
     */
    public static ErrorAdvice of(Throwable e, String aftermath) {
        Throwable user = e;
        while (user != null && !(user instanceof UserInputException)) {
            user = user.getCause();
        }
        if (e instanceof OutOfMemoryError) {
            return new ErrorAdvice("The workbench ran out of memory.", "Start the workbench with more heap "
                    + "(java -Xmx8g -jar stc.jar gui). " + aftermath + ".");
        }
        if (user == null) {
            return new ErrorAdvice("Unexpected error: " + e, aftermath + "; please report this with the steps that led to it.");
        }
        String m = user.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        String todo;
        if (lower.contains("safetensors") || lower.contains("weight") || lower.contains("tensor")) {
            todo = "Choose a safetensors checkpoint with the official Spikformer key names and the config's shapes "
                    + "(export one with src/main/python/spikformer_tool.py export; see docs: model-config).";
        } else if (lower.contains("does not fit") || lower.contains("needs") && lower.contains("chips")) {
            todo = "Choose a larger system (Chips), another hardware profile, fewer time steps, a higher -O level, or a smaller model.";
        } else if (lower.contains("json") || lower.contains("schema") || lower.contains("import")) {
            todo = "Choose a result file in the seed JSON shape (stc runs export writes one; see docs: results-json). Nothing was imported.";
        } else if (lower.contains("config")) {
            todo = "Fix the model config file (see docs: model-config) or choose a preset.";
        } else {
            todo = "Change the choice named above and try again; nothing already stored was lost.";
        }
        return new ErrorAdvice(m, todo);
    }
}
