package org.spiketc.compiler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;

class MapperTest {
    static CompileResult compile(String preset, String target, Integer chips) throws Exception {
        var req = new CompileRequest(Presets.load(preset), WeightSource.random(1), HardwareProfiles.builtIn(target), chips,
                PipelineOptions.defaults(2), false);
        return Compiler.compile(req, OutputStream.nullOutputStream(), Cancellation.none(), ProgressListener.NONE);
    }

    @Test
    void everyCoreStaysWithinTheProfilesLimits() throws Exception {
        for (String target : new String[] {"loihi1", "loihi2"}) {
            CompileResult r = compile("spikformer-4-384-cifar", target, null);
            HardwareProfile p = r.mapping().profile();
            for (CoreSlice c : r.mapping().cores()) {
                assertThat(c.compartments()).as(target + " core " + c.core()).isLessThanOrEqualTo(p.chip().neuronsPerCore().intValue());
                assertThat(c.memoryBytes()).isLessThanOrEqualTo((long) p.chip().synapticMemoryBytesPerCore().value());
                assertThat(c.axons()).isLessThanOrEqualTo(p.chip().fanInPerCore().intValue());
            }
            assertThat(r.mapping().report().warnings()).noneMatch(w -> w.contains("more input axons"));
        }
    }

    @Test
    void everyNeuronIsPlacedExactlyOnce() throws Exception {
        CompileResult r = compile("fmnist-spikformer-tiny", "loihi2", null);
        for (PopulationSummary p : r.mapping().populations()) {
            long covered = r.mapping().cores().stream()
                    .filter(c -> r.mapping().populations().get(c.population()).node().equals(p.node()) && c.part() == 0)
                    .mapToLong(c -> (long) (c.c1() - c.c0()) * (c.p1() - c.p0())).sum();
            assertThat(covered).as(p.node()).isEqualTo(p.neurons());
        }
    }

    @Test
    void chipsHoldAtMostTheirCoresAndEveryRouteStartsAtAPlacedCore() throws Exception {
        CompileResult r = compile("spikformer-4-384-cifar", "loihi1", null);
        ResourceReport rep = r.mapping().report();
        assertThat(rep.chips()).allMatch(c -> c.cores() <= 128);
        assertThat(rep.chips().stream().mapToInt(ChipUsage::cores).sum()).isEqualTo(rep.coresUsed());
        Routes routes = r.mapping().routes();
        assertThat(routes.cores()).isEqualTo(rep.coresUsed());
        assertThat(routes.size()).isEqualTo(rep.routes());
        for (int c = 0; c < routes.cores(); c++) {
            for (int e = routes.offsets()[c] + 1; e < routes.offsets()[c + 1]; e++) {
                assertThat(routes.dst()[e]).isGreaterThan(routes.dst()[e - 1]);
            }
        }
        assertThat(rep.warnings()).anyMatch(w -> w.contains("no graded spikes"));
    }

    @Test
    void theSmallestFittingSystemIsChosenAndAnExplicitOneIsHonoured() throws Exception {
        CompileResult auto = compile("fmnist-spikformer-tiny", "loihi1", null);
        assertThat(auto.mapping().report().systemChosen()).isTrue();
        int needed = auto.mapping().report().chipsNeeded();
        assertThat(auto.mapping().system().chips()).isGreaterThanOrEqualTo(needed);
        CompileResult eight = compile("fmnist-spikformer-tiny", "loihi1", 8);
        assertThat(eight.mapping().system().name()).isEqualTo("8-chip mesh");
        assertThatThrownBy(() -> compile("fmnist-spikformer-tiny", "loihi1", 3)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("loihi1 has no 3-chip system").hasMessageContaining("2 (kapoho-bay)");
    }

    @Test
    void refiningChipCutsNeverAddsChipCrossingTraffic() throws Exception {
        var base = new CompileRequest(Presets.load("spikformer-4-384-cifar"), WeightSource.random(1),
                HardwareProfiles.builtIn("loihi2"), 64, PipelineOptions.defaults(1), false);
        var refined = new CompileRequest(base.model(), base.weights(), base.target(), 64, PipelineOptions.defaults(2), false);
        double plain = Compiler.compile(base, OutputStream.nullOutputStream(), Cancellation.none(), ProgressListener.NONE)
                .mapping().report().chipCrossingsPerStep();
        double better = Compiler.compile(refined, OutputStream.nullOutputStream(), Cancellation.none(), ProgressListener.NONE)
                .mapping().report().chipCrossingsPerStep();
        assertThat(better).isLessThanOrEqualTo(plain);
    }

    @Test
    void spreadSharesTheSlicesAmongEveryChipOfTheSystem() throws Exception {
        var packed = compile("fmnist-spikformer-tiny", "loihi2", 8).mapping().report();
        var req = new CompileRequest(Presets.load("fmnist-spikformer-tiny"), WeightSource.random(1), HardwareProfiles.builtIn("loihi2"), 8,
                PipelineOptions.defaults(2).spreadOverChips(), false);
        var spread = Compiler.compile(req, OutputStream.nullOutputStream(), Cancellation.none(), ProgressListener.NONE).mapping().report();
        assertThat(packed.chips().stream().filter(c -> c.cores() > 0).count()).as("filled in turn, it fits one chip").isEqualTo(1);
        assertThat(spread.chips()).hasSize(8).allMatch(c -> c.cores() > 0);
        int most = spread.chips().stream().mapToInt(ChipUsage::cores).max().orElseThrow();
        int least = spread.chips().stream().mapToInt(ChipUsage::cores).min().orElseThrow();
        assertThat(most - least).as("equal shares, up to the cuts the refinement moves").isLessThanOrEqualTo(most / 2 + 1);
        assertThat(spread.coresUsed()).isEqualTo(packed.coresUsed());
        assertThat(spread.chipCrossingsPerStep()).isPositive();
    }
}
