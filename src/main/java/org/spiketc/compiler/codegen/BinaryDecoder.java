package org.spiketc.compiler.codegen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.hw.LoihiArithmetic;

/** Decodes the sections of a validated binary; any inconsistency surfaces as a runtime exception. */
final class BinaryDecoder {
    private BinaryDecoder() {
    }

    static BinaryProgram decode(BinaryImage image, ByteBuffer b) {
        float inputLsb = b.getFloat(60);
        ByteBuffer strings = section(b, image, "strings");
        int nStrings = strings.getInt();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nStrings; i++) {
            byte[] s = new byte[strings.getShort() & 0xffff];
            strings.get(s);
            names.add(new String(s, StandardCharsets.UTF_8));
        }
        ByteBuffer pops = section(b, image, "populations");
        int nPops = pops.getInt();
        List<BinaryProgram.Population> populations = new ArrayList<>(nPops);
        for (int i = 0; i < nPops; i++) {
            populations.add(population(pops, names));
        }
        ByteBuffer w = section(b, image, "weights");
        int nBlocks = w.getInt();
        List<BinaryProgram.Block> blocks = new ArrayList<>(nBlocks);
        for (int i = 0; i < nBlocks; i++) {
            w.getInt(); // id = position
            int bits = w.get() & 0xff;
            w.get();
            w.get();
            w.get();
            long count = w.getLong();
            long nonZero = w.getLong();
            long packed = w.getLong();
            byte[] data = new byte[Math.toIntExact(packed)];
            w.get(data);
            blocks.add(new BinaryProgram.Block(bits, unpack(data, bits, Math.toIntExact(count)), nonZero));
        }
        ByteBuffer c = section(b, image, "cores");
        int nCores = c.getInt();
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
            pop[i] = c.getInt();
            chip[i] = c.getShort() & 0xffff;
            x[i] = c.getShort() & 0xffff;
            y[i] = c.getShort() & 0xffff;
            part[i] = c.getShort() & 0xffff;
            c0[i] = c.getInt();
            c1[i] = c.getInt();
            p0[i] = c.getLong();
            p1[i] = c.getLong();
            comp[i] = c.getInt();
            c.getInt(); // synaptic memory bytes
            c.getInt(); // axons
        }
        ByteBuffer r = section(b, image, "routes");
        int rc = r.getInt();
        int[] offsets = new int[rc + 1];
        List<int[]> pairs = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < rc; i++) {
            int n = r.getInt();
            int[] d = new int[2 * n];
            int prev = -1;
            for (int k = 0; k < n; k++) {
                prev += 1 + Math.toIntExact(varint(r));
                d[2 * k] = prev;
                d[2 * k + 1] = (int) Math.min(Integer.MAX_VALUE, varint(r));
            }
            pairs.add(d);
            total += n;
            offsets[i + 1] = total;
        }
        int[] dst = new int[total];
        int[] reads = new int[total];
        for (int i = 0; i < rc; i++) {
            int[] d = pairs.get(i);
            for (int k = 0; k < d.length / 2; k++) {
                dst[offsets[i] + k] = d[2 * k];
                reads[offsets[i] + k] = d[2 * k + 1];
            }
        }
        return new BinaryProgram(image, inputLsb, names.get(0), names.get(1), populations, blocks,
                new BinaryProgram.Cores(pop, chip, x, y, part, c0, c1, p0, p1, comp), new BinaryProgram.RouteTable(offsets, dst, reads),
                paperTerms(section(b, image, "paper-terms"), populations));
    }

    private static List<PaperTerm> paperTerms(ByteBuffer t, List<BinaryProgram.Population> populations) {
        int n = t.getInt();
        if (n < 0 || (long) n * BinaryFormat.PAPER_TERM_SIZE > t.remaining()) {
            throw new IllegalArgumentException("paper-terms count " + Integer.toUnsignedString(n) + " exceeds its section");
        }
        List<PaperTerm> terms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int source = t.getInt();
            boolean everyStep = t.get() != 0;
            t.get();
            t.getShort();
            long flops = t.getLong();
            long neurons = t.getLong();
            if (source < BinaryFormat.SOURCE_NOT_ON_CHIP || source >= populations.size() || flops < 0
                    || (source != BinaryFormat.SOURCE_ANALOG && neurons <= 0)) {
                throw new IllegalArgumentException("paper term " + i + " has source " + source + ", " + flops + " FLOPs, "
                        + neurons + " source neurons");
            }
            String name = switch (source) {
                case BinaryFormat.SOURCE_ANALOG -> null;
                case BinaryFormat.SOURCE_NOT_ON_CHIP -> BinaryProgram.NOT_ON_CHIP;
                default -> populations.get(source).name();
            };
            terms.add(new PaperTerm("term " + i, name, flops, neurons, everyStep));
        }
        return List.copyOf(terms);
    }

    private static BinaryProgram.Population population(ByteBuffer p, List<String> names) {
        String name = names.get(p.getInt());
        int kind = p.get() & 0xff;
        int groups = p.get() & 0xff;
        int rank = p.get() & 0xff;
        p.get();
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = p.getInt();
        }
        int split = p.getInt();
        int decay = 0;
        int decayU = 0;
        int channels = dims[0];
        float[] lsb = new float[channels];
        int[] exp = new int[channels];
        int[] thr = new int[channels];
        int[] bias = new int[channels];
        int[] biasExp = new int[channels];
        int pattern = 0;
        if (kind != BinaryProgram.GATE) {
            decay = register(name, "membrane decay", p.getShort() & 0xffff, 0, LoihiArithmetic.DECAY_MAX);
            decayU = register(name, "current decay", p.getShort() & 0xffff, 0, LoihiArithmetic.DECAY_MAX);
            for (int ch = 0; ch < channels; ch++) {
                lsb[ch] = p.getFloat();
                exp[ch] = p.get();
                thr[ch] = register(name, "threshold mantissa", p.getInt(), 0, LoihiArithmetic.THRESHOLD_MANT_MAX);
                bias[ch] = register(name, "bias mantissa", p.getShort(), LoihiArithmetic.BIAS_MANT_MIN, LoihiArithmetic.BIAS_MANT_MAX);
                biasExp[ch] = register(name, "bias exponent", p.get() & 0xff, 0, LoihiArithmetic.BIAS_EXP_MAX);
                p.get();
            }
        } else {
            pattern = p.get() & 0xff;
            p.get();
            p.getShort();
            p.getInt(); // heads
        }
        List<BinaryProgram.Group> gs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int conn = p.get() & 0xff;
            int bits = p.get() & 0xff;
            int planes = p.getShort() & 0xffff;
            int source = p.getInt();
            int block = p.getInt();
            gs.add(new BinaryProgram.Group(conn, bits, planes, source, block, p.getShort() & 0xffff, p.getShort() & 0xffff,
                    p.getShort() & 0xffff, p.getShort() & 0xffff, p.getFloat()));
        }
        return new BinaryProgram.Population(name, kind, dims, split, decayU, decay, lsb, exp, thr, bias, biasExp, pattern, gs);
    }

    /** A register field must fit its hardware width. */
    private static int register(String population, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(population + ": " + field + " " + value + " outside the chip's range " + min + ".." + max);
        }
        return value;
    }

    private static ByteBuffer section(ByteBuffer b, BinaryImage image, String name) {
        for (BinaryImage.Section s : image.sections()) {
            if (s.name().equals(name)) {
                return b.slice((int) s.offset(), (int) s.length()).order(b.order());
            }
        }
        throw new IllegalArgumentException("missing section " + name);
    }

    /** Unsigned LEB128. */
    private static long varint(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = b.get() & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
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
