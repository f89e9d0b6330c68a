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

    // Limits the reader enforces before it allocates or the emulator runs (binary-format.md, "Limits"). Every
    // count in a file is also checked against the bytes its section holds; these bound what bytes cannot.
    /** Sections in the table: six are written; room for future ones without a table larger than a page. */
    public static final int MAX_SECTIONS = 64;
    /** Time steps T: model configs allow at most 64 (ModelConfigReader), and the emulator's work grows with T. */
    public static final int MAX_TIME_STEPS = 64;
    /** Every population is [C, H, W]: the emulator's kernels index three dimensions. */
    public static final int RANK = 3;
    /**
     * Neurons of one population, 268,435,456: 224 x 224 positions of 5,000 channels, yet small enough that
     * every index the emulator forms inside a population (channel x position, attention products) fits an int.
     */
    public static final int MAX_POPULATION_NEURONS = 1 << 28;
    /** Neurons one core holds: 4 x the largest built-in profile's 16,384 (the emulator checks the profile's own figure). */
    public static final int MAX_NEURONS_PER_CORE = 1 << 16;
    /** Cores of a system: 7 x the largest built-in system (1,152 chips x 128 cores). */
    public static final int MAX_CORES = 1 << 20;
    /** Chips of a system: the core table's chip field is 16 bits. */
    public static final int MAX_CHIPS = 1 << 16;
    /** Partial sums per neuron: a core's part field is 16 bits, and each part is a core of its own. */
    public static final int MAX_SPLIT = (1 << 16) - 1;
    /** Values the host sends per image: 4,194,304 (a 1,024 x 1,024 RGB image is 3,145,728). */
    public static final int MAX_INPUT_VALUES = 1 << 22;
    /** Mantissas of one weight block: 1,073,741,824, 200 x the largest preset's largest layer (3 x 3 x 768 x 768). */
    public static final int MAX_BLOCK_MANTISSAS = 1 << 30;
    /** Bits per weight mantissa. */
    public static final int MIN_WEIGHT_BITS = 1;
    public static final int MAX_WEIGHT_BITS = 8;

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
