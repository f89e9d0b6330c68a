package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.weights.SafetensorsReader;
import org.spiketc.model.weights.WeightSet;
import org.spiketc.model.weights.WeightSource;

/** Safetensors: header, offsets, shapes and dtypes checked before allocating; weights bound to a tiny model. */
class SafetensorsFuzzTest {
    /** The model the seed checkpoint was written for (seed-random-tiny-spikformer-d8). */
    static final ModelConfig TINY;

    static {
        String json = "{\"name\":\"fuzz-tiny\",\"family\":\"spikformer\",\"imageSize\":4,\"inChannels\":1,\"numClasses\":2,"
                + "\"embedDim\":8,\"depth\":1,\"heads\":1,\"mlpRatio\":1,\"timeSteps\":1,\"stem\":\"cifar\"}";
        try {
            TINY = ModelConfigReader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "tiny");
            // class loading and first-use set-up paid once here, not charged to the first input
            WeightSource.checkpoint(SafetensorsReader.read(SafetensorsFuzzTest.class.getResourceAsStream(
                    "SafetensorsFuzzTestInputs/weightsFile/seed-random-tiny-spikformer-d8").readAllBytes(), "seed")).bind(TINY);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = FuzzBudget.DEFAULT)
    void weightsFile(byte[] data) throws Exception {
        HostileInput.check(data.length, FuzzBudget.JSON_PER_BYTE, () -> {
            WeightSet w = SafetensorsReader.read(data, "fuzz.safetensors");
            WeightSource.checkpoint(w).bind(TINY);
        });
    }
}
