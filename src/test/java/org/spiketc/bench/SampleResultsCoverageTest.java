package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spiketc.result.ResultDocument;

/** The committed baseline has a result of every benchmark category at both scales, named as `stc bench --json DIR/` names them. */
class SampleResultsCoverageTest {
    @Test
    void everyCategoryHasASmokeAndAFullResult() {
        for (Benchmark b : BenchSuite.ALL) {
            for (BenchScale scale : BenchScale.values()) {
                Path f = Path.of("sample-results", BenchRunner.testName(b, scale) + ".json");
                assertThat(f).as("src/bench/sample-results.sh bench regenerates it").exists();
                ResultDocument d = ResultDocument.read(f);
                assertThat(d.testName()).isEqualTo(BenchRunner.testName(b, scale));
                assertThat(d.schemaVersion()).isLessThanOrEqualTo(ResultDocument.SCHEMA_VERSION);
            }
        }
    }
}
