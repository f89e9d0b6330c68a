package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/** The one-step synaptic delay of every layer: depths, aligned delays and what a chip does outside a layer's window. */
class PipelineTest {
    static ChipEmulator gated;
    static BinaryProgram program;

    @BeforeAll
    static void compile() throws Exception {
        ChipEmulatorTest.load();
        gated = ChipEmulatorTest.emulator("loihi2", null);
        program = gated.program();
    }

    @Test
    void everyInputArrivesAfterOneStepPerLayerAndJoinsAlignedWithTheOthers() {
        Pipeline pl = new Pipeline(program);
        List<BinaryProgram.Population> pops = program.populations();
        for (int p = 0; p < pops.size(); p++) {
            for (int gi = 0; gi < pops.get(p).groups().size(); gi++) {
                int src = pops.get(p).groups().get(gi).source();
                int d = pl.delay[p][gi];
                assertThat(d).as("%s group %d", pops.get(p).name(), gi).isPositive();
                // the source's model step k leaves it at chip step k + depth(src) - 1 and is used here at k + depth(p) - 1
                assertThat((src < 0 ? 0 : pl.depth[src]) + d).isEqualTo(pl.depth[p]);
                if (src >= 0) {
                    assertThat(pl.history[src]).as("outputs kept by " + pops.get(src).name()).isGreaterThan(d);
                }
            }
        }
        // the residual adds wait for the longer branch: the attention block's add delays its shortcut by several steps
        int add = index("block.0.add_attn");
        assertThat(pl.delay[add][0]).isGreaterThan(1);
        assertThat(pl.delay[add][1]).isEqualTo(1);
        int t = program.image().timeSteps();
        assertThat(pl.steps(t)).isEqualTo(t + pl.maxDepth - 1).isEqualTo(gated.energyModel().depth() + t - 1);
        assertThat(pl.modelStep(0, 0)).isZero(); // the first layer computes model step 0 at chip step 0
    }

    @Test
    void withBiasesAlwaysOnTheLayersFireBeforeTheirInputArrivesAndAfterItEnds() {
        ChipEmulator ungated = new ChipEmulator(program, gated.profile(), false);
        var data = ChipEmulatorTest.data.first(40);
        Evaluation.Outcome g = Evaluation.run(gated, data, 2, Cancellation.none(), ProgressListener.NONE);
        Evaluation.Outcome u = Evaluation.run(ungated, data, 2, Cancellation.none(), ProgressListener.NONE);
        assertThat(u.mean(InferenceResult::spikes)).isGreaterThan(g.mean(InferenceResult::spikes));
        // the gated chip updates every compartment at every chip step too
        var step = gated.runDetailed(data.pixels()[0]).activity();
        long perStep = program.populations().stream().mapToLong(BinaryProgram.Population::size).sum();
        assertThat(step.neuronUpdates()).isGreaterThanOrEqualTo(perStep * new Pipeline(program).steps(program.image().timeSteps()));
    }

    @Test
    void theModelledThroughputOfABatchIsTheChipStepsTheEmulatorRanStreamedTStepsApart() {
        int t = program.image().timeSteps();
        int pops = program.populations().size();
        // which chip steps each population spent in its T-step window, as the emulator shows them
        TreeSet<Integer> chipSteps = new TreeSet<>();
        List<TreeSet<Integer>> window = new ArrayList<>();
        for (int p = 0; p < pops; p++) {
            window.add(new TreeSet<>());
        }
        ChipEmulator.Emulated run = gated.runDetailed(ChipEmulatorTest.data.pixels()[0], (p, chipStep, modelStep, out, u, v) -> {
            chipSteps.add(chipStep);
            if (modelStep >= 0 && modelStep < t) {
                window.get(p).add(chipStep);
            }
        });
        int steps = chipSteps.size();
        assertThat(chipSteps.last()).isEqualTo(steps - 1);
        // every layer works for T consecutive steps, so the next inference can enter T steps after this one
        for (int p = 0; p < pops; p++) {
            var w = window.get(p);
            assertThat(w).as(program.populations().get(p).name()).hasSize(t);
            assertThat(w.last() - w.first()).isEqualTo(t - 1);
        }
        double stepNs = run.estimate().stepNs();
        assertThat(run.result().latencyMs()).isCloseTo(steps * stepNs / 1e6, Percentage.withPercentage(1e-9));
        for (int batch : new int[] {1, 4, 16, 64}) {
            // inference i enters at chip step i·T and leaves `steps` later: the batch is done when the last one leaves
            long done = (long) (batch - 1) * t + steps;
            double expected = batch / (done * stepNs / 1e9);
            assertThat(gated.energyModel().pipelinedThroughput(run.result().latencyMs(), batch)).as("batch %d", batch)
                    .isCloseTo(expected, Percentage.withPercentage(1e-9));
        }
    }

    static int index(String name) {
        return indexIn(program, name);
    }

    static int indexIn(BinaryProgram program, String name) {
        for (int p = 0; p < program.populations().size(); p++) {
            if (program.populations().get(p).name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name);
    }
}
