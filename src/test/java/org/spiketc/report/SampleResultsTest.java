package org.spiketc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.result.ResultDocument;

/** Seals the committed sample results: each still has the seed's result shape and parses under the current schema. */
class SampleResultsTest {
    @Test
    void everySampleResultHasTheSeedShape() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("sample-results"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            ResultDocument.read(f); // parses under the current schema: numbers as metrics, samples as arrays
            JsonNode j = Json.mapper().readTree(f.toFile());
            assertThat(j.get("test_name").asText()).as(f.toString()).isNotBlank();
            assertThat(j.get("timestamp").asText()).as(f.toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(j.get("metrics").isObject() && j.get("metrics").size() > 0).as(f.toString()).isTrue();
            j.get("metrics").fields().forEachRemaining(m -> assertThat(m.getValue().isNumber())
                    .as(f + ": metric " + m.getKey()).isTrue());
            String hardware = j.at("/environment/hardware").asText();
            assertThat(hardware).as(f.toString()).isNotBlank();
            if (hardware.contains("Loihi")) {
                assertThat(hardware).as(f + ": neuromorphic hardware is simulated here").contains("simulated");
            }
            assertThat(j.at("/environment/software_version").asText()).as(f.toString()).isNotBlank();
        }
    }
}
