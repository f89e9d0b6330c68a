package org.spiketc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;

class BinaryReaderTest {
    static byte[] binary;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws Exception {
        var req = new CompileRequest(Presets.load("fmnist-spikformer-tiny"), WeightSource.random(9), HardwareProfiles.builtIn("loihi2"),
                null, PipelineOptions.defaults(2), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Compiler.compile(req, out, Cancellation.none(), ProgressListener.NONE);
        binary = out.toByteArray();
    }

    Path write(byte[] b) throws Exception {
        Path p = dir.resolve("m.nxe");
        Files.write(p, b);
        return p;
    }

    @Test
    void readsBackTheHeaderAndAllSixSections() throws Exception {
        BinaryImage img = BinaryReader.read(write(binary));
        assertThat(img.version()).isEqualTo(BinaryFormat.VERSION);
        assertThat(img.profile()).isEqualTo("loihi2");
        assertThat(img.timeSteps()).isEqualTo(4);
        assertThat(img.size()).isEqualTo(binary.length);
        assertThat(img.sections()).extracting(BinaryImage.Section::name)
                .containsExactly("strings", "populations", "weights", "cores", "routes", "paper-terms");
    }

    @Test
    void decodesEveryPopulationAndTheExactMantissasAtAnyWidth() throws Exception {
        for (int bits : new int[] {3, 8}) {
            var req = new CompileRequest(Presets.load("fmnist-spikformer-tiny"), WeightSource.random(9),
                    HardwareProfiles.builtIn("loihi2"), null, new PipelineOptions(2, bits, null, null, null, 0.1, java.util.Set.of()), false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var result = Compiler.compile(req, out, Cancellation.none(), ProgressListener.NONE);
            BinaryProgram p = BinaryReader.load(write(out.toByteArray()));
            assertThat(p.model()).isEqualTo("fmnist-spikformer-tiny");
            assertThat(p.inputLsb()).isEqualTo(1f / 255);
            assertThat(p.populations()).extracting(BinaryProgram.Population::name)
                    .containsExactlyElementsOf(result.mapping().populations().stream().map(s -> s.node()).toList());
            var fc1 = (org.spiketc.compiler.ir.NeuronLayer) result.graph().node("block.0.mlp.fc1_lif").op();
            BinaryProgram.Population pop = p.populations().stream().filter(x -> x.name().equals("block.0.mlp.fc1_lif"))
                    .findFirst().orElseThrow();
            assertThat(p.blocks().get(pop.groups().get(0).block()).mantissas()).isEqualTo(fc1.synapses().get(0).quantized().mantissa());
            assertThat(pop.threshold()).isEqualTo(fc1.fixed().thresholdMant()); // the 17-bit vth; fires on v > vth << 6
            assertThat(pop.bias()).isEqualTo(fc1.fixed().biasMant());
            assertThat(pop.biasExp()).isEqualTo(fc1.fixed().biasExp());
            assertThat(pop.decayU()).isEqualTo(org.spiketc.hw.LoihiArithmetic.CURRENT_DECAY_FULL);
            assertThat(p.cores().count()).isEqualTo(result.mapping().cores().size());
            assertThat(p.routes().dst().length).isEqualTo(result.mapping().routes().size());
        }
    }

    @Test
    void rejectsATruncatedFile() throws Exception {
        Path p = write(Arrays.copyOf(binary, binary.length - 10));
        assertThatThrownBy(() -> BinaryReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is truncated: header says " + binary.length + " bytes, file has " + (binary.length - 10));
        Path shorter = write(Arrays.copyOf(binary, 20));
        assertThatThrownBy(() -> BinaryReader.read(shorter)).hasMessageContaining("shorter than the 64-byte header");
    }

    @Test
    void rejectsAFlippedBitWithAChecksumError() throws Exception {
        byte[] b = binary.clone();
        b[b.length / 2] ^= 0x10;
        assertThatThrownBy(() -> BinaryReader.read(write(b))).hasMessageContaining("is corrupt: checksum mismatch");
    }

    @Test
    void rejectsAnUnknownVersionAndAForeignFile() throws Exception {
        byte[] b = binary.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 7);
        assertThatThrownBy(() -> BinaryReader.read(write(b))).hasMessageContaining("has format version 7; this build reads version " + BinaryFormat.VERSION);
        byte[] png = binary.clone();
        png[0] = (byte) 0x89;
        assertThatThrownBy(() -> BinaryReader.read(write(png))).hasMessageContaining("not a Spike-Transformer-Compiler binary");
    }
}
