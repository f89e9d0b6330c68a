package org.spiketc.compiler.passes;

import java.util.List;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassManager;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.pass.PassRecorder;
import org.spiketc.compiler.pass.Pipeline;
import org.spiketc.compiler.pass.VerifierInstrument;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;

/** Runs passes the way the compiler does, with the verifier after every one. */
final class PassFixtures {
    private PassFixtures() {
    }

    static Graph frontEnd(String preset) {
        ModelConfig c = Presets.load(preset);
        return ModelFrontend.build(c, WeightSource.random(3).bind(c));
    }

    record Run(Graph graph, List<PassRecord> records) {
        PassRecord record(String id) {
            return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        }
    }

    static Run run(Graph g, Pass... passes) {
        PassRecorder rec = new PassRecorder();
        PassContext ctx = new PassContext(HardwareProfiles.builtIn("loihi2"), List.of(rec, new VerifierInstrument()),
                Cancellation.none(), ProgressListener.NONE);
        Graph out = PassManager.run(new Pipeline("test", List.of(passes)), g, ctx);
        return new Run(out, rec.records());
    }
}
