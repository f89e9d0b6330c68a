package org.spiketc.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.spiketc.store.RunLabels;
import org.spiketc.store.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stc runs label ID TEXT}: the user's one line about a run, shown by list, show and compare. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Set a run's label: one line of at most " + RunLabels.MAX_LABEL + " characters; empty text (\"\") clears it.")
final class RunsLabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RunsCommand.Db db;
    @Parameters(index = "0", paramLabel = "ID")
    long id;
    /** Several words unquoted are one label, as a user typing a sentence means. */
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT")
    List<String> words;

    @Override
    public Integer call() {
        RunRepository runs = db.open();
        RunsCommand.require(runs, id);
        String text = String.join(" ", words);
        runs.setLabel(id, text);
        String stored = RunsCommand.require(runs, id).label();
        spec.commandLine().getOut().println(stored == null ? "cleared the label of run " + id : "labelled run " + id + " \"" + stored + "\"");
        return ExitCodes.OK;
    }
}
