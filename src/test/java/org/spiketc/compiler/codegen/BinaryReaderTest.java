package org.spiketc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.driver.CompileRequest;
import org.spiketc.compiler.driver.Compiler;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.hw.LoihiArithmetic;
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
                    HardwareProfiles.builtIn("loihi2"), null, PipelineOptions.builder().bits(bits).build(), false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var result = Compiler.compile(req, out, Cancellation.none(), ProgressListener.NONE);
            BinaryProgram p = BinaryReader.load(write(out.toByteArray()));
            assertThat(p.model()).isEqualTo("fmnist-spikformer-tiny");
            assertThat(p.inputLsb()).isEqualTo(1f / 255);
            assertThat(p.populations()).extracting(BinaryProgram.Population::name)
                    .containsExactlyElementsOf(result.mapping().populations().stream().map(s -> s.node()).toList());
            var fc1 = (NeuronLayer) result.graph().node("block.0.mlp.fc1_lif").op();
            BinaryProgram.Population pop = p.populations().stream().filter(x -> x.name().equals("block.0.mlp.fc1_lif"))
                    .findFirst().orElseThrow();
            assertThat(p.blocks().get(pop.groups().get(0).block()).mantissas()).isEqualTo(fc1.synapses().get(0).quantized().mantissa());
            assertThat(pop.threshold()).isEqualTo(fc1.fixed().thresholdMant()); // the 17-bit vth; fires on v > vth << 6
            assertThat(pop.bias()).isEqualTo(fc1.fixed().biasMant());
            assertThat(pop.biasExp()).isEqualTo(fc1.fixed().biasExp());
            assertThat(pop.decayU()).isEqualTo(LoihiArithmetic.CURRENT_DECAY_FULL);
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

    /** The binary with one edit, its header's CRC32C recomputed: a file corrupt in content, not in transit. */
    static byte[] edited(Consumer<ByteBuffer> edit) {
        byte[] b = binary.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(buf);
        CRC32C crc = new CRC32C();
        crc.update(b, BinaryFormat.HEADER_SIZE, b.length - BinaryFormat.HEADER_SIZE);
        buf.putInt(24, (int) crc.getValue());
        return b;
    }

    /** Table entry of a section: {@code [offset, length]} and where the entry lies. */
    static long[] section(int type) {
        ByteBuffer b = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.getInt(28); i++) {
            int at = BinaryFormat.HEADER_SIZE + i * BinaryFormat.SECTION_ENTRY_SIZE;
            if (b.getInt(at) == type) {
                return new long[] {b.getLong(at + 8), b.getLong(at + 16), at};
            }
        }
        throw new AssertionError("no section " + type);
    }

    private void assertRejected(byte[] b, String message) throws Exception {
        Path p = write(b);
        assertThatThrownBy(() -> BinaryReader.load(p)).isInstanceOf(UserInputException.class)
                .hasMessage("binary " + p + " is corrupt: " + message);
    }

    @Test
    void aHugeCountIsComparedWithTheSectionBeforeAnythingIsAllocated() throws Exception {
        long[] pops = section(BinaryFormat.SECTION_POPULATIONS);
        assertRejected(edited(b -> b.putInt((int) pops[0], Integer.MAX_VALUE)), "populations section: population count 2147483647 needs at least "
                + 2147483647L * 24 + " bytes, the section has " + (pops[1] - 4) + " left");
        long[] w = section(BinaryFormat.SECTION_WEIGHTS);
        // block 0's mantissa count (after its id, bits and 3 reserved bytes): 2^40 mantissas would be a terabyte
        assertRejected(edited(b -> b.putLong((int) w[0] + 4 + 8, 1L << 40)),
                "weights section: block 0 mantissa count 1099511627776 exceeds the limit of " + BinaryFormat.MAX_BLOCK_MANTISSAS);
        long[] c = section(BinaryFormat.SECTION_CORES);
        assertRejected(edited(b -> b.putInt((int) c[0], -1)), "cores section: core count 4294967295 exceeds the limit of "
                + BinaryFormat.MAX_CORES);
    }

    @Test
    void timeStepsBeyondTheLimitAreRefused() throws Exception {
        assertRejected(edited(b -> b.putInt(56, 32768)), "header: time steps 32768 outside 1.." + BinaryFormat.MAX_TIME_STEPS);
        assertRejected(edited(b -> b.putInt(56, 0)), "header: time steps 0 outside 1.." + BinaryFormat.MAX_TIME_STEPS);
        assertThat(BinaryReader.load(edited(b -> b.putInt(56, BinaryFormat.MAX_TIME_STEPS)), "at the limit").image().timeSteps())
                .isEqualTo(BinaryFormat.MAX_TIME_STEPS);
    }

    @Test
    void indicesOutOfRangeAreRefusedWithTheRecordAndTheField() throws Exception {
        long[] pops = section(BinaryFormat.SECTION_POPULATIONS);
        // population 0: count, 8 fixed bytes, 3 dimensions, split, 2 decays, 8 channels x 13 bytes; then group 0's source
        int source = (int) pops[0] + 4 + 8 + 12 + 4 + 4 + 8 * 13 + 4;
        assertThat(ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN).getInt(source)).isEqualTo(-1); // the host
        assertRejected(edited(b -> b.putInt(source, 5)), "populations section: population 0 (patch_embed.proj_lif) group 0 reads population 5;"
                + " a group reads the host (-1) or a population before it");
        assertRejected(edited(b -> b.putInt(source + 4, 99)), "populations section: population 0 (patch_embed.proj_lif) group 0 uses weight"
                + " block 99; the binary has 24");
        long[] c = section(BinaryFormat.SECTION_CORES);
        assertRejected(edited(b -> b.putInt((int) c[0] + 4, 99)), "cores section: core 0 holds population 99; the binary has 19");
        // core 0's channel end (after population, chip, x, y, part, first channel): beyond the population's 8 channels
        assertRejected(edited(b -> b.putInt((int) c[0] + 4 + 16, 9)), "cores section: core 0 holds channels 0..9 and positions 0..784 of"
                + " population 0 (patch_embed.proj_lif), which has 8 and 784");
        long[] r = section(BinaryFormat.SECTION_ROUTES);
        // core 0's first destination gap, a one-byte varint: 127 points past the 52 cores
        assertRejected(edited(b -> b.put((int) r[0] + 8, (byte) 127)), "routes section: core 0 destination 0 is core 127; the binary has 52 cores");
    }

    @Test
    void aKindOrConnectionTheFormatDoesNotDefineIsRefusedWithTheDefinedCodes() throws Exception {
        long[] pops = section(BinaryFormat.SECTION_POPULATIONS);
        int kind = (int) pops[0] + 4 + 4; // population 0: after the count and its name
        int connection = (int) pops[0] + 4 + 8 + 12 + 4 + 4 + 8 * 13; // population 0, group 0
        assertRejected(edited(b -> b.put(kind, (byte) 5)), "populations section: population 0 (patch_embed.proj_lif) has kind 5;"
                + " kinds are 0 LIF, 1 relay-sum, 2 relay-max, 3 accumulator, 4 gate");
        assertRejected(edited(b -> b.put(connection, (byte) 6)), "populations section: population 0 (patch_embed.proj_lif) group 0 has"
                + " connection 6; connections are 0 conv, 1 pool, 2 identity, 3 token-sum, 4 global-dense, 5 coincidence, 8 gate operand");
        assertRejected(edited(b -> b.put(connection, (byte) ConnectionKind.POOL.code())), "populations section: population 0"
                + " (patch_embed.proj_lif) group 0 has connection 1 (pool), which a LIF population does not take");
    }

    @Test
    void aGroupWhoseShapeDisagreesWithItsWeightsIsRefused() throws Exception {
        long[] pops = section(BinaryFormat.SECTION_POPULATIONS);
        int k = (int) pops[0] + 4 + 8 + 12 + 4 + 4 + 8 * 13 + 12; // population 0, group 0: kernel
        assertRejected(edited(b -> b.putShort(k, (short) 5)), "populations section: population 0 (patch_embed.proj_lif) group 0 is a convolution"
                + " of the host input whose 72 weights and window (kernel 5, stride 1, padding 1) give no input shape for its [8, 28, 28] outputs");
    }

    @Test
    void aSectionShorterOrLongerThanItsRecordsIsRefused() throws Exception {
        long[] c = section(BinaryFormat.SECTION_CORES);
        assertRejected(edited(b -> b.putLong((int) c[2] + 16, c[1] - 1)), "cores section: core count 52 needs at least 2496 bytes, the section has"
                + " 2495 left");
        assertRejected(edited(b -> b.putLong((int) c[2] + 16, c[1] + 1)), "cores section: 1 bytes after the last record");
        long[] t = section(BinaryFormat.SECTION_PAPER_TERMS);
        assertRejected(edited(b -> b.putLong((int) t[2] + 16, t[1] - 10)), "paper-terms section: paper-terms count 14 needs at least 336 bytes,"
                + " the section has 326 left");
        long[] s = section(BinaryFormat.SECTION_STRINGS);
        // the first string's length claims more bytes than the section holds
        assertRejected(edited(b -> b.putShort((int) s[0] + 4, (short) 0xffff)), "strings section: string 0 needs 65535 bytes at offset 6, the"
                + " section has " + (s[1] - 6) + " left");
    }

    @Test
    void noMessageNamesAJavaClass() throws Exception {
        long[] w = section(BinaryFormat.SECTION_WEIGHTS);
        Path p = write(edited(b -> b.putLong((int) w[0] + 4 + 8 + 16, 5)));
        assertThatThrownBy(() -> BinaryReader.load(p)).hasMessage("binary " + p + " is corrupt: weights section: block 0 packs 72 8-bit mantissas"
                + " into 5 bytes, not 72").message().doesNotContain("Exception").doesNotContain("java.");
    }
}
