package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.spiketc.data.IdxReader;

/** IDX image files: whatever the header claims, the reader allocates only for the bytes present. */
class IdxReaderFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DEFAULT)
    void imagesFile(byte[] data) throws Exception {
        HostileInput.check(data.length, FuzzBudget.idxPerByte(data),
                () -> IdxReader.readImages(name -> new ByteArrayInputStream(data), "fuzz.idx"));
    }
}
