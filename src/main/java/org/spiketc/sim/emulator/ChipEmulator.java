package org.spiketc.sim.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryProgram.Group;
import org.spiketc.compiler.codegen.BinaryProgram.Population;
import org.spiketc.compiler.codegen.ConnectionKind;
import org.spiketc.compiler.codegen.PopulationKind;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.LoihiArithmetic;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.Traffic;

/**
 * Executes a compiled {@code .nxe} binary with the target's integer neuron model — not the IR. Each
 * time step, populations run in order; every non-zero input value is an event that adds its synapse
 * mantissas to the neurons it reaches; the sum, shifted by the channel's weight exponent, is the
 * neuron's activation; then each neuron updates: a LIF neuron bit for bit as Lava's Loihi CUBA LIF
 * ({@link LifFixedModel}: the activation shifted left by 6 into the 24-bit current, which wraps; v
 * saturating; spike when v exceeds the threshold mantissa shifted left by 6), a relay forwards its sum
 * or max as a graded value, an accumulator integrates for the host to read. Every u wrap-around and
 * v saturation is counted per population.
 *
 * <p>Counts synaptic events, neuron updates, spikes and messages per population and per core (see
 * {@link Activity}); {@link EnergyModel} turns them into energy and latency. Each thread runs in its
 * own {@link Workspace}, so one instance may run several inferences at once; results do not depend on
 * threads. The step loop is {@link #runDetailed}; the synapses' inner loop is in {@link ConvSynapses}.
 */
public final class ChipEmulator implements InferenceEngine {
    private final BinaryProgram program;
    private final HardwareProfile profile;
    private final Population[] pops;
    private final SynapseKernels kernels;
    private final int timeSteps;
    private final int outputPopulation;
    private final EnergyModel energy;
    /** Which neurons each core holds. */
    private final CoreSlices slices;
    /** Per population: fed only by the host input (its current is the same every step). */
    private final boolean[] hostFed;
    /** Per population: LIF neurons fed by one convolution from another population. */
    private final boolean[] convFed;
    /** Per population and channel: the bias added every step (mantissa shifted by its exponent). */
    private final int[][] bias;
    /** When each population computes which model step, and how long each input is delayed. */
    private final Pipeline pipeline;
    /**
     * Whether each population's bias is switched on only for its T-step window (by the chip's embedded
     * processors, between steps), so that nothing happens before its first input arrives or after its last;
     * without it, biases act at every chip step and populations fill and drain with spikes of their own.
     */
    private final boolean biasGated;
    /** Population index by name, for the rate sources of the papers' formula. */
    private final Map<String, Integer> populationIndex = new HashMap<>();
    /** Buffers per thread: inferences on several threads share the program, not their state. */
    private final ThreadLocal<Workspace> workspaces;

    /** An emulator whose populations' biases are on only during their windows (see {@link Pipeline}). */
    public ChipEmulator(BinaryProgram program, HardwareProfile profile) {
        this(program, profile, true);
    }

    /**
     * @param biasGated false to leave every bias on at every chip step, as a chip configured once and never
     *                  touched between steps would run
     */
    public ChipEmulator(BinaryProgram program, HardwareProfile profile, boolean biasGated) {
        this.biasGated = biasGated;
        checkFits(program, profile);
        this.program = program;
        this.profile = profile;
        this.pops = program.populations().toArray(Population[]::new);
        for (int i = 0; i < pops.length; i++) {
            populationIndex.put(pops[i].name(), i);
        }
        this.slices = new CoreSlices(program);
        this.kernels = new SynapseKernels(program, slices);
        this.timeSteps = program.image().timeSteps();
        int out = -1;
        for (int i = 0; i < pops.length; i++) {
            if (pops[i].kind() == PopulationKind.ACCUMULATOR) {
                out = i;
            }
        }
        if (out < 0) {
            throw new UserInputException("binary has no accumulator population to read the classes from");
        }
        this.outputPopulation = out;
        this.energy = new EnergyModel(program, profile);
        hostFed = new boolean[pops.length];
        convFed = new boolean[pops.length];
        for (int p = 0; p < pops.length; p++) {
            hostFed[p] = pops[p].groups().stream().allMatch(g -> g.source() < 0);
            List<Group> gs = pops[p].groups();
            convFed[p] = pops[p].kind() == PopulationKind.LIF && gs.size() == 1 && gs.get(0).connection() == ConnectionKind.CONV
                    && gs.get(0).source() >= 0;
        }
        bias = new int[pops.length][];
        for (int p = 0; p < pops.length; p++) {
            bias[p] = pops[p].effectiveBias();
        }
        int inputSize = kernels.inputSize();
        this.pipeline = new Pipeline(program);
        workspaces = ThreadLocal.withInitial(() -> new Workspace(program, pipeline, inputSize, kernels.scratchWords()));
    }

    /**
     * What the emulator checks of a decoded binary beyond the reader's own checks ({@link
     * org.spiketc.compiler.codegen.BinaryReader#load} already guarantees indices, shapes and sizes): that it
     * was compiled for {@code profile} and that no core holds more neurons than that profile's cores do,
     * which bounds the emulator's state and work by the cores the file lists. Once, at load.
     */
    public static void checkFits(BinaryProgram program, HardwareProfile profile) {
        if (!program.image().profile().equals(profile.id())) {
            throw new UserInputException("the binary was compiled for " + program.image().profile() + ", not " + profile.id());
        }
        BinaryProgram.Cores c = program.cores();
        long limit = profile.chip().neuronsPerCore().intValue();
        for (int i = 0; i < c.count(); i++) {
            long neurons = (long) (c.c1()[i] - c.c0()[i]) * (c.p1()[i] - c.p0()[i]);
            if (neurons > limit) {
                throw new UserInputException("the binary's core " + i + " holds " + neurons + " neurons; a " + profile.id()
                        + " core holds at most " + limit);
            }
        }
    }

    @Override
    public String name() {
        return "emulator";
    }

    /** Values per image that {@link #run} takes: the host input of the populations it feeds. */
    public int inputSize() {
        return kernels.inputSize();
    }

    public BinaryProgram program() {
        return program;
    }

    public HardwareProfile profile() {
        return profile;
    }

    public EnergyModel energyModel() {
        return energy;
    }

    /** One inference: the image as floats, sent as graded input in units of the binary's input LSB. */
    @Override
    public InferenceResult run(float[] image) {
        return runDetailed(image).result();
    }

    /** An inference with its full activity record. */
    public Emulated runDetailed(float[] image) {
        return runDetailed(image, null);
    }

    /**
     * What each population holds after each chip step, for traces: its outputs and, for LIF populations, the
     * currents u and membranes v (null otherwise). The arrays are the emulator's own: read, do not keep.
     */
    public interface StepObserver {
        void stepped(int population, int chipStep, int modelStep, int[] outputs, int[] u, int[] v);
    }

    /** An inference with its full activity record, shown to {@code observer} step by step (null for none). */
    public Emulated runDetailed(float[] image, StepObserver observer) {
        Workspace ws = workspaces.get();
        if (image.length != ws.input.length) {
            throw new UserInputException("the binary expects " + ws.input.length + " input values per image, got " + image.length);
        }
        ws.reset();
        float inv = 1f / program.inputLsb();
        for (int i = 0; i < image.length; i++) {
            ws.input[i] = Math.round(image[i] * inv);
        }
        Activity act = new Activity(pops.length, program.cores().count());
        int steps = pipeline.steps(timeSteps);
        for (int t = 0; t < steps; t++) {
            for (int p = 0; p < pops.length; p++) {
                Population pop = pops[p];
                int k = pipeline.modelStep(p, t);
                boolean window = k >= 0 && k < timeSteps;
                connect(p, t, k, ws);
                if (!window && biasGated) {
                    // Outside its window a gated population has no bias, no input and no charge: its cores
                    // only sweep their compartments. Its output slot needs clearing only if it was written
                    // since it was last cleared, i.e. the window ended within the last round of slots.
                    if (t - ws.lastActive[p] <= ws.history[p].length) {
                        Arrays.fill(ws.out[p], 0);
                    }
                    act.updates[p] += compartmentUpdates(pop);
                    observe(observer, p, t, k, ws);
                    continue;
                }
                ws.lastActive[p] = t;
                switch (pop.kind()) {
                    case GATE -> kernels.gate(pop, p, ws, act);
                    case RELAY_MAX -> kernels.maxPool(pop, p, ws, act);
                    default -> {
                        long[] current = ws.current;
                        if (convFed[p]) {
                            // One convolution into LIF neurons: its sums arrive already shifted by the weight exponents.
                            act.synops[p] += kernels.convolutionActivation(pop, p, ws, ws.activation, act);
                            lif(pop, p, ws.activation, ws, act);
                            break;
                        }
                        if (!hostFed[p]) {
                            kernels.currents(pop, p, ws, current, act);
                        } else if (!window) {
                            Arrays.fill(current, 0, pop.size(), 0L); // the host sends nothing outside the T steps
                        } else {
                            current = hostCurrent(pop, p, ws, act);
                        }
                        update(pop, p, current, window, ws, act);
                    }
                }
                act.countOutputs(p, ws.out[p], pop.channels(), slices.of(p));
                observe(observer, p, t, k, ws);
            }
        }
        Population o = pops[outputPopulation];
        float[] logits = new float[o.channels()];
        long[] a = ws.total[outputPopulation];
        for (int c = 0; c < logits.length; c++) {
            logits[c] = (float) (a[c] * (double) o.lsb()[c] / timeSteps);
        }
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        List<LayerActivity> layers = new ArrayList<>();
        long spikes = 0;
        for (int p = 0; p < pops.length; p++) {
            long n = pops[p].size();
            boolean lif = pops[p].kind() == PopulationKind.LIF;
            boolean analog = pops[p].groups().stream().anyMatch(g -> g.source() < 0);
            long s = lif ? act.outputs[p] : 0;
            spikes += s;
            layers.add(new LayerActivity(pops[p].name(), s, n, lif ? (double) s / (n * timeSteps) : 0, act.synops[p], analog, 0,
                    act.currentWraps[p], act.voltageClips[p],
                    act.outputs[p]));
        }
        EnergyModel.Estimate e = energy.estimate(act, timeSteps, steps);
        PaperEnergy.Count paper = PaperEnergy.count(program.paperTerms(), timeSteps, name -> {
            Integer p = populationIndex.get(name);
            return p == null ? -1 : act.outputs[p];
        });
        InferenceResult r = new InferenceResult(logits, best, layers, act.synapticOps(), spikes, paper,
                e.dynamicMj() + e.staticMj(), e.latencyMs(), e.breakdownMj(),
                new Traffic(e.messages(), e.hops(), e.chipCrossings(), e.barrierSyncs()), act.coreSynops.clone());
        return new Emulated(r, act, e);
    }

    private static void observe(StepObserver o, int p, int t, int k, Workspace ws) {
        if (o != null) {
            o.stepped(p, t, k, ws.out[p], ws.currentState[p], ws.membrane[p]);
        }
    }

    /**
     * Points population p's output at this step's slot and each of its groups at what arrives now: the
     * source's output {@code delay} steps ago, or the host input during the model's T steps (zeros outside).
     */
    private void connect(int p, int t, int k, Workspace ws) {
        ws.out[p] = ws.history[p][t % ws.history[p].length];
        List<Group> gs = pops[p].groups();
        for (int gi = 0; gi < gs.size(); gi++) {
            int src = gs.get(gi).source();
            if (src < 0) {
                ws.groupInput[gi] = k >= 0 && k < timeSteps ? ws.input : ws.zeros;
            } else {
                int from = t - pipeline.delay[p][gi];
                int[][] h = ws.history[src];
                ws.groupInput[gi] = from < 0 ? ws.zeros : h[from % h.length];
            }
        }
    }

    /**
     * The current of a population fed only by the host input, the same at every step of the window: computed
     * at the first, then reused, with its synaptic operations counted again each step as the chip performs them.
     */
    private long[] hostCurrent(Population pop, int p, Workspace ws, Activity act) {
        long[] current = ws.hostCurrent[p];
        int[] mine = slices.of(p);
        if (!ws.hostCurrentReady[p]) {
            long[] coreBefore = new long[mine.length / CoreSlices.STRIDE];
            for (int s = 0; s < coreBefore.length; s++) {
                coreBefore[s] = act.coreSynops[mine[s * CoreSlices.STRIDE]];
            }
            long before = act.synops[p];
            kernels.currents(pop, p, ws, current, act);
            ws.hostOps[p] = act.synops[p] - before;
            for (int s = 0; s < coreBefore.length; s++) {
                coreBefore[s] = act.coreSynops[mine[s * CoreSlices.STRIDE]] - coreBefore[s];
            }
            ws.hostCoreOps[p] = coreBefore;
            ws.hostCurrentReady[p] = true;
            return current;
        }
        act.synops[p] += ws.hostOps[p];
        for (int s = 0; s < ws.hostCoreOps[p].length; s++) {
            act.coreSynops[mine[s * CoreSlices.STRIDE]] += ws.hostCoreOps[p][s];
        }
        return current;
    }

    /** An inference with the counters behind it and the energy and latency they imply. */
    public record Emulated(InferenceResult result, Activity activity, EnergyModel.Estimate estimate) {
    }

    /** One step of a LIF population from its synapses' activations. */
    private void lif(Population pop, int p, int[] a, Workspace ws, Activity act) {
        int n = pop.size();
        int per = n / pop.channels();
        long active = 0;
        long[] overflow = ws.overflow;
        overflow[LifFixedModel.CURRENT_WRAPS] = 0;
        overflow[LifFixedModel.VOLTAGE_CLIPS] = 0;
        for (int c = 0; c < pop.channels(); c++) {
            active += LifFixedModel.step(a, ws.currentState[p], ws.membrane[p], ws.out[p], c * per, (c + 1) * per, pop.decayU(),
                    pop.decay(), bias[p][c], pop.threshold()[c], overflow);
        }
        act.currentWraps[p] += overflow[LifFixedModel.CURRENT_WRAPS];
        act.voltageClips[p] += overflow[LifFixedModel.VOLTAGE_CLIPS];
        act.updates[p] += compartmentUpdates(pop);
        act.activeUpdates[p] += active;
    }

    /**
     * The neuron update of one step for LIF, relay-sum and accumulator populations. An accumulator adds only
     * during its window: the host reads the difference of its totals across the model's T steps.
     */
    private void update(Population pop, int p, long[] current, boolean window, Workspace ws, Activity act) {
        int[] out = ws.out[p];
        int n = pop.size();
        int per = n / pop.channels();
        long active = 0;
        switch (pop.kind()) {
            case LIF -> {
                int[] a = ws.activation;
                for (int c = 0; c < pop.channels(); c++) {
                    int exp = pop.weightExp()[c];
                    for (int i = c * per; i < (c + 1) * per; i++) {
                        a[i] = LoihiArithmetic.activation(current[i], exp);
                    }
                }
                lif(pop, p, a, ws, act);
                return;
            }
            case RELAY_SUM -> {
                for (int c = 0; c < pop.channels(); c++) {
                    int exp = pop.weightExp()[c];
                    int bias = this.bias[p][c];
                    for (int i = c * per; i < (c + 1) * per; i++) {
                        out[i] = (int) FixedPoint.saturate24(FixedPoint.shift(current[i], exp) + bias);
                        active += current[i] != 0 ? 1 : 0;
                    }
                }
            }
            case ACCUMULATOR -> {
                long[] total = ws.total[p];
                for (int c = 0; c < pop.channels() && window; c++) {
                    int exp = pop.weightExp()[c];
                    int bias = this.bias[p][c];
                    for (int i = c * per; i < (c + 1) * per; i++) {
                        total[i] += FixedPoint.shift(current[i], exp) + bias;
                        active += current[i] != 0 ? 1 : 0;
                    }
                }
                Arrays.fill(out, 0); // the host reads the totals; nothing travels on
            }
            default -> throw new IllegalStateException("no update for kind " + pop.kind());
        }
        act.updates[p] += compartmentUpdates(pop);
        act.activeUpdates[p] += active;
    }

    /** Compartment updates one step of a population costs: one per neuron, plus one per partial sum of split neurons. */
    private static long compartmentUpdates(Population pop) {
        long n = pop.size();
        return switch (pop.kind()) {
            case GATE, RELAY_MAX -> n;
            default -> n * (pop.split() == 1 ? 1 : pop.split() + 1);
        };
    }
}
