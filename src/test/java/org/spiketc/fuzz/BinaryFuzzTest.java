package org.spiketc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.spiketc.compiler.codegen.BinaryFormat;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.sim.emulator.ChipEmulator;

/**
 * {@code .nxe} binaries: whatever the sections claim, the reader allocates only for the bytes present, and a
 * binary it accepts runs one inference on the emulator without any other exception, within the same bound.
 * Seeds are valid binaries compiled from the shipped Fashion-MNIST model and from a small Spike-driven
 * Transformer (gates, token sums), in {@code BinaryFuzzTestInputs/loadAndRun}.
 */
class BinaryFuzzTest {
    /** Profiles parsed once, so that their JSON is not charged to each input. */
    private static final Map<String, HardwareProfile> PROFILES = HardwareProfiles.BUILT_IN.stream()
            .collect(Collectors.toMap(Function.identity(), HardwareProfiles::builtIn));

    static {
        // Load and run a seed once before any input is measured: the first run loads (and, when fuzzing, instruments)
        // the reader's and emulator's classes, tens of MB that belong to no input.
        try (var in = BinaryFuzzTest.class.getResourceAsStream("BinaryFuzzTestInputs/loadAndRun/seed-sdt-tiny-loihi2.nxe")) {
            BinaryProgram p = BinaryReader.load(in.readAllBytes(), "warm-up seed");
            ChipEmulator emulator = new ChipEmulator(p, PROFILES.get(p.image().profile()));
            emulator.run(new float[emulator.inputSize()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bytes the reader and one inference may allocate per input byte: the shipped model's binary (132 KB)
     * allocates about 40 bytes per byte to load and run; a mutant that claims more neurons than its cores can
     * justify is refused before its state exists.
     */
    private static final long PER_BYTE = 256;

    @FuzzTest(maxDuration = "10s")
    void loadAndRun(byte[] data) throws Exception {
        byte[] bytes = withValidChecksum(data);
        HostileInput.check(bytes.length, PER_BYTE, () -> {
            BinaryProgram p = BinaryReader.load(bytes, "fuzz.nxe");
            HardwareProfile profile = PROFILES.getOrDefault(p.image().profile(), PROFILES.get("loihi2"));
            ChipEmulator emulator = new ChipEmulator(p, profile);
            float[] image = new float[emulator.inputSize()];
            for (int i = 0; i < image.length; i++) {
                image[i] = (i * 37 % 256) / 255f; // some of every intensity, so that spikes travel
            }
            emulator.run(image);
        });
    }

    /**
     * The input with its header's file size and CRC32C made to match: otherwise nearly every mutant would stop
     * at the checksum, and the sections behind it would never be fuzzed (BinaryReaderTest covers those checks).
     */
    static byte[] withValidChecksum(byte[] data) {
        if (data.length < BinaryFormat.HEADER_SIZE) {
            return data;
        }
        byte[] b = data.clone();
        CRC32C crc = new CRC32C();
        crc.update(b, BinaryFormat.HEADER_SIZE, b.length - BinaryFormat.HEADER_SIZE);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(16, b.length).putInt(24, (int) crc.getValue());
        return b;
    }
}
