package org.spiketc.sim.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.spiketc.common.Json;
import org.spiketc.hw.LoihiArithmetic;

/**
 * The emulator's integer kernels against traces made by Lava itself: {@code lava-lif-golden.json} was
 * written by {@code src/test/python/make_lava_golden.py}, which runs Lava's {@code Dense}
 * ({@code PyDenseModelBitAcc}) into {@code LIF} ({@code PyLifModelBitAcc}) with {@code Loihi2SimCfg(select_tag
 * ="fixed_pt")} on random and edge cases over the whole legal range and on layers of the shipped model (the
 * file names the Lava commit). For every case and step, the dendritic activation, u, v and the spikes must be
 * identical integers.
 */
class LavaGoldenTracesTest {
    static final String RESOURCE = "/org/spiketc/sim/emulator/lava-lif-golden.json";

    static JsonNode golden() throws Exception {
        try (InputStream in = LavaGoldenTracesTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void theTracesNameTheLavaCommitThatMadeThem() throws Exception {
        JsonNode g = golden();
        assertThat(g.path("lava_commit").asText()).matches("[0-9a-f]{40}");
        assertThat(g.path("generator").asText()).isEqualTo("src/test/python/make_lava_golden.py");
        assertThat(g.path("cases").size()).isGreaterThanOrEqualTo(40);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesLavasIntegersAtEveryStep() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().path("cases")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> replay(c)));
        }
        return tests.stream();
    }

    /** Runs one case through the emulator's kernels, step by step, and compares with Lava's trace. */
    static void replay(JsonNode c) {
        String name = c.path("name").asText();
        int steps = c.path("steps").asInt();
        int nIn = c.path("n_in").asInt();
        int nOut = c.path("n_out").asInt();
        JsonNode dense = c.path("dense");
        JsonNode lif = c.path("lif");
        int[][] w = matrix(dense.path("weights_effective"), nOut, nIn);
        int weightExp = dense.path("weight_exp").asInt();
        int du = lif.path("du").asInt();
        int dv = lif.path("dv").asInt();
        int vth = lif.path("vth").asInt();
        int[] bias = new int[nOut];
        for (int o = 0; o < nOut; o++) {
            bias[o] = LoihiArithmetic.effectiveBias(lif.path("bias_mant").get(o).asInt(), lif.path("bias_exp").get(o).asInt());
        }
        int[][] input = matrix(c.path("input"), steps, nIn);
        if (dense.path("num_message_bits").asInt() == 0) {
            // binary messages: any non-zero value is a spike
            for (int[] row : input) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = row[j] != 0 ? 1 : 0;
                }
            }
        }
        JsonNode trace = c.path("trace");
        int[] u = new int[nOut];
        int[] v = new int[nOut];
        int[] s = new int[nOut];
        long[] overflow = new long[2];
        // Lava's Dense sends at step t the activation it computed from step t-1's input: the LIF sees nothing at step 0
        int[] pending = new int[nOut];
        int[] a = new int[nOut];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(pending, 0, a, 0, nOut);
            for (int o = 0; o < nOut; o++) {
                long sum = 0;
                for (int j = 0; j < nIn; j++) {
                    sum += (long) w[o][j] * input[t][j];
                }
                pending[o] = LoihiArithmetic.activation(sum, weightExp);
            }
            // a gated bias is switched on before step bias_from_step (0 when it is on from the start)
            boolean biasOn = t >= lif.path("bias_from_step").asInt(0);
            for (int o = 0; o < nOut; o++) {
                LifFixedModel.step(a, u, v, s, o, o + 1, du, dv, biasOn ? bias[o] : 0, vth, overflow);
            }
            assertThat(a).as("%s step %d a_in", name, t).containsExactly(row(trace.path("a_in"), t, nOut));
            assertThat(u).as("%s step %d u", name, t).containsExactly(row(trace.path("u"), t, nOut));
            assertThat(v).as("%s step %d v", name, t).containsExactly(row(trace.path("v"), t, nOut));
            assertThat(s).as("%s step %d spikes", name, t).containsExactly(row(trace.path("s"), t, nOut));
        }
    }

    static int[][] matrix(JsonNode rows, int n, int m) {
        int[][] x = new int[n][];
        for (int i = 0; i < n; i++) {
            x[i] = row(rows, i, m);
        }
        return x;
    }

    static int[] row(JsonNode rows, int i, int m) {
        JsonNode r = rows.get(i);
        int[] x = new int[m];
        for (int j = 0; j < m; j++) {
            JsonNode e = r.get(j);
            x[j] = e.isBoolean() ? (e.asBoolean() ? 1 : 0) : e.asInt();
        }
        return x;
    }
}
