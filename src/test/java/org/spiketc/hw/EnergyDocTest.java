package org.spiketc.hw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The energy-and-latency page lists every energy and timing figure exactly as the built-in profiles have it. */
class EnergyDocTest {
    @Test
    void theDocumentedFiguresAreTheProfilesFigures() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/site/markdown/energy-and-latency.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        String profile = null;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                profile = line.substring(4, line.indexOf(':'));
            } else if (profile != null && line.startsWith("| energy.") || profile != null && line.startsWith("| timing.")) {
                String[] cells = line.split("\\|");
                documented.put(profile + "/" + cells[1].trim(), cells[2].trim() + " | " + cells[3].trim() + " | " + cells[4].trim());
            }
        }
        int checked = 0;
        for (String id : HardwareProfiles.BUILT_IN) {
            HardwareProfile p = HardwareProfiles.builtIn(id);
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (var c : p.energy().getClass().getRecordComponents()) {
                figures.put("energy." + c.getName(), (Figure) c.getAccessor().invoke(p.energy()));
            }
            for (var c : p.timing().getClass().getRecordComponents()) {
                figures.put("timing." + c.getName(), (Figure) c.getAccessor().invoke(p.timing()));
            }
            for (Map.Entry<String, Figure> e : figures.entrySet()) {
                Figure f = e.getValue();
                String value = f.value() == Math.rint(f.value()) ? Long.toString((long) f.value()) : Double.toString(f.value());
                assertThat(documented.get(id + "/" + e.getKey())).as(id + " " + e.getKey())
                        .isEqualTo(value + " " + f.unit() + " | " + f.basis() + " | " + f.source().replace("|", "/"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(documented.size());
    }
}
