package org.spiketc.gui.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spiketc.gui.UiThread;
import org.spiketc.gui.setup.SetupViewModel;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunQuery;

/** Hotspots of real runs: a compile's passes with their IR change, an inference's layers by synaptic operations. */
class HotspotsViewModelTest {
    @Test
    void aCompileShowsItsPassesAndAnInferenceItsLayersBySynapticOperations() {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        var setup = new SetupViewModel(runs, UiThread.current());
        setup.compile();
        setup.samplesProperty().set(8);
        setup.infer();
        var stored = runs.list(RunQuery.all()); // newest first: the inference, then the compile
        var vm = new HotspotsViewModel(runs, UiThread.current());

        vm.show(stored.get(1));
        assertThat(vm.passes()).extracting(HotspotsViewModel.PassRow::pass).contains("fold-batch-norm", "quantize-weights");
        assertThat(vm.passes()).allMatch(p -> p.wallMs() >= 0 && p.irChange().startsWith("nodes "));
        assertThat(vm.layers()).isEmpty();

        vm.show(stored.get(0));
        assertThat(vm.passes()).isEmpty();
        assertThat(vm.layers()).isNotEmpty();
        assertThat(vm.layers().get(0).synapticOps()).as("sorted, busiest first").isGreaterThanOrEqualTo(vm.layers().get(1).synapticOps());
        assertThat(vm.layers().stream().mapToDouble(HotspotsViewModel.LayerRow::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.titleProperty().get()).contains("Run " + stored.get(0).id());
        vm.show(null);
        assertThat(vm.titleProperty().get()).startsWith("Select a run");
    }
}
