package org.spiketc.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.compiler.ir.TestGraphs;
import org.spiketc.testsupport.TestPassContext;

class JfrInstrumentTest {
    @TempDir
    Path dir;

    @Test
    void emitsOneEventPerPassWithItsSizes() throws Exception {
        Path file = dir.resolve("passes.jfr");
        try (Recording rec = new Recording()) {
            rec.enable("org.spiketc.CompilerPass");
            rec.start();
            PassManager.run(new Pipeline("p", List.of(new PassManagerTest.Probe("a", false))), TestGraphs.small(),
                    TestPassContext.loihi2(new JfrInstrument()));
            rec.stop();
            rec.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).extracting(e -> e.getString("pass")).containsExactlyInAnyOrder("a", "p");
        assertThat(events).allMatch(e -> e.getInt("nodesAfter") == 4);
    }
}
