package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Output;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/** reduce-time-steps: the input is presented for fewer steps, and every value is retyped to match. */
class ReduceTimeStepsTest {
    @Test
    void everyValueTakesTheNewTimeStepsExceptWhatIsAveragedOverTime() {
        GraphBuilder b = new GraphBuilder("t4", 4);
        b.add("input", new Input(Shape.of(2, 2, 2), 4));
        b.add("conv", new Conv2d(Tensor.filled(Shape.of(3, 2, 1, 1), 0.5f), null, 1, 0), "input");
        b.add("lif", new Lif(2, 1), "conv");
        b.add("head", new Conv2d(Tensor.filled(Shape.of(2, 3, 1, 1), 0.25f), null, 1, 0), "lif");
        b.add("mean_time", new MeanTime(), "head");
        b.add("output", new Output(), "mean_time");
        PassFixtures.Run r = PassFixtures.rewrite("four-to-two", b.build(), new ReduceTimeSteps(2));
        assertThat(r.record(ReduceTimeSteps.ID).counters()).containsEntry("from", 4.0).containsEntry("to", 2.0);
    }

    @Test
    void atLeastOneTimeStepRemains() {
        assertThatThrownBy(() -> new ReduceTimeSteps(0)).hasMessage("time steps must be at least 1");
    }
}
