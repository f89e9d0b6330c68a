package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.spiketc.result.Quantities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spiketc.common.Json;

/** The harness: statuses, timeouts, skips, and the result format, sealed by a golden file under two locales. */
class BenchRunnerTest {
    /** A benchmark that does what it is told. */
    record Fake(String id, Duration limit, String skip, Runnable body) implements Benchmark {
        @Override
        public Info info() {
            return new Info(id, "test_fake.py", "a test double", Set.of(Marker.PERFORMANCE, Marker.ENERGY), List.of(), limit, limit);
        }

        @Override
        public Optional<String> skipReason(BenchContext ctx) {
            return Optional.ofNullable(skip);
        }

        @Override
        public void run(BenchContext ctx, BenchRecorder out) {
            body.run();
            Random r = new Random(7);
            double[] s = new double[5];
            for (int i = 0; i < s.length; i++) {
                s[i] = 100 + r.nextInt(1000) / 100.0;
            }
            out.metric(Quantities.COMPILATION_TIME_MS.median(s));
            out.metric(Quantities.ENERGY_PER_INFERENCE_MJ.value(0.615));
            out.metric(Quantities.ACCURACY.value(0.8999));
            out.point().put("bits", 8).put("accuracy", 0.8999);
            out.environment("target_model", "fake-model");
            out.check(true, "holds");
        }
    }

    BenchOutcome run(Fake f) {
        return new BenchRunner(BenchSuiteTest.SMOKE).runOne(f);
    }

    @Test
    void aBenchmarkPastItsTimeoutIsStoppedAndSaysSo() {
        BenchOutcome o = run(new Fake("sleepy", Duration.ofMillis(300), null, () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(o.status()).isEqualTo(BenchOutcome.Status.TIMED_OUT);
        assertThat(o.reason()).contains("timeout");
        assertThat(o.seconds()).isLessThan(5);
        assertThat(o.result().json().path("status").asText()).isEqualTo("timed_out");
    }

    @Test
    void aFailedAssertionOrAnErrorFailsTheBenchmarkWithTheReason() {
        BenchOutcome error = run(new Fake("broken", Duration.ofSeconds(5), null, () -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(error.status()).isEqualTo(BenchOutcome.Status.FAILED);
        assertThat(error.reason()).contains("boom");
        assertThat(error.failed()).isTrue();
    }

    @Test
    void aSkippedBenchmarkRecordsWhy() {
        BenchOutcome o = run(new Fake("hw", Duration.ofSeconds(5), "no hardware backend configured", () -> { }));
        assertThat(o.status()).isEqualTo(BenchOutcome.Status.SKIPPED);
        assertThat(o.result().json().path("reason").asText()).isEqualTo("no hardware backend configured");
    }

    /** The result with what varies by machine and moment pinned, as the golden file has it. */
    static JsonNode pinned(BenchOutcome o) {
        ObjectNode j = o.result().json();
        j.put("timestamp", "2026-11-27T00:00:00Z");
        ObjectNode env = (ObjectNode) j.path("environment");
        env.put("software_version", "0.0.0-test");
        env.put("source_commit", "0123456789ab");
        env.put("threads", 2);
        env.putObject("host").put("cpu", "test cpu").put("logical_cores", 2).put("memory_mb", 1024).put("java", "17");
        return j;
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"en-US", "de-DE", "ru-RU"})
    void theResultFormatIsSealedByAGoldenFile(String tag) throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            JsonNode actual = pinned(run(new Fake("golden", Duration.ofSeconds(5), null, () -> { })));
            if (Boolean.getBoolean("stc.golden.update")) { // a deliberate act: -Dstc.golden.update=true, then review the diff
                Json.mapper().writeValue(Path.of("src/test/resources/golden/bench-result.json").toFile(), actual);
                return;
            }
            JsonNode golden = Json.mapper().readTree(getClass().getResourceAsStream("/golden/bench-result.json"));
            assertThat(Json.mapper().writeValueAsString(actual)).isEqualTo(Json.mapper().writeValueAsString(golden));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
