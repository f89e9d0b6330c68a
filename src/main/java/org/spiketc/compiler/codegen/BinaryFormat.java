package org.spiketc.compiler.codegen;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the {@code .nxe} neuromorphic executable (full layout in
 * {@code src/site/markdown/binary-format.md}). All integers little-endian.
 *
 * <pre>
 * header, 64 bytes:
 *   0  magic "STCNXE\0\0"      8  u16 format version   10 u16 flags (0)
 *   12 u32 header size (64)    16 u64 total file size  24 u32 CRC32C of bytes [64, total)
 *   28 u32 section count       32 profile id, 16 bytes ASCII, zero padded
 *   48 u32 chips  52 u32 cores  56 u32 time steps  60 f32 input LSB (value of one unit of the host's graded input)
 * section table: per section u32 type, u32 reserved, u64 offset, u64 length
 * sections: STRINGS, POPULATIONS, WEIGHTS, CORES, ROUTES, PAPER_TERMS (see the doc for each)
 * </pre>
 */
public final class BinaryFormat {
    public static final byte[] MAGIC = "STCNXE\0\0".getBytes(StandardCharsets.US_ASCII);
    /**
     * 2: Loihi's registers as Lava has them (17-bit threshold mantissa, 13-bit bias mantissa + 3-bit exponent, du).
     * 3: the model's layers as the papers' energy formula counts them (PAPER_TERMS).
     */
    public static final int VERSION = 3;
    public static final int HEADER_SIZE = 64;
    public static final int SECTION_ENTRY_SIZE = 24;

    public static final int SECTION_STRINGS = 1;
    public static final int SECTION_POPULATIONS = 2;
    public static final int SECTION_WEIGHTS = 3;
    public static final int SECTION_CORES = 4;
    public static final int SECTION_ROUTES = 5;
    public static final int SECTION_PAPER_TERMS = 6;
    /** Bytes per PAPER_TERMS record: i32 source, u8 every step, 3 reserved, u64 FLOPs per step, u64 source neurons. */
    public static final int PAPER_TERM_SIZE = 24;
    /** PAPER_TERMS source of the analog first layer (it reads the host's image). */
    public static final int SOURCE_ANALOG = -1;
    /** PAPER_TERMS source the chip does not hold as a population (the figure cannot be counted on it). */
    public static final int SOURCE_NOT_ON_CHIP = -2;

    private BinaryFormat() {
    }

    public static String sectionName(int type) {
        return switch (type) {
            case SECTION_STRINGS -> "strings";
            case SECTION_POPULATIONS -> "populations";
            case SECTION_WEIGHTS -> "weights";
            case SECTION_CORES -> "cores";
            case SECTION_ROUTES -> "routes";
            case SECTION_PAPER_TERMS -> "paper-terms";
            default -> "unknown(" + type + ")";
        };
    }
}
