package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spiketc.common.UserInputException;
import org.spiketc.result.ResultDocument;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.testsupport.InMemoryStore;

/**
 * Result JSON: the reader refuses a hostile file with one line (and allocates in proportion to it), and
 * whatever it accepts the results store takes in one import and gives back unchanged, so an accepted
 * file never fails later, in the database or on export. The store is an in-memory H2, emptied after each input.
 */
class ResultJsonFuzzTest {
    private static final JdbcRunRepository RUNS = InMemoryStore.runs();

    static {
        // Loading and initialising the JSON parser and the validation once, so that the allocation bound
        // measures what an input costs rather than what the first input's class loading does.
        for (String warm : new String[] {"{\"test_name\": \"w\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"metrics\": {\"a\": 1},"
                + " \"environment\": {\"host\": {}}, \"samples\": {\"a\": [1]}, \"passes\": [{}], \"layers\": [{}]}", "{", "[]", ""}) {
            try {
                ResultDocument.readAll(warm, "warm-up");
            } catch (UserInputException expected) {
                // the malformed ones
            }
        }
    }

    @FuzzTest(maxDuration = "10s")
    void resultJson(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<ResultDocument>[] read = new List[1];
        // a parsed tree holds about 30 times the bytes of its text, kept twice (parsed and validated copy)
        HostileInput.check(data.length, 256, () -> read[0] = ResultDocument.readAll(text, "fuzz.json"));
        if (read[0] == null) {
            return;
        }
        List<Long> ids = RUNS.importResults(read[0]); // anything it throws is a finding: the reader let it through
        try {
            for (int i = 0; i < ids.size(); i++) {
                ResultDocument back = RUNS.result(ids.get(i)).orElseThrow(() -> new AssertionError("stored result lost"));
                if (!back.json().equals(read[0].get(i).json())) {
                    throw new AssertionError("the stored result exports differently: " + back.json() + " vs " + read[0].get(i).json());
                }
                RUNS.metrics(ids.get(i));
            }
        } finally {
            ids.forEach(RUNS::delete);
        }
    }
}
