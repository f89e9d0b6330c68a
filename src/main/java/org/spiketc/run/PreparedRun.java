package org.spiketc.run;

import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.result.RunSpec;

/**
 * A specification with its files read and checked: what the user gave is known to be usable before the run
 * is recorded and before anything slow starts.
 *
 * @param profile null for an inference on the float reference alone
 * @param data    null for a compile
 * @param request null for an inference on the float reference alone
 */
public record PreparedRun(RunSpec spec, ModelConfig config, WeightSource weights, HardwareProfile profile, LabelledImages data,
        CompileRequest request) {
    /** The model's name in run names and results. */
    public String model() {
        return config.name();
    }
}
