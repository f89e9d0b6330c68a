package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The full-scale suite (nightly and release: minutes each): {@code ./mvnw -Pslow test} or {@code -Pbench verify}. */
@Tag("slow")
class FullScaleBenchTest {
    static Stream<String> categories() {
        return BenchSuite.ALL.stream().map(Benchmark::id);
    }

    @ParameterizedTest
    @MethodSource("categories")
    void passesAtFullScale(String id) {
        BenchOutcome o = new BenchRunner(BenchContext.defaults(BenchScale.FULL)).runOne(BenchSuite.byId(id));
        assertThat(o.status()).as(id + ": " + o.reason()).isIn(BenchOutcome.Status.PASSED, BenchOutcome.Status.SKIPPED);
    }
}
