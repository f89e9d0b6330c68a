package org.spiketc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.passes.EliminateDeadCode;
import org.spiketc.compiler.passes.LowerAttention;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.compiler.passes.PruneWeights;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.result.RunSpec.Calibration;
import org.spiketc.result.RunSpec.DataSelection;
import org.spiketc.result.RunSpec.Engine;
import org.spiketc.result.RunSpec.ModelSource;

/** A run's specification is its configuration: it survives its JSON, refuses what it does not know, and checks its settings by name. */
class RunSpecTest {
    static final HardwareProfile LOIHI2 = HardwareProfiles.builtIn("loihi2");

    static RunSpec compileSpec() {
        return RunSpec.compile(ModelSource.preset("fmnist-spikformer-tiny"), "loihi2", 4, PipelineOptions.defaults(2));
    }

    /** An inference with every setting away from its default. */
    static RunSpec inferenceSpec() {
        PipelineOptions p = PipelineOptions.builder().level(3).bits(5).sparsity(0.25).timeSteps(2)
                .attentionOrder(LowerAttention.Order.KV_FIRST).firingRate(0.3)
                .disabled(Set.of(EliminateDeadCode.ID, PruneWeights.ID)).spread(true).build();
        ModelSource model = new ModelSource(null, "models/tiny.json", "weights/tiny.safetensors", 7, true);
        return RunSpec.inference(model, "loihi1", 2, p, new DataSelection("fmnist:/data/fm", 64, true), Engine.REFERENCE)
                .withCalibration(new Calibration("fmnist-train:/data/fm", 32)).withExecution(4, 3, 2, true, true);
    }

    /** The spec through its JSON text, as the store keeps it. */
    static RunSpec again(RunSpec spec) {
        return RunSpec.fromJson(json(spec.toJson().toString()), "again.json");
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void refused(String json, String... words) {
        assertThatThrownBy(() -> RunSpec.fromJson(json(json), "runs/7.json")).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("runs/7.json: ").hasMessageContainingAll(words)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContainPattern("\\w+(Exception|Error)\\b")
                        .doesNotContain("java.").doesNotContain("com.fasterxml").doesNotContain("org.spiketc"));
    }

    static void invalid(RunSpec spec, HardwareProfile profile, String message) {
        assertThatThrownBy(() -> spec.validate(profile)).isInstanceOf(UserInputException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--"));
    }

    @Test
    void aCompileSpecSurvivesItsJsonUnchanged() {
        RunSpec spec = compileSpec();
        assertThat(again(spec)).isEqualTo(spec);
        assertThat(spec.toJson().has("data")).as("a compile has no images").isFalse();
        assertThat(spec.toJson().at("/pipeline/level").asInt()).as("defaults are written too").isEqualTo(2);
        RunSpec verified = spec.withExecution(1, 0, null, false, true);
        assertThat(again(verified)).isEqualTo(verified).isNotEqualTo(spec);
    }

    @Test
    void anInferenceSpecWithEverySettingChangedSurvivesItsJsonUnchanged() {
        RunSpec spec = inferenceSpec();
        RunSpec back = again(spec);
        assertThat(back).isEqualTo(spec);
        assertThat(back.pipeline().disabled()).containsExactlyInAnyOrder(EliminateDeadCode.ID, PruneWeights.ID);
        assertThat(back.pipeline().attentionOrder()).isEqualTo(LowerAttention.Order.KV_FIRST);
        assertThat(back.calibration()).isEqualTo(new Calibration("fmnist-train:/data/fm", 32));
        assertThat(back.data()).isEqualTo(new DataSelection("fmnist:/data/fm", 64, true));
        assertThat(back.threads()).isEqualTo(2);
        assertThat(back.biasAlwaysOn()).isTrue();
        assertThat(back.verify()).isTrue();
        assertThat(back.toJson()).isEqualTo(spec.toJson());
    }

    @Test
    void anInferenceOnEveryProcessorAndAllImagesSurvivesItsJson() {
        RunSpec spec = RunSpec.inference(ModelSource.preset("fmnist-spikformer-tiny"), "loihi2", null, PipelineOptions.defaults(0),
                new DataSelection("fmnist", null, false), Engine.BOTH);
        assertThat(again(spec)).isEqualTo(spec);
        assertThat(again(spec).threads()).isNull();
        assertThat(again(spec).chips()).isNull();
        assertThat(again(spec).data().samples()).isNull();
    }

    @Test
    void aSeedBeyondTheRangeOfAnIntSurvivesItsJson() {
        // stc's --seed is a long: a run made with a large one must read back to be repeated
        ModelSource model = new ModelSource("fmnist-spikformer-tiny", null, null, 10_000_000_000L, false);
        RunSpec spec = RunSpec.compile(model, "loihi2", null, PipelineOptions.defaults(2));
        assertThat(again(spec).model().seed()).isEqualTo(10_000_000_000L);
        assertThat(again(spec)).isEqualTo(spec);
    }

    @Test
    void whatTheJsonLeavesOutTakesTheDefaults() {
        RunSpec spec = RunSpec.fromJson(json("""
                {"model": {"preset": "fmnist-spikformer-tiny"}, "pipeline": {}, "data": {}}
                """), "short.json");
        assertThat(spec.target()).isEqualTo("loihi2");
        assertThat(spec.model().seed()).isEqualTo(42);
        assertThat(spec.pipeline()).isEqualTo(PipelineOptions.defaults(2));
        assertThat(spec.data()).isEqualTo(new DataSelection("fmnist", null, false));
        assertThat(spec.engine()).as("an inference runs on both engines unless told").isEqualTo(Engine.BOTH);
        assertThat(spec.batch()).isEqualTo(1);
        assertThat(spec.warmup()).isZero();
        RunSpec compile = RunSpec.fromJson(json("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}}"), "c.json");
        assertThat(compile.engine()).isEqualTo(Engine.EMULATOR);
        assertThat(compile.compiles()).isTrue();
    }

    @Test
    void anUnknownSettingIsRefusedWithItsPlace() {
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}, \"chipz\": 2}", "unknown setting", "chipz");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"bitz\": 4}}", "unknown setting", "pipeline.bitz");
        refused("{\"model\": {\"preset\": \"m\", \"sed\": 1}, \"pipeline\": {}}", "unknown setting", "model.sed");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}, \"data\": {\"sample\": 3}}", "unknown setting", "data.sample");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}, \"calibration\": {\"size\": 3}}", "unknown setting",
                "calibration.size");
    }

    @Test
    void aSettingOfTheWrongTypeIsRefusedWithItsName() {
        String base = "{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}";
        refused(base + ", \"chips\": \"two\"}", "chips is not a whole number");
        refused(base + ", \"chips\": 1.5}", "chips is not a whole number");
        refused(base + ", \"batch\": 99999999999}", "batch is not a whole number");
        refused(base + ", \"target\": 2}", "target is not a string");
        refused(base + ", \"verify_each_pass\": \"yes\"}", "verify_each_pass is not true or false");
        refused("{\"model\": {\"preset\": 7}, \"pipeline\": {}}", "model.preset is not a string");
        refused("{\"model\": {\"preset\": \"m\", \"seed\": 99999999999999999999}, \"pipeline\": {}}", "model.seed is not a whole number");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"bits\": 4.5}}", "pipeline.bits is not a whole number");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"sparsity\": \"half\"}}", "pipeline.sparsity is not a number");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"disabled_passes\": \"prune-weights\"}}",
                "pipeline.disabled_passes is not an array of strings");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"disabled_passes\": [1]}}",
                "pipeline.disabled_passes is not an array of strings");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": 3}", "pipeline is not a JSON object");
        refused("{\"pipeline\": {}}", "model is not a JSON object");
        refused(base + ", \"data\": {\"repeat\": 1}}", "data.repeat is not true or false");
    }

    @Test
    void aSettingWithAValueItDoesNotKnowIsRefusedWithTheOrigin() {
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {\"attention_order\": \"sideways\"}}", "attention order 'sideways'");
        refused("{\"model\": {\"preset\": \"m\"}, \"pipeline\": {}, \"data\": {}, \"engine\": \"gpu\"}", "unknown engine 'gpu'");
        assertThatThrownBy(() -> RunSpec.fromJson(Json.mapper().createArrayNode(), "list.json")).isInstanceOf(UserInputException.class)
                .hasMessage("list.json: a run specification is not a JSON object");
    }

    @Test
    void aValidSpecPassesValidationUnchanged() {
        RunSpec spec = inferenceSpec();
        assertThat(spec.validate(LOIHI2)).isSameAs(spec);
        RunSpec compile = compileSpec();
        assertThat(compile.validate(LOIHI2)).isSameAs(compile);
    }

    @Test
    void validationNamesTheSettingNotAFlag() {
        RunSpec ok = compileSpec();
        invalid(ok.withPipeline(PipelineOptions.builder().bits(9).build()), LOIHI2, "weight bits must be 2..8, got 9");
        invalid(ok.withPipeline(PipelineOptions.builder().bits(1).build()), LOIHI2, "weight bits must be 2..8, got 1");
        invalid(ok.withPipeline(PipelineOptions.builder().level(4).build()), LOIHI2, "optimization level must be 0..3, got 4");
        invalid(ok.withPipeline(PipelineOptions.builder().sparsity(1.0).build()), LOIHI2, "sparsity must be in [0, 1), got 1.0");
        invalid(ok.withPipeline(PipelineOptions.builder().timeSteps(0).build()), LOIHI2, "time steps must be 1..64, got 0");
        invalid(ok.withPipeline(PipelineOptions.builder().firingRate(0).build()), LOIHI2,
                "assumed firing rate must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> ok.withPipeline(PipelineOptions.builder().disabled(Set.of("no-such-pass")).build()).validate(LOIHI2))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("unknown pass 'no-such-pass'");
        invalid(RunSpec.compile(ModelSource.preset("m"), "loihi2", 0, PipelineOptions.defaults(2)), LOIHI2,
                "system size must be at least 1 chip, got 0");
        invalid(ok.withCalibration(new Calibration("fmnist-train", 0)), LOIHI2, "calibration samples must be at least 1, got 0");
        RunSpec inference = inferenceSpec();
        invalid(RunSpec.inference(inference.model(), "loihi2", null, PipelineOptions.defaults(2), new DataSelection("fmnist", 0, false),
                Engine.BOTH), LOIHI2, "samples must be at least 1, got 0");
        invalid(inference.withExecution(0, 0, null, false, false), LOIHI2, "batch must be at least 1, got 0");
        invalid(inference.withExecution(1, -1, null, false, false), LOIHI2, "warm-up samples must not be negative, got -1");
        invalid(inference.withExecution(1, 0, 0, false, false), LOIHI2, "threads must be at least 1, got 0");
    }

    @Test
    void aRunNamesExactlyOneModel() {
        PipelineOptions p = PipelineOptions.defaults(2);
        invalid(RunSpec.compile(new ModelSource(null, null, null, 42, false), "loihi2", null, p), LOIHI2,
                "a run names one model: a preset or a config file");
        invalid(RunSpec.compile(new ModelSource("fmnist-spikformer-tiny", "m.json", null, 42, false), "loihi2", null, p), LOIHI2,
                "a run names one model: a preset or a config file");
    }

    @Test
    void weightBitsAreCheckedAgainstTheTargetsSynapsesOnlyWhenThereIsATarget() throws IOException {
        String json;
        try (InputStream in = HardwareProfiles.class.getResourceAsStream("profiles/loihi2.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HardwareProfile narrow = HardwareProfiles.parse(new ByteArrayInputStream(
                json.replaceFirst("(\"maxWeightBits\": \\{\\s*\"value\": )8", "$14").getBytes(StandardCharsets.UTF_8)), "narrow.json");
        assertThat(narrow.chip().maxWeightBits().intValue()).isEqualTo(4);
        RunSpec sixBits = compileSpec().withPipeline(PipelineOptions.builder().bits(6).build());
        invalid(sixBits, narrow, "6-bit weights exceed loihi2's 4-bit synapses");
        assertThat(sixBits.validate(LOIHI2)).isSameAs(sixBits);
        assertThat(sixBits.validate(null)).as("a float-reference run has no synapses to fit").isSameAs(sixBits);
        invalid(compileSpec().withPipeline(PipelineOptions.builder().bits(9).build()), null, "weight bits must be 2..8, got 9");
    }

    @Test
    void theModelIsNamedByItsPresetOrItsConfigFile() {
        assertThat(ModelSource.preset("fmnist-spikformer-tiny").name()).isEqualTo("fmnist-spikformer-tiny");
        assertThat(new ModelSource(null, "C:\\models\\tiny.v2.json", null, 1, false).name()).isEqualTo("tiny.v2");
        assertThat(new ModelSource(null, "models/tiny", null, 1, false).name()).isEqualTo("tiny");
    }

    @Test
    void onlyAnInferenceOnTheFloatReferenceAloneCompilesNothing() {
        assertThat(compileSpec().compiles()).isTrue();
        assertThat(inferenceSpec().compiles()).isFalse();
        JsonNode both = inferenceSpec().toJson().deepCopy();
        ((ObjectNode) both).put("engine", "both");
        assertThat(RunSpec.fromJson(both, "b.json").compiles()).isTrue();
    }
}
