package org.spiketc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's measured energy from Linux powercap (Intel RAPL, also AMD on recent kernels): the
 * {@code energy_uj} counters of each package domain {@code intel-rapl:N}, summed, with wrap-around at
 * {@code max_energy_range_uj}. Sub-domains ({@code intel-rapl:N:M}) are inside their package and not
 * added again. Where the machine exposes none, or they are not readable, {@link #open} says why.
 */
public final class RaplMeter {
    public static final Path POWERCAP = Path.of("/sys/class/powercap");
    private final List<Path> domains;
    private final long[] range;

    private RaplMeter(List<Path> domains, long[] range) {
        this.domains = domains;
        this.range = range;
    }

    /** A meter over the package domains under {@code root}, or the reason there is none. */
    public static Result open(Path root) {
        if (!Files.isDirectory(root)) {
            return new Result(null, "no powercap interface at " + root + " (no RAPL energy counters on this machine)");
        }
        List<Path> domains = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().matches("intel-rapl:\\d+")).sorted().forEach(domains::add);
        } catch (IOException e) {
            return new Result(null, "cannot list " + root + ": " + e.getMessage());
        }
        if (domains.isEmpty()) {
            return new Result(null, "no RAPL package domains under " + root + " (this machine exposes no energy counters)");
        }
        long[] range = new long[domains.size()];
        for (int i = 0; i < range.length; i++) {
            Path d = domains.get(i);
            if (!Files.isReadable(d.resolve("energy_uj"))) {
                return new Result(null, d.resolve("energy_uj") + " is not readable (needs root since Linux 5.10)");
            }
            try {
                range[i] = Long.parseLong(Files.readString(d.resolve("max_energy_range_uj")).trim());
            } catch (IOException | NumberFormatException e) {
                return new Result(null, "cannot read " + d.resolve("max_energy_range_uj") + ": " + e.getMessage());
            }
        }
        return new Result(new RaplMeter(domains, range), null);
    }

    /** A meter, or why there is none. */
    public record Result(RaplMeter meter, String reason) {
    }

    /** The counters now, one per package domain, in microjoules. */
    public long[] read() throws IOException {
        long[] uj = new long[domains.size()];
        for (int i = 0; i < uj.length; i++) {
            uj[i] = Long.parseLong(Files.readString(domains.get(i).resolve("energy_uj")).trim());
        }
        return uj;
    }

    /** Joules between two readings, counting a counter that wrapped once. */
    public double joules(long[] before, long[] after) {
        double uj = 0;
        for (int i = 0; i < before.length; i++) {
            long d = after[i] - before[i];
            uj += d >= 0 ? d : d + range[i] + 1;
        }
        return uj / 1e6;
    }

    public int domains() {
        return domains.size();
    }
}
