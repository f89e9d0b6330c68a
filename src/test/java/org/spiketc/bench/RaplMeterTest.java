package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host energy from fake Linux powercap trees (packages summed, sub-domains not added again, wrap-around
 * counted, missing counters explained), and from this machine's own tree, whichever kind it is.
 */
class RaplMeterTest {
    @TempDir
    Path root;

    void domain(String name, long uj, long range) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        Files.writeString(d.resolve("energy_uj"), uj + "\n");
        Files.writeString(d.resolve("max_energy_range_uj"), range + "\n");
        Files.writeString(d.resolve("name"), name.contains(":0:") ? "core" : "package-0");
    }

    @Test
    void sumsPackageDomainsAndCountsAWrap() throws Exception {
        domain("intel-rapl:0", 1_000_000, 262_143_328_850L);
        domain("intel-rapl:1", 262_143_000_000L, 262_143_328_850L);
        domain("intel-rapl:0:0", 500_000, 262_143_328_850L); // core sub-domain: inside package 0
        RaplMeter.Result r = RaplMeter.open(root);
        assertThat(r.reason()).isNull();
        assertThat(r.meter().domains()).isEqualTo(2);
        long[] before = r.meter().read();
        domain("intel-rapl:0", 3_500_000, 262_143_328_850L);      // +2.5 J
        domain("intel-rapl:1", 671_150, 262_143_328_850L);        // wrapped: +(328,850 + 1 + 671,150) uJ = 1.000001 J
        domain("intel-rapl:0:0", 9_000_000, 262_143_328_850L);
        assertThat(r.meter().joules(before, r.meter().read())).isCloseTo(3.500001, Offset.offset(1e-9));
    }

    @Test
    void saysWhyWhenThereAreNoCounters() throws Exception {
        assertThat(RaplMeter.open(root.resolve("missing")).reason()).contains("no powercap interface");
        assertThat(RaplMeter.open(root).reason()).contains("no RAPL package domains");
    }

    @Test
    void aPackageWhoseRangeCannotBeReadGivesNoMeterButTheReason() throws Exception {
        domain("intel-rapl:0", 1_000, 1L << 32);
        Files.delete(root.resolve("intel-rapl:0").resolve("max_energy_range_uj"));
        RaplMeter.Result r = RaplMeter.open(root);
        assertThat(r.meter()).isNull();
        assertThat(r.reason()).startsWith("cannot read ").contains("max_energy_range_uj");
    }

    @Test
    void thisMachinesCountersAreEitherReadOrExplained() throws Exception {
        // the real /sys/class/powercap: a machine with readable RAPL counters gives a meter, any other the reason
        RaplMeter.Result r = RaplMeter.open(RaplMeter.POWERCAP);
        assertThat(r.meter() == null).as("a meter or a reason, not both nor neither").isEqualTo(r.reason() != null);
        if (r.meter() == null) {
            assertThat(r.reason()).isNotBlank();
        } else {
            long[] before = r.meter().read();
            long[] after = r.meter().read();
            assertThat(before).hasSize(r.meter().domains()).isNotEmpty();
            assertThat(Arrays.stream(before)).allMatch(uj -> uj >= 0);
            assertThat(r.meter().joules(before, after)).isNotNegative();
        }
    }

    @Test
    void theEnergyBenchmarkSkipsTheHostAndSaysWhyWhereThereAreNoCounters() {
        var o = new BenchRunner(BenchSuiteTest.SMOKE).runOne(new EnergyConsumptionBenchmark(root.resolve("missing")));
        assertThat(o.status()).as(String.valueOf(o.reason())).isEqualTo(BenchOutcome.Status.PASSED);
        assertThat(o.result().environment("host_energy")).startsWith("skipped: no powercap interface at " + root.resolve("missing"));
        assertThat(o.result().measurements()).containsKey("energy_per_inference_mj");
        assertThat(o.result().measurements().keySet()).noneMatch(k -> k.startsWith("host_energy"));
    }

    @Test
    void theEnergyBenchmarkMeasuresTheHostWhereCountersExist() throws Exception {
        domain("intel-rapl:0", 0, 1L << 40);
        var b = new EnergyConsumptionBenchmark(root);
        var o = new BenchRunner(BenchSuiteTest.SMOKE).runOne(b);
        assertThat(o.status()).as(String.valueOf(o.reason())).isEqualTo(BenchOutcome.Status.PASSED);
        assertThat(o.result().environment("host_energy")).startsWith("measured: RAPL");
        // the fake counter never moves: zero joules, but the measurement ran for both engines
        assertThat(o.result().measurements()).containsKeys("host_energy_per_inference_mj_reference", "host_energy_per_inference_mj_emulator",
                "host_energy_per_inference_mj_onnx");
    }
}
