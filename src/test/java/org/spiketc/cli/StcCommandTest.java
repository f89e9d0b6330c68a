package org.spiketc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;
import org.spiketc.data.FashionMnist;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.SafetensorsWriter;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.tensor.Tensor;

class StcCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result stc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StcCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void compilesWritesTheBinaryAndTheSeedShapedJson() throws Exception {
        Path bin = dir.resolve("tiny.nxe");
        Path json = dir.resolve("tiny.json");
        Result r = stc("compile", "--model", "fmnist-spikformer-tiny", "--target", "loihi2", "-O2", "--bits", "6", "--out",
                bin.toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Passes").contains("quantize-weights").contains("Resources (simulated loihi2")
                .contains("smallest that fits");
        assertThat(Files.size(bin)).isPositive();
        JsonNode j = Json.mapper().readTree(json.toFile());
        assertThat(j.get("test_name").asText()).isEqualTo("compile_fmnist-spikformer-tiny_loihi2_1chip_O2");
        assertThat(j.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        for (String m : new String[] {"compilation_time_ms", "memory_peak_mb", "model_size_mb", "params", "neurons", "synapses",
                "cores_used", "chips_used", "utilization"}) {
            assertThat(j.get("metrics").has(m)).as(m).isTrue();
        }
        assertThat(j.at("/environment/hardware").asText()).contains("Loihi 2").contains("simulated");
        assertThat(j.at("/environment/software_version").asText()).isNotBlank();
        assertThat(j.at("/environment/host/logical_cores").asInt()).isPositive();
        assertThat(j.get("passes").get(0).get("id").asText()).isEqualTo("O2");
        assertThat(j.get("passes").findValuesAsText("id")).contains("quantize-weights");
        assertThat(j.get("layers").size()).isPositive();
        assertThat(stc("inspect", bin.toString()).out()).contains("profile loihi2").contains("(valid)");
    }

    @Test
    void dumpsTheIrAfterEveryPassWhenAsked() {
        Result r = stc("compile", "--model", "fmnist-spikformer-tiny", "--dump-ir=all", "--layers", "0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("// IR before").contains("// IR after fold-batch-norm").contains("// IR after quantize-weights")
                .contains("%block.0.attn.attn_lif = neuron_layer(%block.0.attn.q_lif, %block.0.attn.kv)");
    }

    @Test
    void userErrorsExitWithTwoAndOneLineWithoutAStackTrace() throws Exception {
        Path corrupt = dir.resolve("bad.safetensors");
        Files.write(corrupt, new byte[] {1, 2, 3});
        String[][] cases = {
            {"compile", "--model", "nope"},
            {"compile", "--model", "fmnist-spikformer-tiny", "--weights", corrupt.toString()},
            {"compile", "--model", "fmnist-spikformer-tiny", "--target", "loihi1", "--chips", "3"},
            {"compile", "--model", "spikformer-4-384-cifar", "--target", "loihi1", "--chips", "1"},
            {"compile", "--model", "fmnist-spikformer-tiny", "--bits", "12"},
            {"compile", "--model", "fmnist-spikformer-tiny", "--disable-pass", "quantize-weights"},
            {"compile", "--config", dir.resolve("missing.json").toString()},
            {"compile", "--model", "fmnist-spikformer-tiny", "--frobnicate"},
            {"compile"},
            {"hardware", "loihi7"},
            {"inspect", corrupt.toString()},
        };
        for (String[] args : cases) {
            Result r = stc(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.USER);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void compilesAUsersCheckpointAndANamedSystem() throws Exception {
        var c = Presets.load("fmnist-spikformer-tiny");
        Path ckpt = dir.resolve("tiny.safetensors");
        SafetensorsWriter.write(ckpt, WeightSource.random(11).bind(c));
        Result r = stc("compile", "--model", "fmnist-spikformer-tiny", "--weights", ckpt.toString(), "--chips", "kapoho-point",
                "--layers", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("weights " + ckpt).contains("kapoho-point: 8 chips, as requested");
    }

    @Test
    void nonFiniteWeightsStopACompileUnlessAllowedAndAreThenNamedInAWarning() throws Exception {
        var c = Presets.load("fmnist-spikformer-tiny");
        var tensors = new LinkedHashMap<>(WeightSource.random(11).bind(c));
        float[] head = tensors.get("head.bias").data().clone();
        head[3] = Float.NaN;
        tensors.put("head.bias", Tensor.of(tensors.get("head.bias").shape(), head));
        Path ckpt = dir.resolve("nan.safetensors");
        SafetensorsWriter.write(ckpt, tensors);
        Result r = stc("compile", "--model", "fmnist-spikformer-tiny", "--weights", ckpt.toString(), "--layers", "0", "--no-store");
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).isEqualTo("error: weights " + ckpt + ": tensor 'head.bias' (1 of 10 values) holds NaN or infinite"
                + " values; they would corrupt the model's outputs silently (--allow-nonfinite loads them anyway)\n");
        Result allowed = stc("compile", "--model", "fmnist-spikformer-tiny", "--weights", ckpt.toString(), "--layers", "0",
                "--no-store", "--allow-nonfinite");
        assertThat(allowed.err()).containsOnlyOnce("warning: weights " + ckpt + ": tensor 'head.bias' (1 of 10 values) holds NaN"
                + " or infinite values, loaded as given (non-finite weights allowed)");
    }

    @Test
    void aModelFarTooLargeSaysHowManyChipsItWouldNeed() {
        Result r = stc("compile", "--model", "spikformer-8-768", "--target", "loihi1", "--layers", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).matches("error: model does not fit any loihi1 system: it needs [0-9,]+ cores = \\d+ chips, "
                + "the largest system \\(pohoiki-springs\\) has 768\\s*");
    }

    @Test
    void runsBothEnginesAndWritesTheRuntimeMetrics() throws Exception {
        Path json = dir.resolve("run.json");
        Result r = stc("run", "--model", "fmnist-spikformer-tiny", "--samples", "40", "--engine", "both", "--batch", "8",
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("reference").contains("emulator - Intel Loihi 2").contains("fidelity");
        JsonNode m = Json.mapper().readTree(json.toFile()).get("metrics");
        for (String k : new String[] {"accuracy", "accuracy_reference", "accuracy_emulator", "fidelity", "energy_per_inference_mj",
                "inference_latency_ms", "throughput_images_per_s", "synaptic_ops_per_inference", "spikes_per_inference",
                "energy_per_inference_mj_paper_formula", "host_time_per_inference_ms", "sim_events_per_s"}) {
            assertThat(m.has(k)).as(k).isTrue();
        }
        assertThat(m.get("samples").asInt()).isEqualTo(40);
        JsonNode root = Json.mapper().readTree(json.toFile());
        assertThat(root.at("/energy_sources/synaptic_ops").asText()).contains("pJ");
        assertThat(root.get("energy_breakdown_mj").has("static")).isTrue();
        assertThat(root.get("core_map").get("cores").size()).as("the emulated cores' loads").isPositive();
        for (JsonNode l : root.get("layers")) {
            assertThat(l.has("synaptic_energy_mj_per_inference")).as("only modelled hardware has energy: " + l)
                    .isEqualTo(l.get("engine").asText().equals("emulator"));
        }
    }

    @Test
    void runRejectsBadDataAndMismatchedBinaries() throws Exception {
        Path bad = dir.resolve("data");
        Files.createDirectories(bad);
        Files.write(bad.resolve("t10k-images-idx3-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Files.write(bad.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Result wrongMagic = stc("run", "--model", "fmnist-spikformer-tiny", "--dataset", "fmnist:" + bad);
        assertThat(wrongMagic.code()).isEqualTo(ExitCodes.USER);
        assertThat(wrongMagic.err()).contains("is not an IDX image file (magic 0x801, expected 0x803)");
        Result missing = stc("run", "--model", "fmnist-spikformer-tiny", "--dataset", "fmnist:" + dir.resolve("none"));
        assertThat(missing.err()).startsWith("error: no t10k-images-idx3-ubyte(.gz) in");
        Result size = stc("run", "--model", "spikformer-4-384-cifar", "--engine", "reference");
        assertThat(size.code()).isEqualTo(ExitCodes.USER);
        assertThat(size.err()).contains("has 1x28x28 images, model spikformer-4-384-cifar expects 3x32x32");
        Path bin = dir.resolve("l1.nxe");
        assertThat(stc("compile", "--model", "fmnist-spikformer-tiny", "--target", "loihi1", "--out", bin.toString(), "--layers", "0")
                .code()).isZero();
        Result other = stc("run", "--model", "fmnist-spikformer-tiny", "--engine", "emulator", "--binary", bin.toString(),
                "--target", "loihi2", "--samples", "2");
        assertThat(other.code()).isEqualTo(ExitCodes.USER);
        assertThat(other.err()).contains("the binary was compiled for loihi1, not loihi2");
    }

    @Test
    void listsModelsAndHardwareWithSources() {
        Result models = stc("models");
        assertThat(models.code()).isZero();
        assertThat(models.out()).contains("spikformer-8-768").contains("66.34 M").contains("firing rate (0.10)");
        Result hw = stc("hardware");
        assertThat(hw.out()).contains("loihi1").contains("loihi3").contains("projection");
        Result one = stc("hardware", "loihi1");
        assertThat(one.out()).contains("synapticOp").contains("23.6 pJ [published: Davies et al. 2018");
    }

    /** Writes the first n shipped test images as a Fashion-MNIST training set (IDX files) into dir. */
    static void trainingSet(Path dir, int n) throws Exception {
        var data = FashionMnist.subset().first(n);
        var images = new ByteArrayOutputStream();
        var d = new DataOutputStream(images);
        d.writeInt(0x0803);
        d.writeInt(n);
        d.writeInt(28);
        d.writeInt(28);
        for (float[] px : data.pixels()) {
            for (float v : px) {
                d.writeByte(Math.round(v * 255));
            }
        }
        var labels = new ByteArrayOutputStream();
        var l = new DataOutputStream(labels);
        l.writeInt(0x0801);
        l.writeInt(n);
        for (int label : data.labels()) {
            l.writeByte(label);
        }
        Files.write(dir.resolve("train-images-idx3-ubyte"), images.toByteArray());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.toByteArray());
    }

    @Test
    void runReportsRegisterOverflowPerLayerAndCalibratesExponentsOnNamedImages() throws Exception {
        Path train = Files.createDirectories(dir.resolve("train"));
        trainingSet(train, 20);
        Path json = dir.resolve("run.json");
        Result r = stc("run", "--model", "fmnist-spikformer-tiny", "--engine", "emulator", "--samples", "30", "--no-store",
                "--calibration", "fmnist-train:" + train, "--calibration-samples", "20", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("register overflow        0.00 u wrap-arounds, 0.00 v saturations per inference (0 and 0 neuron-steps in all)");
        JsonNode j = Json.mapper().readTree(json.toFile());
        JsonNode first = j.get("layers").get(0);
        assertThat(first.get("current_wraps_per_inference").asDouble()).isZero();
        assertThat(first.get("voltage_clips_per_inference").asDouble()).isZero();
        assertThat(first.at("/quantization/range_use").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.at("/environment/exponent_ranges").asText()).isEqualTo("calibrated on 20 images of fashion-mnist train (first 20)");

        Result bad = stc("compile", "--model", "fmnist-spikformer-tiny", "--no-store", "--calibration", "fmnist");
        assertThat(bad.code()).isEqualTo(ExitCodes.USER);
        assertThat(bad.err()).contains("unknown calibration set 'fmnist'").doesNotContain("Exception");
    }

    @Test
    void inspectDecodesAndChecksAsDeeplyAsRun() throws Exception {
        byte[] b;
        try (var in = StcCommandTest.class.getResourceAsStream("/org/spiketc/fuzz/BinaryFuzzTestInputs/loadAndRun/seed-sdt-tiny-loihi2.nxe")) {
            b = in.readAllBytes();
        }
        Path good = dir.resolve("sdt.nxe");
        Files.write(good, b);
        assertThat(stc("inspect", good.toString()).out()).contains("T=2").contains("(valid)");
        // a header the checksum covers nothing of: only decoding finds that 100 steps exceed the limit
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(56, 100);
        Path bad = dir.resolve("t100.nxe");
        Files.write(bad, b);
        Result r = stc("inspect", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err().strip()).isEqualTo("error: binary " + bad + " is corrupt: header: time steps 100 outside 1..64");
    }
}
