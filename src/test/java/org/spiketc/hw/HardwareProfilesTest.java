package org.spiketc.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.UserInputException;

class HardwareProfilesTest {
    @TempDir
    Path dir;

    @Test
    void everyFigureOfEveryBuiltInProfileCarriesASourceAndABasis() throws Exception {
        for (HardwareProfile p : HardwareProfiles.all()) {
            for (Record section : new Record[] {p.chip(), p.energy(), p.timing()}) {
                for (RecordComponent rc : section.getClass().getRecordComponents()) {
                    Figure f = (Figure) rc.getAccessor().invoke(section);
                    assertThat(f.source()).as(p.id() + "." + rc.getName()).isNotBlank();
                    assertThat(f.basis()).isNotNull();
                }
            }
            p.systems().forEach(s -> assertThat(s.source()).isNotBlank());
        }
    }

    @Test
    void loihi1CarriesTheDaviesTableTwoFigures() {
        HardwareProfile p = HardwareProfiles.builtIn("loihi1");
        assertThat(p.energy().synapticOp().value()).isEqualTo(23.6);
        assertThat(p.energy().synapticOp().basis()).isEqualTo(Figure.Basis.published);
        assertThat(p.energy().synapticOp().source()).contains("Davies et al. 2018").contains("Table 2");
        assertThat(p.chip().neuronsPerCore().intValue()).isEqualTo(1024);
        assertThat(p.chip().supportsGradedSpikes()).isFalse();
        assertThat(p.system(2).name()).isEqualTo("kapoho-bay");
    }

    @Test
    void loihi2EnergyIsMarkedAsAnEstimateAndLoihi3AsAProjection() {
        HardwareProfile l2 = HardwareProfiles.builtIn("loihi2");
        assertThat(l2.energy().synapticOp().basis()).isEqualTo(Figure.Basis.estimate);
        assertThat(l2.energy().synapticOp().source()).contains("No public per-operation energy");
        HardwareProfile l3 = HardwareProfiles.builtIn("loihi3");
        assertThat(l3.status()).isEqualTo("projection");
        assertThat(l3.label()).contains("projection").contains("simulated");
        assertThat(l3.chip().neuronsPerCore().basis()).isEqualTo(Figure.Basis.projection);
        assertThat(l3.chip().neuronsPerCore().source()).startsWith("PROJECTION");
        assertThat(l3.system(2).name()).isEqualTo("loihi3-2chip");
    }

    @Test
    void aUserProfileFileLoadsAndABrokenOneSaysWhatIsWrong() throws IOException {
        String loihi2 = new String(HardwareProfiles.class.getResourceAsStream("profiles/loihi2.json").readAllBytes());
        Path ok = dir.resolve("mine.json");
        Files.writeString(ok, loihi2.replace("\"id\": \"loihi2\"", "\"id\": \"mine\""));
        assertThat(HardwareProfiles.resolve(ok.toString()).id()).isEqualTo("mine");

        Path noSource = dir.resolve("nosource.json");
        Files.writeString(noSource, loihi2.replaceFirst("\"source\": \"[^\"]*\"", "\"source\": \"\""));
        assertThatThrownBy(() -> HardwareProfiles.resolve(noSource.toString())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("chip.coresPerChip needs a unit, a source and a basis");

        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, loihi2.replace("\"neuronsPerCore\"", "\"neuronPerCore\""));
        assertThatThrownBy(() -> HardwareProfiles.resolve(typo.toString())).hasMessageContaining("is invalid")
                .hasMessageContaining("neuronPerCore");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"id\": ");
        assertThatThrownBy(() -> HardwareProfiles.resolve(bad.toString())).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> HardwareProfiles.resolve("loihi9")).hasMessageContaining("unknown hardware profile 'loihi9'");
    }
}
