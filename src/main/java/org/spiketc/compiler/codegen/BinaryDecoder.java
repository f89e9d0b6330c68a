package org.spiketc.compiler.codegen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spiketc.common.StoredCode;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.GatePattern;
import org.spiketc.hw.LoihiArithmetic;

/**
 * Decodes the sections of a binary whose header and checksum were validated. Every count is checked against
 * its section's bytes and {@link BinaryFormat}'s limits before anything is sized from it, and every section
 * must be used exactly; {@link ProgramChecks} then checks what the emulator relies on. Any inconsistency is a
 * {@link CorruptBinary}.
 */
final class BinaryDecoder {
    /** Bytes per weight block header: u32 id, u8 bits, 3 reserved, u64 count, u64 non-zero, u64 packed length. */
    static final int BLOCK_HEADER = 32;
    /** Bytes per core record. */
    static final int CORE_RECORD = 48;
    /** Bytes per input group. */
    static final int GROUP_RECORD = 20;
    /** Bytes per channel of a neuron layer: f32 LSB, i8 exponent, u32 threshold, i16 bias, u8 bias exponent, u8 0. */
    static final int CHANNEL_RECORD = 13;

    private BinaryDecoder() {
    }

    static BinaryProgram decode(BinaryImage image, ByteBuffer b) {
        float inputLsb = b.getFloat(60);
        if (!(inputLsb > 0) || Float.isInfinite(inputLsb)) {
            throw new CorruptBinary("header: input LSB " + inputLsb + " is not a positive finite number");
        }
        SectionCursor strings = section(b, image, "strings");
        // Index 0 and 1 are the model and system names; each string takes at least its 2-byte length.
        int nStrings = strings.count("string count", 2, Integer.MAX_VALUE);
        if (nStrings < 2) {
            throw strings.fail("string count " + nStrings + " lacks the model and system names");
        }
        List<String> names = new ArrayList<>(nStrings);
        for (int i = 0; i < nStrings; i++) {
            byte[] s = strings.bytes(strings.u16("string " + i + " length"), "string " + i);
            names.add(new String(s, StandardCharsets.UTF_8));
        }
        strings.end();
        SectionCursor pops = section(b, image, "populations");
        // A population takes at least its 8 fixed bytes, its dimensions and its split field.
        int nPops = pops.count("population count", 8 + 4 * BinaryFormat.RANK + 4, Integer.MAX_VALUE);
        List<BinaryProgram.Population> populations = new ArrayList<>(nPops);
        for (int i = 0; i < nPops; i++) {
            populations.add(population(pops, i, names));
        }
        pops.end();
        SectionCursor w = section(b, image, "weights");
        int nBlocks = w.count("block count", BLOCK_HEADER, Integer.MAX_VALUE);
        List<BinaryProgram.Block> blocks = new ArrayList<>(nBlocks);
        for (int i = 0; i < nBlocks; i++) {
            blocks.add(block(w, i));
        }
        w.end();
        SectionCursor c = section(b, image, "cores");
        int nCores = c.count("core count", CORE_RECORD, BinaryFormat.MAX_CORES);
        int[] pop = new int[nCores];
        int[] chip = new int[nCores];
        int[] x = new int[nCores];
        int[] y = new int[nCores];
        int[] part = new int[nCores];
        int[] c0 = new int[nCores];
        int[] c1 = new int[nCores];
        long[] p0 = new long[nCores];
        long[] p1 = new long[nCores];
        int[] comp = new int[nCores];
        for (int i = 0; i < nCores; i++) {
            String at = "core " + i;
            pop[i] = c.i32(at + " population");
            chip[i] = c.u16(at + " chip");
            x[i] = c.u16(at + " mesh x");
            y[i] = c.u16(at + " mesh y");
            part[i] = c.u16(at + " part");
            c0[i] = c.i32(at + " first channel");
            c1[i] = c.i32(at + " channel end");
            p0[i] = c.i64(at + " first position");
            p1[i] = c.i64(at + " position end");
            comp[i] = c.i32(at + " compartments");
            c.skip(8, at + " synaptic memory and axons");
        }
        c.end();
        BinaryProgram.RouteTable routes = routes(section(b, image, "routes"), nCores);
        BinaryProgram program = new BinaryProgram(image, inputLsb, names.get(0), names.get(1), populations, blocks,
                new BinaryProgram.Cores(pop, chip, x, y, part, c0, c1, p0, p1, comp), routes,
                paperTerms(section(b, image, "paper-terms"), populations));
        ProgramChecks.check(program);
        return program;
    }

    private static BinaryProgram.Block block(SectionCursor w, int i) {
        String at = "block " + i;
        long id = w.u32(at + " id");
        if (id != i) {
            throw w.fail(at + " has id " + id + "; blocks are numbered by position");
        }
        int bits = w.u8(at + " mantissa bits");
        if (bits < BinaryFormat.MIN_WEIGHT_BITS || bits > BinaryFormat.MAX_WEIGHT_BITS) {
            throw w.fail(at + " has " + bits + "-bit mantissas; the format holds " + BinaryFormat.MIN_WEIGHT_BITS + " to "
                    + BinaryFormat.MAX_WEIGHT_BITS);
        }
        w.skip(3, at + " reserved bytes");
        long count = w.i64(at + " mantissa count");
        long nonZero = w.i64(at + " non-zero count");
        long packed = w.i64(at + " packed length");
        if (count < 0 || count > BinaryFormat.MAX_BLOCK_MANTISSAS) {
            throw w.fail(at + " mantissa count " + Long.toUnsignedString(count) + " exceeds the limit of "
                    + BinaryFormat.MAX_BLOCK_MANTISSAS);
        }
        if (packed != (count * bits + 7) / 8) {
            throw w.fail(at + " packs " + count + " " + bits + "-bit mantissas into " + Long.toUnsignedString(packed)
                    + " bytes, not " + (count * bits + 7) / 8);
        }
        if (nonZero < 0 || nonZero > count) {
            throw w.fail(at + " non-zero count " + Long.toUnsignedString(nonZero) + " exceeds its " + count + " mantissas");
        }
        byte[] data = w.bytes((int) packed, at + " mantissas");
        return new BinaryProgram.Block(bits, unpack(data, bits, (int) count), nonZero);
    }

    /** Routing tables; destination core ids are checked against the {@code cores} of the core table. */
    private static BinaryProgram.RouteTable routes(SectionCursor r, int cores) {
        int rc = r.count("route table count", 4, Integer.MAX_VALUE);
        if (rc != cores) {
            throw r.fail("route table count " + rc + " differs from the core count " + cores);
        }
        int[] offsets = new int[rc + 1];
        List<int[]> pairs = new ArrayList<>(rc);
        int total = 0;
        for (int i = 0; i < rc; i++) {
            String at = "core " + i;
            // each destination is two varints of at least one byte; destinations are distinct cores
            int n = r.count(at + " destination count", 2, cores);
            int[] d = new int[2 * n];
            long prev = -1;
            for (int k = 0; k < n; k++) {
                prev += 1 + r.varint(at + " destination " + k);
                if (prev < 0 || prev >= cores) {
                    throw r.fail(at + " destination " + k + " is core " + Long.toUnsignedString(prev) + "; the binary has "
                            + cores + " cores");
                }
                long reads = r.varint(at + " destination " + k + " reads");
                if (reads < 1 || reads > Integer.MAX_VALUE) {
                    throw r.fail(at + " destination " + k + " reads " + Long.toUnsignedString(reads) + " neurons; at least 1 and at most "
                            + Integer.MAX_VALUE);
                }
                d[2 * k] = (int) prev;
                d[2 * k + 1] = (int) reads;
            }
            pairs.add(d);
            total += n;
            offsets[i + 1] = total;
        }
        r.end();
        int[] dst = new int[total];
        int[] reads = new int[total];
        for (int i = 0; i < rc; i++) {
            int[] d = pairs.get(i);
            for (int k = 0; k < d.length / 2; k++) {
                dst[offsets[i] + k] = d[2 * k];
                reads[offsets[i] + k] = d[2 * k + 1];
            }
        }
        return new BinaryProgram.RouteTable(offsets, dst, reads);
    }

    private static List<PaperTerm> paperTerms(SectionCursor t, List<BinaryProgram.Population> populations) {
        int n = t.count("paper-terms count", BinaryFormat.PAPER_TERM_SIZE, Integer.MAX_VALUE);
        List<PaperTerm> terms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "paper term " + i;
            int source = t.i32(at + " source");
            boolean everyStep = t.u8(at + " every-step flag") != 0;
            t.skip(3, at + " reserved bytes");
            long flops = t.i64(at + " FLOPs");
            long neurons = t.i64(at + " source neurons");
            if (source < BinaryFormat.SOURCE_NOT_ON_CHIP || source >= populations.size() || flops < 0
                    || (source != BinaryFormat.SOURCE_ANALOG && neurons <= 0)) {
                throw t.fail(at + " has source " + source + ", " + flops + " FLOPs, " + neurons + " source neurons");
            }
            String name = switch (source) {
                case BinaryFormat.SOURCE_ANALOG -> null;
                case BinaryFormat.SOURCE_NOT_ON_CHIP -> BinaryProgram.NOT_ON_CHIP;
                default -> populations.get(source).name();
            };
            terms.add(new PaperTerm("term " + i, name, flops, neurons, everyStep));
        }
        t.end();
        return List.copyOf(terms);
    }

    private static BinaryProgram.Population population(SectionCursor p, int index, List<String> names) {
        String at = "population " + index;
        long nameIndex = p.u32(at + " name");
        if (nameIndex >= names.size()) {
            throw p.fail(at + " names string " + nameIndex + "; the binary has " + names.size());
        }
        String name = names.get((int) nameIndex);
        at = at + " (" + name + ")";
        int kindCode = p.u8(at + " kind");
        PopulationKind kind = PopulationKind.ofCode(kindCode);
        if (kind == null) {
            throw p.fail(at + " has kind " + kindCode + "; kinds are " + StoredCode.list(PopulationKind.class));
        }
        int groups = p.u8(at + " group count");
        int rank = p.u8(at + " rank");
        if (rank != BinaryFormat.RANK) {
            throw p.fail(at + " has " + rank + " dimensions; populations are [C, H, W]");
        }
        p.skip(1, at + " reserved byte");
        int[] dims = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = p.i32(at + " dimension " + d);
            if (dims[d] < 1) {
                throw p.fail(at + " dimension " + d + " is " + Integer.toUnsignedString(dims[d]) + "; dimensions are at least 1");
            }
            size *= dims[d]; // at most 2^28 x 2^31 before the check below: no overflow
            if (size > BinaryFormat.MAX_POPULATION_NEURONS) {
                throw p.fail(at + " has more than the limit of " + BinaryFormat.MAX_POPULATION_NEURONS + " neurons");
            }
        }
        long split = p.u32(at + " partial sums");
        if (split < 1 || split > BinaryFormat.MAX_SPLIT) {
            throw p.fail(at + " splits its neurons into " + split + " partial sums; 1 to " + BinaryFormat.MAX_SPLIT);
        }
        int decay = 0;
        int decayU = 0;
        // Gates keep no per-channel registers: their arrays stay empty rather than sized by an unchecked count.
        int channels = kind == PopulationKind.GATE ? 0 : dims[0];
        float[] lsb = new float[channels];
        int[] exp = new int[channels];
        int[] thr = new int[channels];
        int[] bias = new int[channels];
        int[] biasExp = new int[channels];
        GatePattern pattern = GatePattern.ELEMENTWISE;
        if (kind != PopulationKind.GATE) {
            decay = register(p, at, "membrane decay", p.u16(at + " membrane decay"), 0, LoihiArithmetic.DECAY_MAX);
            decayU = register(p, at, "current decay", p.u16(at + " current decay"), 0, LoihiArithmetic.DECAY_MAX);
            p.need((long) channels * CHANNEL_RECORD, at + " channel registers");
            for (int ch = 0; ch < channels; ch++) {
                lsb[ch] = p.f32(at + " membrane LSB");
                exp[ch] = p.i8(at + " mantissa exponent");
                thr[ch] = register(p, at, "threshold mantissa", p.i32(at + " threshold"), 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
                bias[ch] = register(p, at, "bias mantissa", p.i16(at + " bias"), LoihiArithmetic.BIAS_MANT_MIN,
                        LoihiArithmetic.BIAS_MANT_MAX);
                biasExp[ch] = register(p, at, "bias exponent", p.u8(at + " bias exponent"), 0, LoihiArithmetic.BIAS_EXP_MAX);
                p.skip(1, at + " reserved byte");
                if (!Float.isFinite(lsb[ch])) {
                    throw p.fail(at + " channel " + ch + " has membrane LSB " + lsb[ch] + "; it must be finite");
                }
            }
        } else {
            int patternCode = p.u8(at + " gate pattern");
            pattern = GatePattern.ofCode(patternCode);
            if (pattern == null) {
                throw p.fail(at + " has gate pattern " + patternCode + "; patterns are " + StoredCode.list(GatePattern.class));
            }
            p.skip(3, at + " reserved bytes");
            p.i32(at + " heads");
        }
        p.need((long) groups * GROUP_RECORD, at + " input groups");
        List<BinaryProgram.Group> gs = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String field = at + " group " + g;
            int connCode = p.u8(field + " connection");
            ConnectionKind conn = ConnectionKind.ofCode(connCode);
            if (conn == null) {
                throw p.fail(field + " has connection " + connCode + "; connections are " + StoredCode.list(ConnectionKind.class));
            }
            int bits = p.u8(field + " mantissa bits");
            int planes = p.u16(field + " bit planes");
            int source = p.i32(field + " source");
            int block = p.i32(field + " weight block");
            gs.add(new BinaryProgram.Group(conn, bits, planes, source, block, p.u16(field + " k"), p.u16(field + " s"),
                    p.u16(field + " p"), p.u16(field + " grid"), p.f32(field + " scale")));
        }
        return new BinaryProgram.Population(name, kind, dims, (int) split, decayU, decay, lsb, exp, thr, bias, biasExp, pattern,
                gs);
    }

    /** A register field must fit its hardware width. */
    private static int register(SectionCursor p, String population, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw p.fail(population + " " + field + " " + value + " is outside the chip's range " + min + ".." + max);
        }
        return value;
    }

    private static SectionCursor section(ByteBuffer b, BinaryImage image, String name) {
        for (BinaryImage.Section s : image.sections()) {
            if (s.name().equals(name)) {
                // the reader checked offset + length against the file, which is below 2 GB
                return new SectionCursor(name, b.slice((int) s.offset(), (int) s.length()));
            }
        }
        throw new CorruptBinary("the " + name + " section is missing");
    }

    /** {@code bits}-bit two's complement, least significant bit first, to one signed byte each. */
    static byte[] unpack(byte[] packed, int bits, int count) {
        if (bits == 8) {
            if (packed.length != count) {
                throw new IllegalArgumentException("8-bit block of " + packed.length + " bytes for " + count + " mantissas");
            }
            return packed;
        }
        byte[] out = new byte[count];
        long bit = 0;
        for (int i = 0; i < count; i++) {
            int u = 0;
            for (int k = 0; k < bits; k++, bit++) {
                u |= ((packed[(int) (bit >>> 3)] >>> (bit & 7)) & 1) << k;
            }
            out[i] = (byte) ((u << (32 - bits)) >> (32 - bits)); // sign-extend
        }
        return out;
    }
}
