package org.spiketc.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spiketc.gui.UiThread;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;

/** Compile and inference runs from the workbench: done in the background and recorded like the command line's. */
class SetupViewModelTest {
    RunRepository runs;
    SetupViewModel vm;
    int recorded;

    @BeforeEach
    void store() {
        runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        vm = new SetupViewModel(runs, UiThread.current());
        vm.setOnRecorded(() -> recorded++);
    }

    @Test
    void aCompileIsRecordedWithItsResult() {
        vm.compile();
        var stored = runs.list(RunQuery.all());
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.testName()).startsWith("compile_fmnist-spikformer-tiny_loihi2");
        });
        assertThat(runs.metrics(stored.get(0).id())).containsKeys("compilation_time_ms", "cores_used");
        assertThat(vm.statusProperty().get()).startsWith("compiled fmnist-spikformer-tiny for loihi2");
        assertThat(recorded).isEqualTo(1);
    }

    @Test
    void anInferenceStoresItsMetricsAndOneSeriesPointPerImage() {
        vm.samplesProperty().set(12);
        vm.infer();
        var run = runs.list(RunQuery.all()).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.metrics(run.id()).get("samples").value()).isEqualTo(12);
        assertThat(runs.series(run.id(), "energy_per_inference_mj").size()).isEqualTo(12);
        assertThat(vm.statusProperty().get()).contains("accuracy").contains("simulated");
    }

    @Test
    void aModelThatDoesNotFitFailsWithTheReasonAndIsRecordedAsFailed() {
        vm.modelProperty().set("spikformer-8-768");
        vm.targetProperty().set("loihi1");
        vm.compile();
        assertThat(vm.statusProperty().get()).startsWith("compile failed: ").contains("does not fit");
        assertThat(runs.list(RunQuery.all()).get(0).status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void theLastChoicesAreRememberedForTheNextStart() {
        var settings = org.spiketc.gui.Settings.inMemory();
        var first = new SetupViewModel(runs, UiThread.current(), settings);
        first.targetProperty().set("loihi1");
        first.bitsProperty().set(4);
        first.samplesProperty().set(77);
        var next = new SetupViewModel(runs, UiThread.current(), settings);
        assertThat(next.targetProperty().get()).isEqualTo("loihi1");
        assertThat(next.bitsProperty().get()).isEqualTo(4);
        assertThat(next.samplesProperty().get()).isEqualTo(77);
        settings.put("setup.target", "loihi9");
        settings.put("setup.bits", "eight");
        var guarded = new SetupViewModel(runs, UiThread.current(), settings);
        assertThat(guarded.targetProperty().get()).as("an unknown profile falls back").isEqualTo("loihi2");
        assertThat(guarded.bitsProperty().get()).isEqualTo(8);
    }
}
