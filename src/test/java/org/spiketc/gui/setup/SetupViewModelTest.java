package org.spiketc.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javafx.application.Platform;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.Settings;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.run.RunService;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compile, inference, sweep and benchmark runs from the workbench: queued, run one after another, recorded
 * like the command line's; failures say what is wrong and what to do.
 */
class SetupViewModelTest {
    RunRepository runs;
    SetupViewModel vm;
    DialogService.Recording dialogs;
    int recorded;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // queued runs are JavaFX tasks; no stage is shown
    }

    @BeforeEach
    void store() {
        runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        dialogs = new DialogService.Recording();
        vm = setup(WorkbenchThreads.callingThread(), Settings.inMemory());
    }

    /** The Setup view model as the workbench wires it, on the given threads, with this test's store and dialogs. */
    SetupViewModel setup(WorkbenchThreads threads, Settings settings) {
        var tasks = new BackgroundTasks(threads, dialogs);
        return new SetupViewModel(new SetupForm(tasks, settings), new RunSubmission(runs, tasks, null, () -> recorded++));
    }

    @Test
    void aCompileIsRecordedWithItsResultAndCoreMap() {
        vm.compile();
        var stored = runs.list(RunQuery.all());
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.testName()).startsWith("compile_fmnist-spikformer-tiny_loihi2");
        });
        assertThat(runs.metrics(stored.get(0).id())).containsKeys("compilation_time_ms", "cores_used");
        var map = runs.result(stored.get(0).id()).orElseThrow().json().path("core_map");
        assertThat(map.path("cores").size()).isEqualTo((int) runs.metrics(stored.get(0).id()).get("cores_used").value());
        assertThat(vm.statusProperty().get()).startsWith("compiled fmnist-spikformer-tiny for loihi2");
        assertThat(recorded).isEqualTo(1);
        assertThat(dialogs.messages()).isEmpty();
    }

    @Test
    void anInferenceStoresItsMetricsOneSeriesPointPerImageAndTheCoreLoads() {
        vm.form().samplesProperty().set(12);
        vm.infer();
        var run = runs.list(RunQuery.all()).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.metrics(run.id()).get("samples").value()).isEqualTo(12);
        assertThat(runs.series(run.id(), "energy_per_inference_mj").size()).isEqualTo(12);
        var cores = runs.result(run.id()).orElseThrow().json().path("core_map").path("cores");
        assertThat(cores.size()).isPositive();
        double busiest = 0;
        for (var c : cores) {
            busiest = Math.max(busiest, c.path("load").asDouble());
        }
        assertThat(busiest).as("loads are relative to the busiest core").isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).contains("accuracy").contains("simulated");
    }

    @Test
    void moreImagesThanTheShippedSubsetStartOverAndSaySo() {
        vm.form().samplesProperty().set(2_003);
        var data = RunService.images(vm.form().spec().data());
        assertThat(data.count()).isEqualTo(2_003);
        assertThat(data.name()).contains("repeated to 2003");
        assertThat(data.labels()[2_000]).isEqualTo(data.labels()[0]);
    }

    @Test
    void runsQueueAndRunOneAfterAnotherInOrder() {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        var deferred = setup(new WorkbenchThreads(Runnable::run, later, Runnable::run), Settings.inMemory());
        deferred.compile();
        deferred.form().samplesProperty().set(5);
        deferred.infer();
        assertThat(deferred.queue().active()).hasSize(2);
        assertThat(runs.list(RunQuery.all())).as("nothing runs before its turn").isEmpty();
        queued.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();
        List<StoredRun> stored = runs.list(RunQuery.all());
        assertThat(stored).extracting(StoredRun::kind).containsExactly(RunKind.INFERENCE, RunKind.COMPILE); // newest first
        assertThat(stored).allMatch(r -> r.status() == RunStatus.FINISHED);
        assertThat(deferred.queue().active()).as("ended runs leave the queue").isEmpty();
    }

    @Test
    void aCancelledQueuedRunNeverStartsAndLeavesNoRecord() {
        List<Runnable> queued = new ArrayList<>();
        var deferred = setup(new WorkbenchThreads(Runnable::run, queued::add, Runnable::run), Settings.inMemory());
        deferred.compile();
        deferred.compile();
        deferred.queue().active().get(1).cancel();
        queued.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs.list(RunQuery.all())).hasSize(1);
        assertThat(deferred.queue().active()).isEmpty();
    }

    @Test
    void aSweepStoresOneInferenceRunPerWeightWidth() {
        vm.form().samplesProperty().set(4);
        vm.sweep();
        List<StoredRun> stored = runs.list(RunQuery.all());
        assertThat(stored).hasSize(RunSubmission.SWEEP_BITS.size()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RunKind.INFERENCE);
            assertThat(r.testName()).startsWith("sweep_bits_fmnist-spikformer-tiny_loihi2_");

        });
        assertThat(stored).extracting(r -> runs.metrics(r.id()).get("weight_bits").value())
                .containsExactlyInAnyOrder(8.0, 6.0, 5.0, 4.0, 3.0, 2.0);
    }

    @Test
    void aBenchmarkCategoryRunsAtSmokeScaleAndIsStored() {
        vm.form().benchmarkProperty().set("model-size-scaling");
        vm.benchmark();
        StoredRun run = runs.list(RunQuery.all()).get(0);
        assertThat(run.kind()).isEqualTo(RunKind.BENCHMARK);
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(vm.statusProperty().get()).startsWith("benchmark model-size-scaling: passed");
    }

    @Test
    void aModelThatDoesNotFitEndsInADialogSayingWhatToDoAndIsRecordedAsFailed() {
        vm.form().modelProperty().set("spikformer-8-768");
        vm.form().targetProperty().set("loihi1");
        vm.compile();
        assertThat(vm.statusProperty().get()).contains("failed: ").contains("does not fit");
        assertThat(runs.list(RunQuery.all()).get(0).status()).isEqualTo(RunStatus.FAILED);
        assertThat(dialogs.messages()).singleElement().satisfies(m -> {
            assertThat(m.problem()).contains("does not fit");
            assertThat(m.whatToDo()).contains("larger system");
        });
    }

    @Test
    void anUnreadableWeightsFileEndsInADialogAndTheNextRunStillWorks(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.safetensors"), "not a checkpoint");
        vm.form().weightsFileProperty().set(bad);
        vm.compile();
        assertThat(dialogs.messages()).singleElement().satisfies(m -> {
            assertThat(m.problem()).contains("broken.safetensors");
            assertThat(m.whatToDo()).contains("safetensors");
        });
        assertThat(m(dialogs).problem()).doesNotContain("Exception");
        vm.form().weightsFileProperty().set(null);
        vm.compile();
        assertThat(runs.list(RunQuery.all())).extracting(StoredRun::status).containsExactly(RunStatus.FINISHED, RunStatus.FAILED);
    }

    @Test
    void aRunThatFailsOnTheRunThreadReachesTheDialogOnTheFxThread() throws Exception {
        var runThread = Executors.newSingleThreadExecutor();
        try {
            var shownOnFx = new CompletableFuture<Boolean>();
            DialogService onFx = (title, problem, whatToDo) -> shownOnFx.complete(Platform.isFxApplicationThread()
                    && title.equals("Run failed") && problem.contains("does not fit"));
            var tasks = new BackgroundTasks(new WorkbenchThreads(Runnable::run, runThread, Platform::runLater), onFx);
            var threaded = new SetupViewModel(new SetupForm(tasks, Settings.inMemory()), new RunSubmission(runs, tasks, null, () -> { }));
            threaded.form().modelProperty().set("spikformer-8-768");
            threaded.form().targetProperty().set("loihi1");
            threaded.compile();
            assertThat(shownOnFx.get(60, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(threaded.statusProperty().get()).contains("failed: ").contains("does not fit");
            assertThat(runs.list(RunQuery.all())).extracting(StoredRun::status).containsExactly(RunStatus.FAILED);
        } finally {
            runThread.shutdownNow();
        }
    }

    @Test
    void aRunCancelledWhileItGoesIsStoredAsCancelledAndShowsNoDialog() {
        List<Runnable> queued = new ArrayList<>();
        Runnable[] onBegin = {() -> { }};
        RunRepository store = runs;
        // the user presses Cancel the moment the run has been recorded, before the compiler's first safe point
        runs = (RunRepository) Proxy.newProxyInstance(RunRepository.class.getClassLoader(),
                new Class<?>[] {RunRepository.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("begin")) {
                            onBegin[0].run();
                        }
                    }
                });
        var deferred = setup(new WorkbenchThreads(Runnable::run, queued::add, Runnable::run), Settings.inMemory());
        deferred.compile();
        var run = deferred.queue().active().get(0);
        onBegin[0] = run::cancel;
        queued.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.list(RunQuery.all())).extracting(StoredRun::status).containsExactly(RunStatus.CANCELLED);
        assertThat(deferred.statusProperty().get()).isEqualTo("compile of fmnist-spikformer-tiny for loihi2 cancelled");
        assertThat(dialogs.messages()).isEmpty();
        assertThat(recorded).as("the history refreshes for a cancelled run too").isEqualTo(1);
    }

    private static DialogService.Recording.Message m(DialogService.Recording d) {
        return d.messages().get(0);
    }

    @Test
    void hardwareFiguresCarryTheirSourcesAndModelCountsAreShown() {
        assertThat(vm.form().hardwareFigures()).anySatisfy(f -> {
            assertThat(f.figure()).isEqualTo("energy per synaptic op");
            assertThat(f.value()).endsWith("pJ");
            assertThat(f.source()).isNotBlank();
        });
        vm.form().targetProperty().set("loihi3");
        assertThat(vm.form().hardwareInfoProperty().get()).contains("projection");
        assertThat(vm.form().hardwareFigures()).anyMatch(f -> f.basis().equals("projection"));
        assertThat(vm.form().modelInfoProperty().get()).contains("parameters").contains("neurons").contains("synapses");
    }

    @Test
    void theLastChoicesAreRememberedForTheNextStart() {
        var settings = Settings.inMemory();
        var first = setup(WorkbenchThreads.callingThread(), settings);
        first.form().targetProperty().set("loihi1");
        first.form().bitsProperty().set(4);
        first.form().samplesProperty().set(77);
        var next = setup(WorkbenchThreads.callingThread(), settings);
        assertThat(next.form().targetProperty().get()).isEqualTo("loihi1");
        assertThat(next.form().bitsProperty().get()).isEqualTo(4);
        assertThat(next.form().samplesProperty().get()).isEqualTo(77);
        settings.put("setup.target", "loihi9");
        settings.put("setup.bits", "eight");
        var guarded = setup(WorkbenchThreads.callingThread(), settings);
        assertThat(guarded.form().targetProperty().get()).as("an unknown profile falls back").isEqualTo("loihi2");
        assertThat(guarded.form().bitsProperty().get()).isEqualTo(8);
    }

    @Test
    void passParametersReachTheCompilerAndTheStoredResult() {
        vm.form().sparsityPercentProperty().set(30);
        vm.form().timeStepsProperty().set(2);
        assertThat(vm.form().requiredPasses()).contains("fuse-layers", "quantize-weights").doesNotContain("eliminate-dead-code");
        vm.form().disabledPasses().add("eliminate-dead-code");
        vm.compile();
        assertThat(dialogs.messages()).as(vm.statusProperty().get()).isEmpty();
        var passes = runs.result(runs.list(RunQuery.all()).get(0).id()).orElseThrow().json().path("passes");
        List<String> ids = new ArrayList<>();
        passes.forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).contains("prune-weights", "reduce-time-steps").doesNotContain("eliminate-dead-code");
        var prune = StreamSupport.stream(passes.spliterator(), false).filter(p -> p.path("id").asText()
                .equals("prune-weights")).findFirst().orElseThrow();
        assertThat(prune.path("layers").get(0).path("value").asDouble()).isCloseTo(0.3, Offset.offset(0.01));
    }
}
