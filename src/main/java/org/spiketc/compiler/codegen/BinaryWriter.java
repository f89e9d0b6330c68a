package org.spiketc.compiler.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.spiketc.common.Cancellation;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.FixedPointParams;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.QuantizedSynapses;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.mapping.CoreSlice;
import org.spiketc.compiler.mapping.Mapping;
import org.spiketc.compiler.mapping.PopulationSummary;
import org.spiketc.compiler.mapping.Routes;
import org.spiketc.compiler.passes.QuantizeWeights;

/**
 * Emits the {@code .nxe} binary of a mapped graph. The output depends only on the graph and the
 * mapping (no time stamps, no hash-map order), so the same inputs give the same bytes.
 */
public final class BinaryWriter {
    private BinaryWriter() {
    }

    /** What was written. */
    public record Result(long bytes, long crc32c, long weightBytes) {
    }

    /**
     * Writes the binary of {@code g} mapped as {@code m}; {@code paperTerms} are the model's layers as the
     * papers' energy formula counts them (from the front-end graph), so the emulator can count it too.
     */
    public static Result write(Graph g, Mapping m, List<PaperTerm> paperTerms, OutputStream out, Cancellation cancel)
            throws IOException {
        ByteSink strings = new ByteSink();
        ByteSink pops = new ByteSink();
        ByteSink weights = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, weightSectionSize(g, m)));
        // Step 1: strings, populations and weight blocks, in graph order.
        List<PopulationSummary> ps = m.populations();
        strings.u32(2 + ps.size()).string(g.name()).string(m.system().name());
        pops.u32(ps.size());
        int block = 0;
        int popIndex = 0;
        Map<String, Integer> index = new HashMap<>();
        for (PopulationSummary s : ps) {
            index.put(s.node(), popIndex++);
        }
        int blocksAt = weights.size();
        weights.u32(0); // block count, patched below
        for (int i = 0; i < ps.size(); i++) {
            cancel.check();
            Node n = g.node(ps.get(i).node());
            strings.string(n.name());
            int[] dims = n.type().shape().dims();
            pops.u32(2 + i).u8(PopulationKind.of(n.op()).code()).u8(n.inputs().size()).u8(dims.length).u8(0);
            for (int d : dims) {
                pops.u32(d);
            }
            pops.u32(ps.get(i).split());
            if (n.op() instanceof NeuronLayer l) {
                FixedPointParams f = l.fixed();
                pops.u16(f.decayV()).u16(f.decayU());
                for (int c = 0; c < f.lsb().length; c++) {
                    pops.f32(f.lsb()[c]).u8(f.weightExp()[c]).u32(f.thresholdMant()[c]).u16(f.biasMant()[c] & 0xffff)
                            .u8(f.biasExp()[c]).u8(0);
                }
                for (int gi = 0; gi < l.synapses().size(); gi++) {
                    Synapses s = l.synapses().get(gi);
                    Integer src = index.get(n.inputs().get(gi));
                    group(pops, ConnectionKind.of(s.connection()), s.quantized().bits(), ps.get(i).planes(), src, block, s.connection(),
                            s.scale());
                    packBlock(weights, block++, s.quantized());
                }
            } else {
                Gate gate = (Gate) n.op();
                pops.u8(gate.pattern().code()).u8(0).u16(0).u32(gate.heads());
                for (int gi = 0; gi < 2; gi++) {
                    Integer src = index.get(n.inputs().get(gi));
                    group(pops, ConnectionKind.GATE_OPERAND, 1, ps.get(i).planes(), src, -1, null, 1.0);
                }
            }
        }
        patchU32(weights, blocksAt, block);
        ByteSink terms = new ByteSink();
        terms.u32(paperTerms.size());
        for (PaperTerm t : paperTerms) {
            Integer src = t.analog() ? Integer.valueOf(BinaryFormat.SOURCE_ANALOG) : index.get(t.rateSource());
            terms.u32(src == null ? BinaryFormat.SOURCE_NOT_ON_CHIP : src).u8(t.everyStep() ? 1 : 0).u8(0).u16(0)
                    .u64(t.flopsPerStep()).u64(t.sourceNeurons());
        }
        // Step 2: cores and routing tables are streamed (they can be hundreds of MB): lengths are known up front.
        List<CoreSlice> coreList = m.cores();
        Routes r = m.routes();
        Section[] all = {
            inMemory(BinaryFormat.SECTION_STRINGS, strings),
            inMemory(BinaryFormat.SECTION_POPULATIONS, pops),
            inMemory(BinaryFormat.SECTION_WEIGHTS, weights),
            new Section(BinaryFormat.SECTION_CORES, 4 + (long) CORE_RECORD * coreList.size(), sink -> {
                ByteSink b = new ByteSink();
                b.u32(coreList.size());
                for (CoreSlice c : coreList) {
                    b.u32(c.population()).u16(c.chip()).u16(c.x()).u16(c.y()).u16(c.part()).u32(c.c0()).u32(c.c1())
                            .u64(c.p0()).u64(c.p1()).u32(c.compartments()).u32(c.memoryBytes()).u32(c.axons());
                    b = flushIfFull(b, sink);
                }
                sink.accept(b.array(), b.size());
            }),
            new Section(BinaryFormat.SECTION_ROUTES, routesLength(r, m.report().firingRate()), sink -> {
                ByteSink b = new ByteSink();
                b.u32(r.cores());
                double rate = m.report().firingRate();
                for (int c = 0; c < r.cores(); c++) {
                    b.u32(r.offsets()[c + 1] - r.offsets()[c]);
                    int prev = -1;
                    for (int e = r.offsets()[c]; e < r.offsets()[c + 1]; e++) {
                        b.varint(r.dst()[e] - prev - 1).varint(reads(r, e, rate));
                        prev = r.dst()[e];
                    }
                    b = flushIfFull(b, sink);
                }
                sink.accept(b.array(), b.size());
            }),
            inMemory(BinaryFormat.SECTION_PAPER_TERMS, terms)
        };
        // Step 3: section table, checksum (a first pass over the sections), header, then the bytes.
        long offset = BinaryFormat.HEADER_SIZE + (long) BinaryFormat.SECTION_ENTRY_SIZE * all.length;
        ByteSink table = new ByteSink();
        for (Section sec : all) {
            table.u32(sec.type()).u32(0).u64(offset).u64(sec.length());
            offset += sec.length();
        }
        CRC32C crc = new CRC32C();
        crc.update(table.array(), 0, table.size());
        for (Section sec : all) {
            cancel.check();
            sec.body().emit((b, n) -> crc.update(b, 0, n));
        }
        ByteSink header = new ByteSink();
        header.bytes(BinaryFormat.MAGIC).u16(BinaryFormat.VERSION).u16(0).u32(BinaryFormat.HEADER_SIZE).u64(offset)
                .u32(crc.getValue()).u32(all.length);
        byte[] id = new byte[16];
        byte[] pid = m.profile().id().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pid, 0, id, 0, Math.min(16, pid.length));
        header.bytes(id).u32(m.system().chips()).u32(coreList.size()).u32(g.timeSteps()).f32(QuantizeWeights.INPUT_LSB);
        out.write(header.array(), 0, header.size());
        out.write(table.array(), 0, table.size());
        long[] written = {BinaryFormat.HEADER_SIZE + table.size()};
        for (Section sec : all) {
            sec.body().emit((b, n) -> {
                out.write(b, 0, n);
                written[0] += n;
            });
        }
        if (written[0] != offset) {
            throw new IllegalStateException("binary length " + written[0] + " differs from its table's " + offset);
        }
        return new Result(offset, crc.getValue(), weights.size());
    }

    private static final int CORE_RECORD = 48;

    /**
     * How many of the source's neurons the destination reads (the route's axon entries), at least 1.
     * Routing tables store them with the destination gaps as varints: destinations ascend, so most
     * entries take two or three bytes where fixed fields took eight.
     */
    private static long reads(Routes r, int e, double rate) {
        return Math.max(1, Math.round(r.spikesPerStep()[e] / rate));
    }

    private static long routesLength(Routes r, double rate) {
        long n = 4 + 4L * r.cores();
        for (int c = 0; c < r.cores(); c++) {
            int prev = -1;
            for (int e = r.offsets()[c]; e < r.offsets()[c + 1]; e++) {
                n += ByteSink.varintSize(r.dst()[e] - prev - 1) + ByteSink.varintSize(reads(r, e, rate));
                prev = r.dst()[e];
            }
        }
        return n;
    }
    private static final int BLOCK_HEADER = 32;

    /** Exact size of the weights section, so its buffer is allocated once. */
    private static long weightSectionSize(Graph g, Mapping m) {
        long n = 4;
        for (PopulationSummary s : m.populations()) {
            if (g.node(s.node()).op() instanceof NeuronLayer l) {
                for (Synapses syn : l.synapses()) {
                    n += BLOCK_HEADER + ((long) syn.quantized().mantissa().length * syn.quantized().bits() + 7) / 8;
                }
            }
        }
        return n;
    }

    /** Receives encoded bytes. */
    @FunctionalInterface
    private interface Chunks {
        void accept(byte[] bytes, int length) throws IOException;
    }

    /** Produces a section's bytes, the same every time it is asked. */
    @FunctionalInterface
    private interface Body {
        void emit(Chunks sink) throws IOException;
    }

    private record Section(int type, long length, Body body) {
    }

    private static Section inMemory(int type, ByteSink b) {
        return new Section(type, b.size(), sink -> sink.accept(b.array(), b.size()));
    }

    private static ByteSink flushIfFull(ByteSink b, Chunks sink) throws IOException {
        if (b.size() < 1 << 20) {
            return b;
        }
        sink.accept(b.array(), b.size());
        b.reset();
        return b;
    }

    private static void group(ByteSink pops, ConnectionKind kind, int bits, int planes, Integer src, int block, Connection c,
            double scale) {
        int k = 0;
        int s = 0;
        int p = 0;
        int grid = 0;
        if (c instanceof Connection.Conv conv) {
            k = conv.kernel();
            s = conv.stride();
            p = conv.padding();
        } else if (c instanceof Connection.Pool pool) {
            k = pool.kernel();
            s = pool.stride();
            p = pool.padding();
        } else if (c instanceof Connection.Coincidence co) {
            k = co.product().code();
            s = co.operand();
            p = co.heads();
            grid = co.grid();
        }
        pops.u8(kind.code()).u8(bits).u16(planes).u32(src == null ? 0xffffffffL : src).u32(block < 0 ? 0xffffffffL : block)
                .u16(k).u16(s).u16(p).u16(grid).f32((float) scale);
    }

    /** Packs mantissas as {@code bits}-bit two's complement, least significant bit first. */
    private static void packBlock(ByteSink w, int id, QuantizedSynapses q) {
        byte[] m = q.mantissa();
        int bits = q.bits();
        long packed = ((long) m.length * bits + 7) / 8;
        w.u32(id).u8(bits).u8(0).u8(0).u8(0).u64(m.length).u64(q.nonZero()).u64(packed);
        if (bits == 8) {
            w.bytes(m);
            return;
        }
        byte[] out = new byte[(int) packed];
        int mask = (1 << bits) - 1;
        long bit = 0;
        for (byte v : m) {
            int u = v & mask;
            for (int b = 0; b < bits; b++, bit++) {
                if ((u >>> b & 1) != 0) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        w.bytes(out);
    }

    private static void patchU32(ByteSink s, int at, int v) {
        byte[] a = s.array();
        for (int i = 0; i < 4; i++) {
            a[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
