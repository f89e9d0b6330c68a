package org.spiketc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.data.FashionMnist;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.Family;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.sim.emulator.ChipEmulator;
import org.spiketc.sim.reference.ReferenceSimulator;

/** The papers' energy formula: one set of terms from the model, evaluated the same way by both engines. */
class PaperEnergyTest {

    @Test
    void theAnalogLayerCostsItsMacsOnceAndSpikeLayersTheirFiringRateTimesFlops() {
        List<PaperTerm> terms = List.of(new PaperTerm("conv", null, 1000, 0, true),
                new PaperTerm("linear", "lif", 800, 100, true),
                new PaperTerm("head", "add", 40, 10, false));
        // lif sent 50 spikes over T = 4 steps of 100 neurons: fr = 0.125, SOPs = 0.125 * 4 * 800 = 400;
        // the head runs once on the time-averaged add, which sent 8 values: fr = 0.2, SOPs = 0.2 * 1 * 40 = 8.
        PaperEnergy.Count c = PaperEnergy.count(terms, 4, name -> name.equals("lif") ? 50 : 8);
        assertThat(c.macs()).isEqualTo(1000);
        assertThat(c.sops()).isEqualTo(408);
        assertThat(c.millijoules()).isEqualTo((1000 * 4.6 + 408 * 0.9) * 1e-9);
        assertThat(PaperEnergy.count(terms, 4, name -> -1).millijoules()).isNaN();
    }

    @Test
    void termsFollowTheModelWhateverTheChipComputes() {
        List<PaperTerm> terms = PaperTerm.of(frontEnd(Presets.load("fmnist-spikformer-tiny")));
        assertThat(terms.get(0)).isEqualTo(new PaperTerm("patch_embed.proj_conv", null, 8L * 28 * 28 * 9, 0, true));
        // the model writes (Q·Kᵀ)·V; the chip computes Q·(Kᵀ·V) at -O2, the formula still counts the model's products
        assertThat(terms).contains(new PaperTerm("block.0.attn.qk", "block.0.attn.q_lif", 4L * 49 * 49 * 16, 64L * 49, true),
                new PaperTerm("block.0.attn.av", "block.0.attn.v_lif", 64L * 49 * 49, 64L * 49, true),
                new PaperTerm("head", "block.0.add_mlp", 640, 64L * 49, false));
    }

    @Test
    void bothEnginesGiveTheFigureOfTheSpikesTheirLayersSent() throws Exception {
        ModelConfig config = Presets.load("fmnist-spikformer-tiny");
        WeightSource weights = WeightSource.checkpoint(Presets.shippedWeights(config.name()).orElseThrow());
        Graph front = ModelFrontend.build(config, weights.bind(config));
        List<PaperTerm> terms = PaperTerm.of(front);
        BinaryProgram binary = compile(config, weights);
        assertThat(binary.paperTerms()).extracting(PaperTerm::rateSource, PaperTerm::flopsPerStep, PaperTerm::sourceNeurons,
                PaperTerm::everyStep).containsExactlyElementsOf(terms.stream()
                        .map(t -> Tuple.tuple(t.rateSource(), t.flopsPerStep(), t.sourceNeurons(), t.everyStep()))
                        .toList());
        InferenceEngine[] engines = {new ReferenceSimulator(front), new ChipEmulator(binary, HardwareProfiles.builtIn("loihi2"))};
        float[][] images = FashionMnist.subset().first(3).pixels();
        for (InferenceEngine engine : engines) {
            for (float[] image : images) {
                InferenceResult r = engine.run(image);
                Map<String, Long> sent = new HashMap<>();
                r.layers().forEach(l -> sent.put(l.layer(), l.nonZeroOutputs()));
                PaperEnergy.Count expected = PaperEnergy.count(terms, config.timeSteps(), sent::get);
                assertThat(r.paper()).as(engine.name()).isEqualTo(expected);
                assertThat(expected.sops()).isPositive();
            }
        }
    }

    @Test
    void theSpikeDrivenTransformersMasksAreCountedOnTheChipToo() throws Exception {
        ModelConfig sdt = smallSdt();
        WeightSource weights = WeightSource.random(7);
        List<PaperTerm> terms = PaperTerm.of(frontEnd(sdt));
        assertThat(terms).anySatisfy(t -> assertThat(t.layer()).endsWith("attn.q_kv"));
        assertThat(compile(sdt, weights).paperTerms()).extracting(PaperTerm::rateSource)
                .containsExactlyElementsOf(terms.stream().map(PaperTerm::rateSource).toList())
                .doesNotContain(BinaryProgram.NOT_ON_CHIP);
    }

    private static ModelConfig smallSdt() {
        ModelConfig c = Presets.load("sdt-8-512");
        assertThat(c.family()).isEqualTo(Family.SPIKE_DRIVEN_TRANSFORMER);
        return new ModelConfig("sdt-small", c.family(), 32, c.inChannels(), 10, 64, 1, 4, c.mlpRatio(), c.timeSteps(), c.stem(),
                c.synapseStyle(), c.tau(), c.threshold(), c.attentionThreshold(), c.attentionScale(), c.bnEps());
    }

    private static Graph frontEnd(ModelConfig c) {
        return ModelFrontend.build(c, WeightSource.random(1).bind(c));
    }

    private static BinaryProgram compile(ModelConfig config, WeightSource weights) throws Exception {
        var req = new CompileRequest(config, weights, HardwareProfiles.builtIn("loihi2"), null,
                PipelineOptions.defaults(2), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Compiler.compile(req, out, Cancellation.none(), ProgressListener.NONE);
        return BinaryReader.load(out.toByteArray(), "test binary");
    }
}
