package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.spiketc.common.Json;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.ConnectionKind;
import org.spiketc.compiler.codegen.PopulationKind;
import org.spiketc.hw.LoihiArithmetic;

/**
 * Neurons of the shipped model's compiled layers, with the inputs they received in an emulated inference, as
 * cases for Lava: {@code -Dstc.writeLavaCases=FILE} writes them (the input of {@code make_lava_golden.py
 * --cases-from}), and the traces Lava made of them, in {@code lava-lif-golden.json}, must equal the emulator's
 * own currents, membranes and spikes of those neurons at every model step, with today's compiler.
 */
class LavaModelLayerCasesTest {
    /** The layers: graded pixels into a 3×3 convolution, spikes into one, a graded relay and spikes into 1×1 ones. */
    static final String[] LAYERS = {"patch_embed.proj_lif", "patch_embed.proj_lif1", "block.0.attn.q_lif", "block.0.mlp.fc2_lif"};
    /** Neurons per case: neighbouring positions of one channel, which share the weight exponent and threshold. */
    static final int NEURONS = 4;
    static final String PREFIX = "model-";

    static ChipEmulator emu;
    static BinaryProgram program;
    /** Per population: outputs, currents and membranes at each model step of the first test image. */
    static Map<Integer, List<int[][]>> recorded = new HashMap<>();
    static int[] hostInput;

    @BeforeAll
    static void run() throws Exception {
        ChipEmulatorTest.load();
        emu = ChipEmulatorTest.emulator("loihi2", null);
        program = emu.program();
        int t = program.image().timeSteps();
        float[] image = ChipEmulatorTest.data.pixels()[0];
        hostInput = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            hostInput[i] = Math.round(image[i] * (1f / program.inputLsb()));
        }
        emu.runDetailed(image, (p, chipStep, k, out, u, v) -> {
            if (k >= 0 && k < t) {
                recorded.computeIfAbsent(p, x -> new ArrayList<>()).add(new int[][] {out.clone(), u == null ? null : u.clone(),
                        v == null ? null : v.clone()});
            }
        });
    }

    @Test
    @EnabledIfSystemProperty(named = "stc.writeLavaCases", matches = ".+")
    void writeTheCasesForLava() throws Exception {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("written_by", "src/test/java/org/spiketc/sim/emulator/LavaModelLayerCasesTest.java");
        ArrayNode cases = doc.putArray("cases");
        for (String layer : LAYERS) {
            cases.add(new Case(layer).json());
        }
        Path out = Path.of(System.getProperty("stc.writeLavaCases"));
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
    }

    @Test
    void lavasTracesOfTheCompiledLayersEqualTheEmulatorsNeuronsAtEveryModelStep() throws Exception {
        Map<String, JsonNode> golden = new HashMap<>();
        for (JsonNode c : LavaGoldenTracesTest.golden().path("cases")) {
            golden.put(c.path("name").asText(), c);
        }
        for (String layer : LAYERS) {
            Case mine = new Case(layer);
            JsonNode lava = golden.get(mine.name());
            assertThat(lava).as("Lava's trace of %s (regenerate: see make_lava_golden.py)", mine.name()).isNotNull();
            ObjectNode expected = mine.json();
            for (String field : new String[] {"input", "lif"}) {
                assertThat(lava.path(field)).as("%s %s as compiled today (regenerate the cases and Lava's traces)", layer, field)
                        .isEqualTo(expected.path(field));
            }
            assertThat(lava.path("dense").path("weights")).isEqualTo(expected.path("dense").path("weights"));
            assertThat(lava.path("dense").path("weight_exp")).isEqualTo(expected.path("dense").path("weight_exp"));
            JsonNode trace = lava.path("trace");
            for (int k = 0; k < program.image().timeSteps(); k++) {
                int[][] state = recorded.get(mine.population).get(k);
                int row = k + 1; // Lava's LIF sees the input of row k one step later
                for (int n = 0; n < NEURONS; n++) {
                    int i = mine.neuron(n);
                    String at = layer + " neuron " + i + " model step " + k;
                    assertThat(state[1][i]).as(at + " u").isEqualTo(trace.path("u").get(row).get(n).asInt());
                    assertThat(state[2][i]).as(at + " v").isEqualTo(trace.path("v").get(row).get(n).asInt());
                    assertThat(state[0][i]).as(at + " spike").isEqualTo(trace.path("s").get(row).get(n).asInt());
                }
            }
        }
    }

    /** Some neurons of one layer as a Lava Dense → LIF case: their receptive fields' inputs, weights and parameters. */
    static final class Case {
        final String layer;
        final int population;
        final BinaryProgram.Population pop;
        final BinaryProgram.Group group;
        final int channel;
        final int[] positions;
        final int plane;

        Case(String layer) {
            this.layer = layer;
            this.population = PipelineTest.indexIn(program, layer);
            this.pop = program.populations().get(population);
            this.group = pop.groups().get(0);
            assertThat(pop.groups()).as(layer + ": one convolution").hasSize(1);
            assertThat(group.connection()).isEqualTo(ConnectionKind.CONV);
            int[] d = pop.dims();
            plane = d[1] * d[2];
            // positions along the middle row; the channel that fired most there (the lowest on a tie)
            positions = new int[NEURONS];
            for (int n = 0; n < NEURONS; n++) {
                positions[n] = (d[1] / 2) * d[2] + (d[2] - NEURONS) / 2 + n;
            }
            int best = 0;
            long most = -1;
            for (int c = 0; c < d[0]; c++) {
                long spikes = 0;
                for (int[][] state : recorded.get(population)) {
                    for (int q : positions) {
                        spikes += state[0][c * plane + q];
                    }
                }
                if (spikes > most) {
                    most = spikes;
                    best = c;
                }
            }
            channel = best;
        }

        String name() {
            return PREFIX + layer;
        }

        int neuron(int n) {
            return channel * plane + positions[n];
        }

        int[] sourceDims() {
            if (group.source() >= 0) {
                return program.populations().get(group.source()).dims();
            }
            int cin = program.blocks().get(group.block()).mantissas().length / (pop.channels() * group.k() * group.k());
            return new int[] {cin, (pop.dims()[1] - 1) * group.s() - 2 * group.p() + group.k(),
                (pop.dims()[2] - 1) * group.s() - 2 * group.p() + group.k()};
        }

        ObjectNode json() {
            int[] src = sourceDims();
            int k = group.k();
            int wo = pop.dims()[2];
            byte[] m = program.blocks().get(group.block()).mantissas();
            int cin = src[0];
            // Step 1: the receptive fields' inputs, in source order, and each neuron's weights over them.
            TreeSet<Integer> inputs = new TreeSet<>();
            List<Map<Integer, Integer>> weights = new ArrayList<>();
            for (int q : positions) {
                Map<Integer, Integer> w = new HashMap<>();
                int oy = q / wo;
                int ox = q % wo;
                for (int ci = 0; ci < cin; ci++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int y = oy * group.s() - group.p() + ky;
                            int x = ox * group.s() - group.p() + kx;
                            if (y < 0 || x < 0 || y >= src[1] || x >= src[2]) {
                                continue;
                            }
                            int j = (ci * src[1] + y) * src[2] + x;
                            // a b-bit mantissa is Lava's weight m·2^(9−b) (see LoihiArithmetic.WEIGHT_REGISTER_BITS)
                            int mant = m[((channel * cin + ci) * k + ky) * k + kx];
                            w.put(j, mant << (LoihiArithmetic.WEIGHT_REGISTER_BITS - group.bits()));
                            inputs.add(j);
                        }
                    }
                }
                weights.add(w);
            }
            List<Integer> order = new ArrayList<>(inputs);
            ObjectNode c = Json.mapper().createObjectNode();
            int t = program.image().timeSteps();
            c.put("name", name()).put("steps", t + 1).put("n_in", order.size()).put("n_out", NEURONS);
            ObjectNode dense = c.putObject("dense");
            ArrayNode wa = dense.putArray("weights");
            for (Map<Integer, Integer> w : weights) {
                ArrayNode row = wa.addArray();
                order.forEach(j -> row.add(w.getOrDefault(j, 0)));
            }
            boolean spikes = group.source() >= 0 && program.populations().get(group.source()).kind() == PopulationKind.LIF;
            dense.put("weight_exp", LoihiArithmetic.chipWeightExp(pop.weightExp()[channel], group.bits()))
                    .put("num_weight_bits", 8).put("num_message_bits", spikes ? 0 : 24).put("sign_mode", "MIXED");
            ObjectNode lif = c.putObject("lif");
            lif.put("du", pop.decayU()).put("dv", pop.decay()).put("vth", pop.threshold()[channel]);
            ArrayNode bm = lif.putArray("bias_mant");
            ArrayNode be = lif.putArray("bias_exp");
            for (int n = 0; n < NEURONS; n++) {
                bm.add(pop.bias()[channel]);
                be.add(pop.biasExp()[channel]);
            }
            lif.put("bias_from_step", 1); // the emulator switches the bias on with the layer's first input
            // Step 2: the inputs the layer received at each model step, then a step of nothing (Lava's delay).
            ArrayNode in = c.putArray("input");
            for (int step = 0; step <= t; step++) {
                int[] x = step == t ? null : group.source() < 0 ? hostInput : recorded.get(group.source()).get(step)[0];
                ArrayNode row = in.addArray();
                order.forEach(j -> row.add(x == null ? 0 : x[j]));
            }
            return c;
        }
    }
}
