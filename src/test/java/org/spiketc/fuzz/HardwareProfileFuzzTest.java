package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;

/** Hardware profile JSON: a profile that loads has the figures the mapper and energy model read. */
class HardwareProfileFuzzTest {
    static {
        // class loading and Jackson's first-use set-up are paid once here, not charged to the first input
        HardwareProfiles.all();
    }

    @FuzzTest(maxDuration = FuzzBudget.DEFAULT)
    void profileJson(byte[] data) throws Exception {
        HostileInput.check(data.length, FuzzBudget.JSON_PER_BYTE, () -> {
            HardwareProfile p = HardwareProfiles.parse(new ByteArrayInputStream(data), "fuzz.json");
            // what the rest of the product reads from a loaded profile must be there
            p.largestSystem().chips();
            p.label();
            p.chip().supportsGradedSpikes();
        });
    }
}
