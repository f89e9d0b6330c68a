package org.spiketc.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
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

    static HardwareProfile parse(String json) throws IOException {
        return HardwareProfiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json");
    }

    static String loihi2() throws IOException {
        return new String(HardwareProfiles.class.getResourceAsStream("profiles/loihi2.json").readAllBytes());
    }

    @Test
    void aNullSystemIsNamedByItsPositionNotANullPointer() throws IOException {
        String json = loihi2().replaceFirst("\"systems\": \\[", "\"systems\": [null, ");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(UserInputException.class)
                .hasMessage("p.json is invalid: systems[0] is null, expected an object with chips, name, columns, rows and source");
    }

    @Test
    void everyFigureIsCheckedAgainstItsRangeWithItsFieldPath() throws IOException {
        String coresPerChip = "\"coresPerChip\": {\n      \"value\": 128";
        assertThat(loihi2()).contains(coresPerChip);
        assertThatThrownBy(() -> parse(loihi2().replace(coresPerChip, "\"coresPerChip\": {\n      \"value\": 1e300")))
                .hasMessageStartingWith("p.json is invalid: chip.coresPerChip.value must be a whole number 1..65536, got 1.0E300");
        assertThatThrownBy(() -> parse(loihi2().replace(coresPerChip, "\"coresPerChip\": {\n      \"value\": 1e400")))
                .hasMessageStartingWith("p.json is invalid: chip.coresPerChip.value must be a finite number");
        assertThatThrownBy(() -> parse(loihi2().replace(coresPerChip, "\"coresPerChip\": {\n      \"value\": \"many\"")))
                .hasMessage("p.json is invalid at chip.coresPerChip.value: 'many' is not a number");
        assertThatThrownBy(() -> parse(loihi2().replace("\"source\"", "\"sourceException\"")))
                .hasMessage("p.json is invalid at chip.coresPerChip: unknown field 'sourceException'");
        String synOp = loihi2().replaceFirst("(\"energy\": \\{\\s*\"synapticOp\": \\{\\s*\"value\": )[0-9.]+", "$1-1");
        assertThat(synOp).isNotEqualTo(loihi2());
        assertThatThrownBy(() -> parse(synOp)).hasMessage("p.json is invalid: energy.synapticOp.value must be 0..1e+12, got -1.0");
    }

    @Test
    void systemsMustGrowAndFitTheirMesh() throws IOException {
        String json = loihi2().replaceFirst("\"systems\": \\[", "\"systems\": [{\"chips\": 2147483647, \"name\": \"x\","
                + " \"columns\": 65536, \"rows\": 65536, \"source\": \"s\"}, ");
        assertThatThrownBy(() -> parse(json))
                .hasMessageStartingWith("p.json is invalid: systems[0].chips must be 1..1048576, got 2147483647;"
                        + " systems[0] needs a mesh of columns x rows (each at least 1, at most 1048576 places) that holds its"
                        + " 2147483647 chips, got 65536 x 65536");
    }
}
