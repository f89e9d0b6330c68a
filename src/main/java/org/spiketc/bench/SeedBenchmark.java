package org.spiketc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A category of the seed document: it declares itself once, in its constructor, and stands for the seed file
 * named after its id ({@code compilation-speed} for {@code test_compilation_speed.py}).
 */
abstract class SeedBenchmark implements Benchmark {
    private final Info info;

    /**
     * @param id           kebab-case category name (see {@link Info#id()})
     * @param description  what it measures, in one line
     * @param markers      what it exercises, for selection
     * @param requirements what it needs beyond the jar, in words; empty when nothing
     * @param smokeTimeout the limit at smoke scale
     * @param fullTimeout  the limit at full scale
     */
    SeedBenchmark(String id, String description, Set<Marker> markers, List<String> requirements, Duration smokeTimeout,
            Duration fullTimeout) {
        this.info = new Info(id, "test_" + id.replace('-', '_') + ".py", description, markers, requirements, smokeTimeout,
                fullTimeout);
    }

    @Override
    public final Info info() {
        return info;
    }
}
