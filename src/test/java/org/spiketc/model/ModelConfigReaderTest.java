package org.spiketc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;

class ModelConfigReaderTest {
    static ModelConfig parse(String json) throws Exception {
        return ModelConfigReader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    static final String VALID = """
            {"name": "mine", "family": "spikformer", "imageSize": 32, "inChannels": 3, "numClasses": 10,
             "embedDim": 256, "depth": 2, "heads": 8, "stem": "cifar"}""";

    @Test
    void readsAMinimalConfigAndFillsThePaperDefaults() throws Exception {
        ModelConfig c = parse(VALID);
        assertThat(c.mlpRatio()).isEqualTo(4);
        assertThat(c.timeSteps()).isEqualTo(4);
        assertThat(c.tau()).isEqualTo(2.0);
        assertThat(c.attentionThreshold()).isEqualTo(0.5);
        assertThat(c.attentionScale()).isEqualTo(0.125);
        assertThat(c.synapseStyle()).isEqualTo(SynapseStyle.LINEAR);
        assertThat(c.tokens()).isEqualTo(64);
    }

    @Test
    void imagenetStemDefaultsToTheConvSpelling() throws Exception {
        assertThat(parse(VALID.replace("cifar", "imagenet").replace("32", "224")).synapseStyle()).isEqualTo(SynapseStyle.CONV);
    }

    @Test
    void namesTheFieldOfEveryProblem() {
        assertThatThrownBy(() -> parse(VALID.replace("\"heads\": 8", "\"heads\": 7")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("field 'heads'").hasMessageContaining("256");
        assertThatThrownBy(() -> parse(VALID.replace("\"depth\": 2,", "")))
                .hasMessageContaining("field 'depth' is missing");
        assertThatThrownBy(() -> parse(VALID.replace("\"depth\": 2", "\"depth\": -1")))
                .hasMessageContaining("field 'depth' must be a positive integer");
        assertThatThrownBy(() -> parse(VALID.replace("spikformer", "vit")))
                .hasMessageContaining("field 'family' is invalid").hasMessageContaining("spikformer, sdt");
        assertThatThrownBy(() -> parse(VALID.replace("\"imageSize\": 32", "\"imageSize\": 30")))
                .hasMessageContaining("field 'imageSize' must be divisible by 4");
        assertThatThrownBy(() -> parse(VALID.replace("{", "{\"colour\": 1,")))
                .hasMessageContaining("field 'colour' is not a known field");
    }

    @Test
    void malformedJsonIsOneClearError() {
        assertThatThrownBy(() -> parse("{\"name\": "))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("config test.json is not valid JSON");
        assertThatThrownBy(() -> parse("[1, 2]")).hasMessage("config test.json must be a JSON object");
    }

    @Test
    void everyPresetLoadsAndUnknownOnesListTheKnown() {
        assertThat(Presets.all()).hasSize(Presets.NAMES.size());
        assertThatThrownBy(() -> Presets.load("spikformer-9-999"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("spikformer-8-768");
    }

    @Test
    void parameterCountsMatchThePaper() {
        // Zhou et al. 2023, Table 2 (ImageNet) and CIFAR table: 16.81 M, 29.68 M, 66.34 M, 9.32 M
        assertThat(ParameterLayout.parameterCount(Presets.load("spikformer-8-384")) / 1e6).isCloseTo(16.81, Offset.offset(0.02));
        assertThat(ParameterLayout.parameterCount(Presets.load("spikformer-8-512")) / 1e6).isCloseTo(29.68, Offset.offset(0.02));
        assertThat(ParameterLayout.parameterCount(Presets.load("spikformer-8-768")) / 1e6).isCloseTo(66.34, Offset.offset(0.02));
        assertThat(ParameterLayout.parameterCount(Presets.load("spikformer-4-384-cifar")) / 1e6).isCloseTo(9.32, Offset.offset(0.02));
    }

    @Test
    void everyDimensionHasADocumentedLimit() {
        // depth and mlpRatio up to 2^31-1 used to hang the parameter layout or overflow into a negative shape
        assertThatThrownBy(() -> parse(VALID.replace("\"depth\": 2", "\"depth\": 2147483647")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("config test.json: field 'depth' must be at most 64, got 2147483647");
        assertThatThrownBy(() -> parse(VALID.replace("\"depth\": 2", "\"depth\": 2, \"mlpRatio\": 2147483647")))
                .hasMessage("config test.json: field 'mlpRatio' must be at most 16, got 2147483647");
        assertThatThrownBy(() -> parse(VALID.replace("\"imageSize\": 32", "\"imageSize\": 99999999999")))
                .hasMessage("config test.json: field 'imageSize' must be at most 1024, got 99999999999");
        assertThatThrownBy(() -> parse(VALID.replace("\"numClasses\": 10", "\"numClasses\": 100001")))
                .hasMessage("config test.json: field 'numClasses' must be at most 100000, got 100001");
        assertThatThrownBy(() -> parse(VALID.replace("\"depth\": 2", "\"depth\": 2, \"timeSteps\": 65")))
                .hasMessage("config test.json: field 'timeSteps' must be at most 64, got 65");
    }

    @Test
    void productsOfInRangeDimensionsAreBoundedToo() {
        // each within its own limit, together 64 blocks of 4096 x (4 x 4096 + 2 x 16 x 4096) weights
        assertThatThrownBy(() -> parse(VALID.replace("\"embedDim\": 256", "\"embedDim\": 4096")
                .replace("\"depth\": 2", "\"depth\": 64, \"mlpRatio\": 16")))
                .hasMessage("config test.json: field 'embedDim' gives, with depth 64, mlpRatio 16 and numClasses 10,"
                        + " 38921384458 parameters, more than the limit of 500000000");
        // a 1024-pixel CIFAR-stem image at D 4096: the third stem block (no pooling before it) holds 2048 x 1024 x 1024 neurons
        assertThatThrownBy(() -> parse(VALID.replace("\"embedDim\": 256", "\"embedDim\": 4096")
                .replace("\"imageSize\": 32", "\"imageSize\": 1024")))
                .hasMessage("config test.json: field 'imageSize' is too large for this embedDim and timeSteps: the largest"
                        + " layer has 2147483648 neurons x 4 time steps, more than the limit of 2147483647");
    }

    @Test
    void numbersMustBeFiniteAndMessagesStayOnOneLine() {
        assertThatThrownBy(() -> parse(VALID.replace("{", "{\"threshold\": 1e400,")))
                .hasMessage("config test.json: field 'threshold' must be a positive finite number, got Infinity");
        assertThatThrownBy(() -> parse(VALID.replace("{", "{\"bad\\nkey\": 1,")))
                .hasMessageStartingWith("config test.json: field 'bad\\nkey' is not a known field");
        assertThatThrownBy(() -> parse(VALID.replace("spikformer", "x\\ny")))
                .hasMessageStartingWith("config test.json: field 'family' is invalid: unknown family 'x\\ny'");
    }

    @Test
    void bytesThatLookLikeUtf32ButAreNoTextAreInvalidJsonNotAnIoError() {
        // found by ModelConfigFuzzTest (regression input crash-utf32-detected-invalid-code-point)
        byte[] b = {0, 0, 0, 0x32, 0x22, 0x2c, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ModelConfigReader.parse(new ByteArrayInputStream(b), "test.json"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("config test.json is not valid JSON: the text is not UTF-8 (or UTF-16/32)");
    }
}
