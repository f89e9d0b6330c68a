package org.spiketc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One benchmark category of the seed document. Implementations are stateless. */
public interface Benchmark {
    /** Kebab-case category name, stable: the command line's {@code --category}. */
    String id();

    /** The seed file it stands for, e.g. {@code test_compilation_speed.py}. */
    String seedName();

    String description();

    Set<Marker> markers();

    /** What it needs beyond the jar, in words; empty when nothing. */
    List<String> requirements();

    Duration timeout(Scale scale);

    /** Why it cannot run here, if it cannot (a missing hardware backend or data set). */
    default Optional<String> skipReason(BenchContext ctx) {
        return Optional.empty();
    }

    /** Measures, recording metrics, samples and assertion results into {@code out}. */
    void run(BenchContext ctx, BenchRecorder out) throws Exception;
}
