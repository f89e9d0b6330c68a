package org.spiketc.compiler.codegen;

import java.util.Arrays;
import java.util.List;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.compiler.codegen.BinaryProgram.Population;
import org.spiketc.common.StoredCode;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.GatePattern;

/**
 * What the chip emulator relies on, checked once when a binary is decoded, so that a file the reader
 * accepts is one the emulator can run (and nothing is checked per step): header limits, each input group's
 * connection, source and weight block against the shapes it joins, and each core's slice against its
 * population. The rules are listed in {@code binary-format.md} ("What the reader checks").
 */
final class ProgramChecks {
    private final BinaryProgram program;
    private final List<Population> pops;

    private ProgramChecks(BinaryProgram program) {
        this.program = program;
        this.pops = program.populations();
    }

    static void check(BinaryProgram program) {
        ProgramChecks c = new ProgramChecks(program);
        c.header();
        long inputValues = 0;
        boolean accumulator = false;
        for (int p = 0; p < c.pops.size(); p++) {
            inputValues = Math.max(inputValues, c.population(p));
            accumulator |= c.pops.get(p).kind() == PopulationKind.ACCUMULATOR;
        }
        if (!accumulator) {
            throw new CorruptBinary("populations section: no accumulator population holds the classes");
        }
        if (inputValues > BinaryFormat.MAX_INPUT_VALUES) {
            throw new CorruptBinary("populations section: the host input has " + inputValues + " values per image, more than the limit of "
                    + BinaryFormat.MAX_INPUT_VALUES);
        }
        c.cores();
    }

    private void header() {
        BinaryImage image = program.image();
        if (image.timeSteps() < 1 || image.timeSteps() > BinaryFormat.MAX_TIME_STEPS) {
            throw new CorruptBinary("header: time steps " + Integer.toUnsignedString(image.timeSteps()) + " outside 1.."
                    + BinaryFormat.MAX_TIME_STEPS);
        }
        if (image.chips() < 1 || image.chips() > BinaryFormat.MAX_CHIPS) {
            throw new CorruptBinary("header: chips " + Integer.toUnsignedString(image.chips()) + " outside 1.." + BinaryFormat.MAX_CHIPS);
        }
        if (image.cores() != program.cores().count()) {
            throw new CorruptBinary("header: cores " + Integer.toUnsignedString(image.cores()) + " differs from the core table's "
                    + program.cores().count());
        }
    }

    private static String name(int p, Population pop) {
        return "population " + p + " (" + pop.name() + ")";
    }

    private CorruptBinary fail(int p, String detail) {
        return new CorruptBinary("populations section: " + name(p, pops.get(p)) + " " + detail);
    }

    /**
     * Checks population p's groups against the kernels that will run them.
     *
     * @return the host input values its groups read (0 when the host does not feed it)
     */
    private long population(int p) {
        Population pop = pops.get(p);
        List<Group> gs = pop.groups();
        if (gs.isEmpty()) {
            throw fail(p, "has no input groups");
        }
        for (int gi = 0; gi < gs.size(); gi++) {
            Group g = gs.get(gi);
            if (g.source() < -1 || g.source() >= p) {
                throw fail(p, "group " + gi + " reads population " + g.source()
                        + "; a group reads the host (-1) or a population before it");
            }
            if (g.block() < -1 || g.block() >= program.blocks().size()) {
                throw fail(p, "group " + gi + " uses weight block " + g.block() + "; the binary has " + program.blocks().size());
            }
        }
        switch (pop.kind()) {
            case GATE -> gate(p, pop);
            case RELAY_MAX -> pool(p, pop);
            default -> {
                long host = 0;
                for (int gi = 0; gi < gs.size(); gi++) {
                    Group g = gs.get(gi);
                    if (g.connection() == ConnectionKind.COINCIDENCE) {
                        coincidence(p, pop, gi);
                        gi++; // the pair's second operand
                    } else {
                        host = Math.max(host, synapses(p, pop, gi));
                    }
                }
                return host;
            }
        }
        return 0;
    }

    private int[] dims(int source) {
        return pops.get(source).dims();
    }

    private int size(int source) {
        return pops.get(source).size();
    }

    private int mantissas(Group g) {
        return program.blocks().get(g.block()).mantissas().length;
    }

    /** Group gi of a neuron layer other than a coincidence pair; returns the host values it reads. */
    private long synapses(int p, Population pop, int gi) {
        Group g = pop.groups().get(gi);
        String at = "group " + gi;
        if (g.block() < 0) {
            throw fail(p, at + " has no weight block");
        }
        int m = mantissas(g);
        int co = pop.channels();
        switch (g.connection()) {
            case CONV -> {
                if (g.k() < 1 || g.s() < 1) {
                    throw fail(p, at + " is a convolution with kernel " + g.k() + " and stride " + g.s() + "; both must be at least 1");
                }
                long kk = (long) g.k() * g.k();
                if (g.source() < 0) {
                    // The host's image: its shape follows from the output and the window (as the emulator derives it).
                    long h = (long) (pop.dims()[1] - 1) * g.s() - 2L * g.p() + g.k();
                    long w = (long) (pop.dims()[2] - 1) * g.s() - 2L * g.p() + g.k();
                    if (m % (co * kk) != 0 || m == 0 || h < 1 || w < 1) {
                        throw fail(p, at + " is a convolution of the host input whose " + m + " weights and window (kernel " + g.k()
                                + ", stride " + g.s() + ", padding " + g.p() + ") give no input shape for its "
                                + Arrays.toString(pop.dims()) + " outputs");
                    }
                    return m / (co * kk) * h * w;
                }
                int[] in = dims(g.source());
                if (m != co * kk * in[0]) {
                    throw fail(p, at + " has " + m + " weights; a " + g.k() + "x" + g.k() + " convolution from " + in[0] + " to " + co
                            + " channels has " + co * kk * in[0]);
                }
                window(p, at, "convolution", in, pop.dims(), g);
                return 0;
            }
            case IDENTITY -> {
                unitWeights(p, at, m, co);
                if (g.source() >= 0 && !Arrays.equals(dims(g.source()), pop.dims())) {
                    throw fail(p, at + " adds " + Arrays.toString(dims(g.source())) + " element-wise to " + Arrays.toString(pop.dims()));
                }
                return g.source() < 0 ? pop.size() : 0;
            }
            case TOKEN_SUM -> {
                unitWeights(p, at, m, co);
                if (g.source() >= 0 && dims(g.source())[0] != co) {
                    throw fail(p, at + " sums the tokens of " + dims(g.source())[0] + " channels into " + co);
                }
                return g.source() < 0 ? pop.size() : 0;
            }
            case GLOBAL_DENSE -> {
                if (g.source() >= 0 && m != (long) co * dims(g.source())[0]) {
                    throw fail(p, at + " has " + m + " weights; a dense layer from " + dims(g.source())[0] + " to " + co
                            + " channels has " + (long) co * dims(g.source())[0]);
                }
                if (m == 0 || m % co != 0) {
                    throw fail(p, at + " has " + m + " weights, not a multiple of its " + co + " channels");
                }
                return g.source() < 0 ? pop.size() : 0;
            }
            default -> throw fail(p, at + " has connection " + g.connection().code() + " (" + g.connection().label() + "), which a "
                    + pop.kind().label() + " population does not take");
        }
    }

    private void unitWeights(int p, String at, int m, int channels) {
        if (m != channels) {
            throw fail(p, at + " has " + m + " unit weights for " + channels + " channels");
        }
    }

    /** A convolution or pooling window: the output shape is what the input, kernel, stride and padding give. */
    private void window(int p, String at, String what, int[] in, int[] out, Group g) {
        long h = (long) in[1] + 2L * g.p() - g.k();
        long w = (long) in[2] + 2L * g.p() - g.k();
        if (h < 0 || w < 0 || h / g.s() + 1 != out[1] || w / g.s() + 1 != out[2]) {
            throw fail(p, at + " is a " + what + " (kernel " + g.k() + ", stride " + g.s() + ", padding " + g.p() + ") from "
                    + Arrays.toString(in) + " that does not give " + Arrays.toString(out));
        }
    }

    private void pool(int p, Population pop) {
        Group g = pop.groups().get(0);
        if (pop.groups().size() != 1 || g.connection() != ConnectionKind.POOL || g.source() < 0) {
            throw fail(p, "is a relay-max population; it takes one pooling group from a population");
        }
        if (g.k() < 1 || g.s() < 1 || g.p() >= g.k()) {
            throw fail(p, "group 0 pools with kernel " + g.k() + ", stride " + g.s() + ", padding " + g.p()
                    + "; kernel and stride at least 1, padding below the kernel");
        }
        int[] in = dims(g.source());
        if (in[0] != pop.channels()) {
            throw fail(p, "group 0 pools " + in[0] + " channels into " + pop.channels());
        }
        window(p, "group 0", "pooling", in, pop.dims(), g);
    }

    private void gate(int p, Population pop) {
        List<Group> gs = pop.groups();
        if (gs.size() != 2 || gs.stream().anyMatch(g -> g.connection() != ConnectionKind.GATE_OPERAND || g.source() < 0)) {
            throw fail(p, "is a gate; it takes two operand groups from populations");
        }
        int a = size(gs.get(0).source());
        int b = size(gs.get(1).source());
        boolean elementwise = pop.gatePattern() == GatePattern.ELEMENTWISE;
        boolean fits = elementwise ? a == pop.size() && b == pop.size() : a == pop.size() && a % b == 0;
        if (!fits) {
            throw fail(p, "multiplies operands of " + a + " and " + b + " values " + (elementwise ? "element-wise" : "by broadcast")
                    + " into " + pop.size() + " neurons");
        }
    }

    /** The pair of groups gi, gi + 1 of a coincidence layer: shapes as the four products read them. */
    private void coincidence(int p, Population pop, int gi) {
        List<Group> gs = pop.groups();
        Group g = gs.get(gi);
        String at = "groups " + gi + " and " + (gi + 1);
        if (gi + 1 >= gs.size() || gs.get(gi + 1).connection() != ConnectionKind.COINCIDENCE) {
            throw fail(p, "group " + gi + " is a coincidence operand without its partner");
        }
        Group h = gs.get(gi + 1);
        if (g.s() != 0 || h.s() != 1 || g.k() != h.k() || g.p() != h.p() || g.grid() != h.grid()) {
            throw fail(p, at + " are not operands 0 and 1 of one product");
        }
        if (g.source() < 0 || h.source() < 0 || g.block() < 0) {
            throw fail(p, at + " multiply populations; the first carries the weight block");
        }
        int heads = g.p();
        long n = (long) g.grid() * g.grid();
        int[] a = dims(g.source());
        int[] b = dims(h.source());
        int[] out = pop.dims();
        if (heads < 1 || n < 1 || n > BinaryFormat.MAX_POPULATION_NEURONS) {
            throw fail(p, at + " have " + heads + " heads on a " + g.grid() + "x" + g.grid() + " token grid");
        }
        int[] scores = {heads, (int) n, (int) n}; // [heads, tokens, tokens]
        AttentionProduct product = g.product();
        if (product == null) {
            throw fail(p, at + " have product " + g.k() + "; products are " + StoredCode.list(AttentionProduct.class));
        }
        boolean fits = switch (product) {
            case QK -> Arrays.equals(a, b) && tokens(a) == n && a[0] % heads == 0 && Arrays.equals(out, scores);
            case AV -> Arrays.equals(a, scores) && tokens(b) == n && b[0] == out[0] && out[0] % heads == 0 && tokens(out) == n;
            case KV -> Arrays.equals(a, b) && tokens(a) == n && out[0] == heads && out[1] == out[2] && a[0] == heads * (long) out[1];
            case QM -> tokens(a) == n && a[0] == out[0] && out[0] % heads == 0 && tokens(out) == n
                    && Arrays.equals(b, new int[] {heads, out[0] / heads, out[0] / heads});
        };
        if (!fits) {
            throw fail(p, at + " (product " + product + ", " + heads + " heads, " + g.grid() + "x" + g.grid() + " tokens) multiply "
                    + Arrays.toString(a) + " and " + Arrays.toString(b) + " into " + Arrays.toString(out));
        }
        unitWeights(p, at, mantissas(g), pop.channels());
    }

    private static long tokens(int[] dims) {
        return (long) dims[1] * dims[2];
    }

    /** Each core's slice lies within its population; the part-0 slices of a population hold its neurons between them. */
    private void cores() {
        BinaryProgram.Cores c = program.cores();
        long[] held = new long[pops.size()];
        for (int i = 0; i < c.count(); i++) {
            String at = "cores section: core " + i;
            int p = c.population()[i];
            if (p < 0 || p >= pops.size()) {
                throw new CorruptBinary(at + " holds population " + p + "; the binary has " + pops.size());
            }
            Population pop = pops.get(p);
            long positions = pop.size() / pop.channels();
            if (c.chip()[i] >= program.image().chips()) {
                throw new CorruptBinary(at + " is on chip " + c.chip()[i] + "; the system has " + program.image().chips());
            }
            if (c.c0()[i] < 0 || c.c0()[i] >= c.c1()[i] || c.c1()[i] > pop.channels() || c.p0()[i] < 0 || c.p0()[i] >= c.p1()[i]
                    || c.p1()[i] > positions) {
                throw new CorruptBinary(at + " holds channels " + c.c0()[i] + ".." + c.c1()[i] + " and positions " + c.p0()[i] + ".."
                        + c.p1()[i] + " of " + name(p, pop) + ", which has " + pop.channels() + " and " + positions);
            }
            long neurons = (long) (c.c1()[i] - c.c0()[i]) * (c.p1()[i] - c.p0()[i]);
            if (neurons > BinaryFormat.MAX_NEURONS_PER_CORE) {
                throw new CorruptBinary(at + " holds " + neurons + " neurons, more than the limit of " + BinaryFormat.MAX_NEURONS_PER_CORE);
            }
            if (c.part()[i] >= pop.split()) {
                throw new CorruptBinary(at + " computes part " + c.part()[i] + " of " + name(p, pop) + ", whose neurons have "
                        + pop.split() + " partial sums");
            }
            if (c.part()[i] == 0) {
                held[p] += neurons;
            }
        }
        for (int p = 0; p < pops.size(); p++) {
            if (held[p] != pops.get(p).size()) {
                throw new CorruptBinary("cores section: the cores of " + name(p, pops.get(p)) + " hold " + held[p] + " of its "
                        + pops.get(p).size() + " neurons");
            }
        }
    }
}
