package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.ModelConfigReader;
import org.spiketc.model.ParameterLayout;
import org.spiketc.model.Presets;

/** Model config JSON: a config that loads has a parameter layout the compiler can build. */
class ModelConfigFuzzTest {
    static {
        // class loading and Jackson's first-use set-up are paid once here, not charged to the first input
        Presets.all();
    }

    @FuzzTest(maxDuration = FuzzBudget.DEFAULT)
    void configJson(byte[] data) throws Exception {
        HostileInput.check(data.length, FuzzBudget.JSON_PER_BYTE, () -> {
            ModelConfig c = ModelConfigReader.parse(new ByteArrayInputStream(data), "fuzz.json");
            // what loads must be laid out without overflow (shapes are checked positive by Shape)
            ParameterLayout.of(c).forEach(s -> {
                if (s.shape().longSize() <= 0) {
                    throw new AssertionError("non-positive shape " + s.shape() + " for " + s.key());
                }
            });
        });
    }
}
