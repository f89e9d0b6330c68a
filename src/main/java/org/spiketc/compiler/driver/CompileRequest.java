package org.spiketc.compiler.driver;

import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.weights.WeightSource;

/**
 * One compilation.
 *
 * @param model          the architecture
 * @param weights        checkpoint or seeded random
 * @param target         hardware profile
 * @param chips          system size, or null to pick the smallest that fits
 * @param pipeline       level and per-pass settings
 * @param verifyEachPass run the IR verifier after every pass
 */
public record CompileRequest(ModelConfig model, WeightSource weights, HardwareProfile target, Integer chips,
        PipelineOptions pipeline, boolean verifyEachPass) {
}
