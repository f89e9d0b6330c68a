package org.spiketc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spiketc.common.UserInputException;
import org.spiketc.store.RunLabels;
import org.spiketc.store.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stc runs tag ID --add T... --remove T...}: the user's short words to find runs by ({@code runs list --tag}). */
@Command(name = "tag", mixinStandardHelpOptions = true, description = {
        "Add and remove a run's tags in one step, all or none; prints its tags after.",
        "A tag is 1 to " + RunLabels.MAX_TAG + " of a-z, 0-9, '.', '_', '-' (any case, kept in lower case); at most "
                + RunLabels.MAX_TAGS + " per run."})
final class RunsTagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RunsCommand.Db db;
    @Parameters(paramLabel = "ID")
    long id;
    @Option(names = "--add", arity = "1..*", paramLabel = "TAG", description = "Tags to add.")
    List<String> add = new ArrayList<>();
    @Option(names = "--remove", arity = "1..*", paramLabel = "TAG", description = "Tags to remove.")
    List<String> remove = new ArrayList<>();

    @Override
    public Integer call() {
        RunRepository runs = db.open();
        RunsCommand.require(runs, id);
        if (add.isEmpty() && remove.isEmpty()) {
            throw new UserInputException("say which tags to --add or --remove (run " + id + " has "
                    + RunsCommand.tagsText(RunsCommand.require(runs, id).tags()) + ")");
        }
        List<String> tags = runs.changeTags(id, add, remove);
        spec.commandLine().getOut().println("run " + id + " tags: " + (tags.isEmpty() ? "-" : String.join(" ", tags)));
        return ExitCodes.OK;
    }
}
