package org.spiketc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One benchmark category of the seed document. Implementations are stateless. */
public interface Benchmark {
    /**
     * What a category declares.
     *
     * @param id           kebab-case category name, stable: the command line's {@code --category}
     * @param seedName     the seed file it stands for, e.g. {@code test_compilation_speed.py}
     * @param requirements what it needs beyond the jar, in words; empty when nothing
     * @param smokeTimeout the limit at smoke scale
     * @param fullTimeout  the limit at full scale
     */
    record Info(String id, String seedName, String description, Set<Marker> markers, List<String> requirements,
            Duration smokeTimeout, Duration fullTimeout) {
    }

    Info info();

    default String id() {
        return info().id();
    }

    default String seedName() {
        return info().seedName();
    }

    default String description() {
        return info().description();
    }

    default Set<Marker> markers() {
        return info().markers();
    }

    default List<String> requirements() {
        return info().requirements();
    }

    default Duration timeout(BenchScale scale) {
        return scale == BenchScale.FULL ? info().fullTimeout() : info().smokeTimeout();
    }

    /** Why it cannot run here, if it cannot (a missing hardware backend or data set). */
    default Optional<String> skipReason(BenchContext ctx) {
        return Optional.empty();
    }

    /** Measures, recording metrics, samples and assertion results into {@code out}. */
    void run(BenchContext ctx, BenchRecorder out) throws Exception;
}
