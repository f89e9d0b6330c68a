package org.spiketc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.result.RunKind;

/**
 * Store speed (issue 4: a million time-series points in under 5 s), on an H2 file database as users have
 * it. A benchmark, tagged performance and slow: {@code ./mvnw -Pslow test -Dtest=StoreSpeedBench}.
 */
@Tag("performance")
@Tag("slow")
class StoreSpeedBench {
    @TempDir
    Path dir;

    @Test
    void aMillionSeriesPointsAreStoredInUnderFiveSeconds() {
        RunRepository runs = new JdbcRunRepository(Database.open("jdbc:h2:file:" + dir.resolve("results") + ";AUTO_SERVER=TRUE"));
        long id = runs.begin(new NewRun(RunKind.INFERENCE, "store_speed", "m", "h", "{}", "test", "host"));
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i * 1e-3);
        }
        double[] seconds = new double[3];
        for (int rep = 0; rep < seconds.length; rep++) {
            long t0 = System.nanoTime();
            // as a live run stores them: a point at a time, through the chunking writer
            try (SeriesWriter w = new SeriesWriter(runs, id, "series" + rep)) {
                for (int i = 0; i < n; i++) {
                    w.add(x[i], y[i]);
                }
            }
            seconds[rep] = (System.nanoTime() - t0) / 1e9;
        }
        long t0 = System.nanoTime();
        Series back = runs.series(id, "series0");
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "store speed: 1,000,000 points appended one at a time: %.2f / %.2f / %.2f s; read back in %.2f s%n",
                seconds[0], seconds[1], seconds[2], readSeconds);
        assertThat(back.size()).isEqualTo(n);
        assertThat(back.y()[n - 1]).isEqualTo(y[n - 1]);
        assertThat(Arrays.stream(seconds).min().orElseThrow()).isLessThan(5);
    }
}
