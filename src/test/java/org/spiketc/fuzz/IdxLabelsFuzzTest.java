package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.spiketc.data.IdxReader;

/** IDX label files: a header claiming millions of labels costs no more than the labels present. */
class IdxLabelsFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DEFAULT)
    void labelsFile(byte[] data) throws Exception {
        HostileInput.check(data.length, FuzzBudget.idxPerByte(data),
                () -> IdxReader.readLabels(name -> new ByteArrayInputStream(data), "fuzz-labels.idx"));
    }
}
