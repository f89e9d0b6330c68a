package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrVerifier;
import org.spiketc.compiler.pass.PassManager;
import org.spiketc.compiler.pass.PassRecorder;
import org.spiketc.compiler.pass.VerifierInstrument;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.testsupport.TestPassContext;

/** Every -O level compiles the small presets into a graph the mapper takes (about 7 s: tagged heavy). */
@Tag("heavy")
class PipelineOnPresetsTest {
    static final List<String> SMALL = List.of("spikformer-4-384-cifar", "fmnist-spikformer-tiny", "sdt-8-512");

    @ParameterizedTest
    @FieldSource("SMALL")
    void everyLevelYieldsAVerifiedMappableGraph(String preset) {
        ModelConfig c = Presets.load(preset);
        Graph g = ModelFrontend.build(c, WeightSource.random(7).bind(c));
        for (int level = 0; level <= 3; level++) {
            PassRecorder rec = new PassRecorder();
            Graph out = PassManager.run(PipelineRegistry.build(PipelineOptions.defaults(level)), g,
                    TestPassContext.loihi2(new VerifierInstrument(), rec));
            IrVerifier.verify(out, true);
            assertThat(rec.records()).isNotEmpty();
        }
    }
}
