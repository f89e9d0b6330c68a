package org.spiketc.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.Traffic;

/** Results from worker threads reach the charts in order, with the running accuracy and means. */
class LiveViewModelTest {
    static InferenceResult result(int predicted, double mj, double ms) {
        return new InferenceResult(new float[10], predicted, List.of(), 0, 0, 0, 0, mj, ms, Map.of(), Traffic.NONE);
    }

    @Test
    void drainingGivesEachInferenceOnceWithTheAccuracySoFar() throws Exception {
        LiveViewModel vm = new LiveViewModel();
        vm.start(new int[] {3, 1, 4, 1});
        Thread worker = new Thread(() -> {
            vm.result(0, result(3, 0.6, 1.5)); // right
            vm.result(1, result(2, 0.7, 1.6)); // wrong
        });
        worker.start();
        worker.join();
        List<LiveViewModel.Point> first = vm.drain();
        assertThat(first).extracting(LiveViewModel.Point::accuracy).containsExactly(1.0, 0.5);
        assertThat(vm.drain()).isEmpty();
        vm.result(2, result(4, 0.8, 1.7)); // right
        assertThat(vm.drain()).singleElement().extracting(LiveViewModel.Point::accuracy).isEqualTo(2.0 / 3);
        assertThat(vm.summaryProperty().get()).isEqualTo(
                "3 inferences: accuracy so far 66.67 %, mean 0.7000 mJ and 1.6000 ms per inference (simulated)");
        vm.start(new int[] {0});
        assertThat(vm.drain()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("Run started");
    }
}
