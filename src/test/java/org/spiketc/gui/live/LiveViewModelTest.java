package org.spiketc.gui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.gui.BackgroundTasks;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.Traffic;

/** Results from worker threads reach the charts in order, with the running accuracy, means, percentiles and layer rates. */
class LiveViewModelTest {
    static InferenceResult result(int predicted, double mj, double ms, LayerActivity... layers) {
        return new InferenceResult(new float[10], predicted, List.of(layers), 0, 0, PaperEnergy.Count.NONE, mj, ms, Map.of(), Traffic.NONE, new long[0]);
    }

    static LayerActivity layer(String name, double rate) {
        return new LayerActivity(name, 10, 100, rate, 0, false, 0);
    }

    /** Property updates from other threads applied at once, on the thread that makes them. */
    static final BackgroundTasks AT_ONCE = new BackgroundTasks(WorkbenchThreads.callingThread(), new DialogService.Recording());

    /** Fixed readings: a host at 50 % CPU with a 200 MB heap. */
    static final HostProbe HALF_LOADED = new HostProbe() {
        @Override
        public double cpuLoad() {
            return 0.5;
        }

        @Override
        public double jvmUsedMb() {
            return 200;
        }

        @Override
        public double systemUsedMb() {
            return 4000;
        }
    };

    @Test
    void drainingGivesEachInferenceOnceWithTheAccuracySoFar() throws Exception {
        LiveViewModel vm = new LiveViewModel(AT_ONCE, HALF_LOADED);
        vm.inferenceStarted(new int[] {3, 1, 4, 1});
        Thread worker = new Thread(() -> {
            vm.result(0, result(3, 0.6, 1.5)); // right
            vm.result(1, result(2, 0.7, 1.6)); // wrong
        });
        worker.start();
        worker.join();
        LiveViewModel.Batch first = vm.drain();
        assertThat(first.points()).extracting(LiveViewModel.Point::accuracy).containsExactly(1.0, 0.5);
        assertThat(vm.drain().isEmpty()).isTrue();
        vm.result(2, result(4, 0.8, 1.7)); // right
        assertThat(vm.drain().points()).singleElement().extracting(LiveViewModel.Point::accuracy).isEqualTo(2.0 / 3);
        // 2 of 3 right: the Wilson interval of 2/3 (20.77-93.85 %), as wide as three images leave it
        assertThat(vm.summaryProperty().get()).isEqualTo("3 inferences: accuracy so far 66.67 % (95 %: 20.77–93.85 %); energy mean 0.7000, "
                + "median 0.7000, p95 0.8000 mJ; latency mean 1.6000, median 1.6000, p95 1.7000 ms (simulated)");
        int runs = vm.inferenceRunsProperty().get();
        vm.inferenceStarted(new int[] {0});
        assertThat(vm.inferenceRunsProperty().get()).as("the view clears on a new run").isEqualTo(runs + 1);
        assertThat(vm.drain().isEmpty()).isTrue();
        assertThat(vm.summaryProperty().get()).isEqualTo("Inference run started");
    }

    @Test
    void runningPercentilesAreNearestRankOverEveryInferenceSoFar() {
        LiveViewModel vm = new LiveViewModel(AT_ONCE, HALF_LOADED);
        vm.inferenceStarted(new int[100]);
        for (int i = 0; i < 100; i++) {
            vm.result(i, result(0, i + 1, 2 * (i + 1)));
        }
        LiveViewModel.Running r = vm.drain().running();
        assertThat(r.finished()).isEqualTo(100);
        assertThat(r.energyMean()).isCloseTo(50.5, within(1e-9));
        assertThat(r.energyP50()).isEqualTo(50);
        assertThat(r.energyP95()).isEqualTo(95);
        assertThat(r.latencyP95()).isEqualTo(190);
    }

    @Test
    void spikeRatesPerLayerAreMeansOverInferencesOfSpikingLayersOnly() {
        LiveViewModel vm = new LiveViewModel(AT_ONCE, HALF_LOADED);
        vm.inferenceStarted(new int[2]);
        vm.result(0, result(0, 1, 1, layer("embed.lif", 0.2), layer("head", 0)));
        vm.result(1, result(0, 1, 1, layer("embed.lif", 0.4), layer("head", 0)));
        assertThat(vm.drain().layerRates()).containsOnlyKeys("embed.lif").hasEntrySatisfying("embed.lif",
                v -> assertThat(v).isCloseTo(0.3, within(1e-12)));
    }

    @Test
    void hostSamplesFlowWhileACompileRunsAndStopAfter() throws Exception {
        LiveViewModel vm = new LiveViewModel(AT_ONCE, HALF_LOADED);
        vm.hostStarted("compile of test");
        Thread.sleep(1200); // samples every 500 ms
        vm.hostStopped();
        List<LiveViewModel.HostPoint> host = vm.drain().host();
        assertThat(host).isNotEmpty().allSatisfy(h -> {
            assertThat(h.cpuPercent()).isEqualTo(50);
            assertThat(h.jvmUsedMb()).isEqualTo(200);
        });
        assertThat(host).extracting(LiveViewModel.HostPoint::seconds).isSorted();
        Thread.sleep(600);
        assertThat(vm.drain().host()).as("nothing after the compile ended").isEmpty();
        assertThat(vm.hostRunsProperty().get()).isEqualTo(1);
    }
}
