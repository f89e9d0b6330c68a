package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32C;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.data.LabelledImages;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.sim.ActivityTotals;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.reference.ReferenceSimulator;

/** The emulator on the shipped trained model, against the float reference. */
class ChipEmulatorTest {
    static ModelConfig config;
    static WeightSource weights;
    static LabelledImages data;

    @BeforeAll
    static void load() {
        config = Presets.load("fmnist-spikformer-tiny");
        weights = WeightSource.checkpoint(Presets.shippedWeights(config.name()).orElseThrow());
        data = FashionMnist.subset().first(200);
    }

    static ChipEmulator emulator(String target, Integer chips) throws Exception {
        var req = new CompileRequest(config, weights, HardwareProfiles.builtIn(target), chips,
                PipelineOptions.defaults(2), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Compiler.compile(req, out, Cancellation.none(), ProgressListener.NONE);
        BinaryProgram p = BinaryReader.load(out.toByteArray(), "test binary");
        return new ChipEmulator(p, HardwareProfiles.builtIn(target));
    }

    @Test
    void agreesWithTheFloatReferenceAtEightBits() throws Exception {
        ReferenceSimulator ref = new ReferenceSimulator(ModelFrontend.build(config, weights.bind(config)));
        Evaluation.Outcome r = Evaluation.run(ref, data, 2, Cancellation.none(), ProgressListener.NONE);
        Evaluation.Outcome e = Evaluation.run(emulator("loihi2", null), data, 2, Cancellation.none(), ProgressListener.NONE);
        assertThat(Evaluation.Outcome.fidelity(e, r)).isGreaterThan(0.85);
        assertThat(Math.abs(e.accuracy() - r.accuracy())).isLessThan(0.03);
    }

    @Test
    void theCompilersWorstCaseExponentsLeaveNoRegisterOverflowOnTheShippedModel() throws Exception {
        for (String target : new String[] {"loihi1", "loihi2"}) {
            Evaluation.Outcome e = Evaluation.run(emulator(target, null), data, 2, Cancellation.none(), ProgressListener.NONE);
            assertThat(e.layerMeans()).as(target).allSatisfy((layer, v) -> {
                assertThat(v[ActivityTotals.CURRENT_WRAPS]).as("%s u wraps", layer).isZero();
                assertThat(v[ActivityTotals.VOLTAGE_CLIPS]).as("%s v saturations", layer).isZero();
            });
        }
    }

    @Test
    void everyWrapAndSaturationIsCountedPerLayer() throws Exception {
        ChipEmulator emu = emulator("loihi2", null);
        // an image 100x brighter than any pixel: the first layer's sums exceed the bound its exponents were chosen for
        float[] bright = data.pixels()[0].clone();
        for (int i = 0; i < bright.length; i++) {
            bright[i] *= 100;
        }
        var r = emu.runDetailed(bright).result();
        var first = r.layers().get(0);
        assertThat(first.overflows()).as(first.layer()).isPositive();
        assertThat(emu.runDetailed(data.pixels()[0]).result().layers().get(0).overflows()).as("the image itself").isZero();
    }

    @Test
    void parallelRunsEqualASerialRun() throws Exception {
        ChipEmulator emu = emulator("loihi2", null);
        Evaluation.Outcome one = Evaluation.run(emu, data.first(40), 1, Cancellation.none(), ProgressListener.NONE);
        Evaluation.Outcome two = Evaluation.run(emu, data.first(40), 2, Cancellation.none(), ProgressListener.NONE);
        for (int i = 0; i < 40; i++) {
            assertThat(two.results()[i].logits()).containsExactly(one.results()[i].logits());
            assertThat(two.results()[i].deviceEnergyMj()).isEqualTo(one.results()[i].deviceEnergyMj());
        }
    }

    @Test
    void moreChipsGiveTheSameClassesButMoveTrafficAcrossChips() throws Exception {
        ChipEmulator one = emulator("loihi1", 4);
        ChipEmulator eight = emulator("loihi1", 8);
        for (int i = 0; i < 20; i++) {
            var a = one.runDetailed(data.pixels()[i]);
            var b = eight.runDetailed(data.pixels()[i]);
            assertThat(b.result().predicted()).isEqualTo(a.result().predicted());
            assertThat(b.result().logits()).containsExactly(a.result().logits());
        }
        var a = one.runDetailed(data.pixels()[0]).estimate();
        var b = eight.runDetailed(data.pixels()[0]).estimate();
        assertThat(a.chipCrossings()).isPositive();
        assertThat(b.latencyMs()).isNotEqualTo(a.latencyMs());
    }

    @Test
    void oneTwoAndEightLoihi2ChipsGiveTheSameClasses() throws Exception {
        ChipEmulator[] systems = {emulator("loihi2", 1), emulator("loihi2", 2), emulator("loihi2", 8)};
        for (int i = 0; i < 10; i++) {
            float[] logits = systems[0].run(data.pixels()[i]).logits();
            assertThat(systems[1].run(data.pixels()[i]).logits()).containsExactly(logits);
            assertThat(systems[2].run(data.pixels()[i]).logits()).containsExactly(logits);
        }
    }

    @Test
    void reportsEnergyAndLatencyWithTheirSources() throws Exception {
        var d = emulator("loihi2", null).runDetailed(data.pixels()[0]);
        InferenceResult r = d.result();
        assertThat(r.deviceEnergyMj()).isPositive();
        assertThat(r.latencyMs()).isPositive();
        assertThat(d.estimate().breakdownMj()).containsKeys("synaptic_ops", "neuron_updates_active", "static");
        assertThat(d.estimate().sources().get("synaptic_ops")).contains("23.6 pJ").contains("estimate");
        assertThat(d.activity().synapticOps()).isEqualTo(r.synapticOps());
    }

    @Test
    void everyMessagePaysTheWithinTileDeliveryAndEachHopOnTop() throws Exception {
        // on loihi1 four cores share a tile, so some messages stay inside one and others cross the mesh
        var d = emulator("loihi1", null).runDetailed(data.pixels()[2]);
        var e = d.estimate();
        var energy = HardwareProfiles.builtIn("loihi1").energy();
        assertThat(e.hops()).isPositive();
        assertThat(e.breakdownMj().get("spikes_within_tile")).isCloseTo(e.messages() * energy.spikeWithinTile().value() * 1e-9,
                Assertions.within(1e-15));
        assertThat(e.breakdownMj().get("hops_east_west") + e.breakdownMj().get("hops_north_south")).isPositive();
    }

    @Test
    void everySynapticOperationAndOutputIsCreditedToExactlyOneCore() throws Exception {
        for (Integer chips : new Integer[] {null, 8}) {
            ChipEmulator emu = emulator("loihi1", chips);
            var a = emu.runDetailed(data.pixels()[3]).activity();
            long synops = 0;
            long outputs = 0;
            for (int c = 0; c < emu.program().cores().count(); c++) {
                synops += a.coreSynapticOps(c);
                outputs += a.coreOutputs(c);
            }
            assertThat(synops).isEqualTo(a.synapticOps());
            assertThat(outputs).isEqualTo(a.outputs());
        }
    }

    @Test
    void theBusiestCoreSetsTheStep() throws Exception {
        // A convolution split over cores by position: border cores receive fewer events than inner ones,
        // so per-core counts differ within a population, and the step is at least the busiest core's work.
        ChipEmulator emu = emulator("loihi2", null);
        var d = emu.runDetailed(data.pixels()[5]);
        var cores = emu.program().cores();
        double busiest = 0;
        for (int c = 0; c < cores.count(); c++) {
            busiest = Math.max(busiest, d.activity().coreSynapticOps(c) * emu.profile().timing().synapticOp().value());
        }
        assertThat(d.estimate().stepNs()).isGreaterThanOrEqualTo(busiest / emu.program().image().timeSteps());
        boolean differ = false;
        for (int c = 0; c < cores.count(); c++) {
            for (int e = c + 1; e < cores.count(); e++) {
                boolean sameSize = (cores.c1()[c] - cores.c0()[c]) * (cores.p1()[c] - cores.p0()[c])
                        == (cores.c1()[e] - cores.c0()[e]) * (cores.p1()[e] - cores.p0()[e]);
                differ |= cores.population()[c] == cores.population()[e] && sameSize
                        && d.activity().coreSynapticOps(c) != d.activity().coreSynapticOps(e);
            }
        }
        assertThat(differ).as("equal slices of one population see different input").isTrue();
    }

    @Test
    void refusesABinaryForAnotherProfile() throws Exception {
        ChipEmulator emu = emulator("loihi2", null);
        assertThatThrownBy(() -> new ChipEmulator(emu.program(), HardwareProfiles.builtIn("loihi1")))
                .isInstanceOf(UserInputException.class).hasMessage("the binary was compiled for loihi2, not loihi1");
    }

    @Test
    void refusesCoresHoldingMoreNeuronsThanTheProfilesCoresOnceAtLoad() throws Exception {
        byte[] b;
        try (var in = ChipEmulatorTest.class.getResourceAsStream(
                "/org/spiketc/fuzz/BinaryFuzzTestInputs/loadAndRun/seed-fmnist-spikformer-tiny-loihi2.nxe")) {
            b = in.readAllBytes();
        }
        // the same binary relabelled for Loihi 1, whose cores hold 1,024 neurons: the reader cannot know that limit
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(32, "loihi1".getBytes(StandardCharsets.US_ASCII));
        CRC32C crc = new CRC32C();
        crc.update(b, 64, b.length - 64);
        buf.putInt(24, (int) crc.getValue());
        BinaryProgram p = BinaryReader.load(b, "relabelled binary");
        assertThatThrownBy(() -> new ChipEmulator(p, HardwareProfiles.builtIn("loihi1"))).isInstanceOf(UserInputException.class)
                .hasMessage("the binary's core 0 holds 6272 neurons; a loihi1 core holds at most 1024");
    }
}
