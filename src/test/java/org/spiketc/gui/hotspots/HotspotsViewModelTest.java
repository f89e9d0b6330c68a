package org.spiketc.gui.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.Settings;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.gui.setup.RunSubmission;
import org.spiketc.gui.setup.SetupForm;
import org.spiketc.gui.setup.SetupViewModel;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;
import org.testfx.api.FxToolkit;

/** Hotspots of real runs: a compile's passes with their IR change, an inference's layers by synaptic operations. */
class HotspotsViewModelTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the runs come from the workbench's queue of JavaFX tasks
    }

    @Test
    void aCompileShowsItsPassesAndAnInferenceItsLayersBySynapticOperations() {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        var dialogs = new DialogService.Recording();
        var tasks = new BackgroundTasks(WorkbenchThreads.callingThread(), dialogs);
        var setup = new SetupViewModel(new SetupForm(tasks, Settings.inMemory()), new RunSubmission(runs, tasks, null, () -> { }));
        setup.compile();
        setup.form().samplesProperty().set(8);
        setup.infer();
        var stored = runs.list(RunQuery.all()); // newest first: the inference, then the compile
        assertThat(dialogs.messages()).isEmpty();
        var vm = new HotspotsViewModel(runs, tasks);

        vm.show(stored.get(1));
        assertThat(vm.passes()).extracting(HotspotsViewModel.PassRow::pass).contains("fold-batch-norm", "quantize-weights");
        assertThat(vm.passes()).allMatch(p -> p.wallMs() >= 0 && p.irChange().startsWith("nodes "));
        assertThat(vm.layers()).isEmpty();
        for (int i = 1; i < vm.passes().size(); i++) {
            var before = vm.passes().get(i - 1);
            assertThat(vm.passes().get(i).startMs()).as("the timeline lays passes end to end")
                    .isCloseTo(before.startMs() + before.wallMs(), Offset.offset(1e-9));
        }
        var quantize = vm.passes().stream().filter(p -> p.pass().equals("quantize-weights")).findFirst().orElseThrow();
        vm.selectedPassProperty().set(quantize);
        assertThat(vm.passLayers()).as("drill-down: the layers the pass changed and how").isNotEmpty()
                .anyMatch(c -> c.metric().equals("weight_rel_rmse") && c.value() > 0);
        assertThat(vm.coreMapProperty().get().cells()).as("the compile's cores on the map").isNotEmpty()
                .allMatch(c -> c.load() > 0 && c.load() <= 1 && c.column() < vm.coreMapProperty().get().columns()
                        && c.row() < vm.coreMapProperty().get().rows());

        vm.show(stored.get(0));
        assertThat(vm.passes()).isEmpty();
        assertThat(vm.layers()).isNotEmpty();
        assertThat(vm.layers().get(0).synapticOps()).as("sorted, busiest first").isGreaterThanOrEqualTo(vm.layers().get(1).synapticOps());
        assertThat(vm.layers().stream().mapToDouble(HotspotsViewModel.LayerRow::share).sum()).isCloseTo(1.0,
                Offset.offset(1e-9));
        assertThat(vm.titleProperty().get()).contains("Run " + stored.get(0).id());
        assertThat(vm.layers().get(0).synapticEnergyMj()).as("ops x the profile's energy per synaptic op (23.6 pJ)")
                .isCloseTo(vm.layers().get(0).synapticOps() * 23.6e-9, Offset.offset(1e-12));
        // the chip's register overflow per layer, next to what the quantization expected of its registers
        assertThat(vm.layers()).allSatisfy(l -> {
            assertThat(l.currentWraps()).as(l.layer()).isZero();
            assertThat(l.voltageClips()).as(l.layer()).isZero();
        });
        assertThat(vm.layers()).filteredOn(l -> l.layer().endsWith("_lif")).isNotEmpty().allSatisfy(l -> {
            assertThat(l.weightError()).as(l.layer()).isBetween(0.0, 0.05);
            assertThat(l.rangeUse()).as(l.layer()).isPositive();
        });
        var cells = vm.coreMapProperty().get().cells();
        assertThat(cells).extracting(HotspotsViewModel.CoreCell::load).contains(1.0);
        assertThat(cells.stream().map(c -> c.chip() + "/" + c.column() + "/" + c.row()).distinct().count())
                .as("no two cores share a cell").isEqualTo(cells.size());
        vm.show(null);
        assertThat(vm.titleProperty().get()).startsWith("Select a run");
    }

    @Test
    void aMapOfThousandsOfCoresIsDrawnChipByChip() throws Exception {
        var json = Json.mapper().readTree("""
                {"load": "compartments used / compartments per core", "omitted_cores": 9000,
                 "chips": [{"chip": 0, "cores": 128, "mean_load": 0.9, "max_load": 1.0},
                           {"chip": 1, "cores": 128, "mean_load": 0.2, "max_load": 0.5},
                           {"chip": 2, "cores": 40, "mean_load": 0.1, "max_load": 0.3}]}""");
        var map = HotspotsViewModel.coreMap(json);
        assertThat(map.chipLevel()).isTrue();
        assertThat(map.cells()).hasSize(3).extracting(HotspotsViewModel.CoreCell::load).containsExactly(0.9, 0.2, 0.1);
        assertThat(map.columns()).isEqualTo(2);
        assertThat(map.rows()).isEqualTo(2);
        assertThat(map.loadMeaning()).contains("9000 cores");
    }
}
