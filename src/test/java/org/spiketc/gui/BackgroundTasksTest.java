package org.spiketc.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;
import org.testfx.api.FxToolkit;

/**
 * The one way view models do background work: the work runs off the FX thread, its value or its failure
 * comes back on the FX thread, every failure reaches the dialog service, and a cancelled task delivers
 * nothing but its cancellation.
 */
class BackgroundTasksTest {
    /** The dialogs shown, each with whether it was shown on the FX thread. */
    static final class Dialogs implements DialogService {
        record Shown(String title, String problem, String whatToDo, boolean onFxThread) {
        }

        final List<Shown> shown = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Shown> first = new CompletableFuture<>();

        @Override
        public void error(String title, String problem, String whatToDo) {
            Shown s = new Shown(title, problem, whatToDo, Platform.isFxApplicationThread());
            shown.add(s);
            first.complete(s);
        }
    }

    final Dialogs dialogs = new Dialogs();
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    /** Work and delivery each wait here until the test runs them, in the order it chooses. */
    final List<Runnable> pendingWork = new ArrayList<>();
    final List<Runnable> pendingDelivery = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // a running FX application thread; no stage is shown
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** A real worker thread and the real FX thread, as in the window. */
    BackgroundTasks threaded() {
        return new BackgroundTasks(new WorkbenchThreads(worker, Runnable::run, Platform::runLater), dialogs);
    }

    /** Work and delivery held until the test runs them. */
    BackgroundTasks stepped() {
        return new BackgroundTasks(new WorkbenchThreads(pendingWork::add, Runnable::run, pendingDelivery::add), dialogs);
    }

    static void runAll(List<Runnable> pending) {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void theWorkRunsOffTheFxThreadAndItsValueArrivesOnIt() throws Exception {
        CompletableFuture<Boolean> workOnFx = new CompletableFuture<>();
        CompletableFuture<String> delivered = new CompletableFuture<>();
        CompletableFuture<Boolean> deliveredOnFx = new CompletableFuture<>();
        Platform.runLater(() -> threaded().task("Failed", cancel -> {
            workOnFx.complete(Platform.isFxApplicationThread());
            return "forty-two";
        }).onSuccess(v -> {
            deliveredOnFx.complete(Platform.isFxApplicationThread());
            delivered.complete(v);
        }).start());
        assertThat(workOnFx.get(30, TimeUnit.SECONDS)).as("work never blocks the FX thread").isFalse();
        assertThat(delivered.get(30, TimeUnit.SECONDS)).isEqualTo("forty-two");
        assertThat(deliveredOnFx.get()).isTrue();
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void aFailureReachesTheDialogOnTheFxThreadAfterTheViewModelsOwnHandling() throws Exception {
        CompletableFuture<Boolean> handledOnFx = new CompletableFuture<>();
        threaded().task("Import failed", cancel -> {
            throw new UserInputException("results.json: not a result file");
        }).onSuccess(v -> handledOnFx.complete(false)).onFailure(a -> handledOnFx.complete(Platform.isFxApplicationThread()
                && dialogs.shown.isEmpty())).start();
        Dialogs.Shown shown = dialogs.first.get(30, TimeUnit.SECONDS);
        assertThat(handledOnFx.get()).as("onFailure on the FX thread, before the dialog").isTrue();
        assertThat(shown.onFxThread()).isTrue();
        assertThat(shown.title()).isEqualTo("Import failed");
        assertThat(shown.problem()).as("bad input: the engine's own message").isEqualTo("results.json: not a result file");
    }

    @Test
    void anyOtherFailureIsShownAsAnInternalErrorAndAnErrorToo() {
        BackgroundTasks tasks = new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs);
        tasks.task("Comparison failed", cancel -> {
            throw new IllegalStateException("index 3 out of bounds");
        }).start();
        tasks.task("Comparison failed", cancel -> {
            throw new StackOverflowError();
        }).start();
        assertThat(dialogs.shown).hasSize(2);
        assertThat(dialogs.shown.get(0).problem()).isEqualTo("Unexpected error: java.lang.IllegalStateException: index 3 out of bounds");
        assertThat(dialogs.shown.get(0).whatToDo()).contains("The workbench goes on").contains("please report this");
        assertThat(dialogs.shown.get(1).problem()).contains("StackOverflowError");
    }

    @Test
    void aFailingUpdateOfTheViewModelReachesTheDialogToo() {
        BackgroundTasks tasks = new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs);
        tasks.task("Cannot read the runs", cancel -> 1).onSuccess(v -> {
            throw new IllegalArgumentException("no such column");
        }).start();
        tasks.onFxThread(() -> {
            throw new IllegalStateException("chart gone");
        });
        assertThat(dialogs.shown).extracting(Dialogs.Shown::title).containsExactly("Cannot read the runs", "Workbench error");
        assertThat(dialogs.shown.get(1).problem()).contains("chart gone");
    }

    @Test
    void aTaskCancelledBeforeItRunsNeverDoesItsWorkAndDeliversOnlyItsCancellation() {
        List<String> events = new ArrayList<>();
        BackgroundTask<String> task = stepped().task("Failed", cancel -> {
            events.add("work");
            return "value";
        }).onSuccess(events::add).onCancelled(() -> events.add("cancelled")).start();
        task.cancel();
        runAll(pendingWork);
        runAll(pendingDelivery);
        assertThat(events).containsExactly("cancelled");
        assertThat(task.isCancelled()).isTrue();
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void aTaskCancelledAfterItsWorkDropsItsValueOrItsFailure() {
        List<String> events = new ArrayList<>();
        BackgroundTasks tasks = stepped();
        BackgroundTask<String> done = tasks.task("Failed", cancel -> "stale").onSuccess(events::add)
                .onCancelled(() -> events.add("value dropped")).start();
        BackgroundTask<String> failed = tasks.<String>task("Failed", cancel -> {
            throw new IllegalStateException("stale failure");
        }).onCancelled(() -> events.add("failure dropped")).start();
        runAll(pendingWork); // both have finished their work; their outcomes wait for the FX thread
        done.cancel();
        failed.cancel();
        runAll(pendingDelivery);
        assertThat(events).containsExactly("value dropped", "failure dropped");
        assertThat(dialogs.shown).as("a superseded task's failure is nobody's concern").isEmpty();
    }

    @Test
    void theWorkSeesTheCancellationAndCanStopAtASafePoint() {
        List<String> events = new ArrayList<>();
        BackgroundTask<?>[] self = new BackgroundTask<?>[1];
        self[0] = new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs).task("Failed", cancel -> {
            self[0].cancel(); // as the user would, while the work goes
            cancel.check(); // the engine's safe point: throws
            events.add("went on");
            return 0;
        }).onCancelled(() -> events.add("cancelled"));
        self[0].start();
        assertThat(events).containsExactly("cancelled");
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void aTaskStartsOnce() {
        BackgroundTask<Integer> task = new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs).task("Failed", cancel -> 1).start();
        assertThatThrownBy(task::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(task::runHere).isInstanceOf(IllegalStateException.class);
    }
}
