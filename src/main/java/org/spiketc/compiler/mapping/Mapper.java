package org.spiketc.compiler.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.ElementKind;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.IrVerifier;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.SystemLayout;

/**
 * Places a fused, lowered and quantized graph on a multi-chip system:
 * <ol>
 *   <li>Step 1: each neuron layer and gate becomes a population with its inputs' costs;</li>
 *   <li>Step 2: {@link Slicer} cuts populations into core-sized slices (compartments, synaptic
 *       memory, fan-in), and the system is chosen: {@code --chips} if given, else the profile's
 *       smallest that fits; slices are numbered in graph order, positions outer, channels inner, so
 *       producers sit next to their consumers in the numbering;</li>
 *   <li>Step 3: connections between slices, with the expected messages per step at the firing rate;</li>
 *   <li>Step 5: chips take contiguous runs of slices; with {@code refine} each cut is moved within the
 *       capacity slack to where the fewest messages cross it ({@link ChipPartitioner});</li>
 *   <li>Step 6: within a chip, cores follow a serpentine over the tile mesh; chips follow a
 *       serpentine over the board; routes are dimension-order (X then Y), and per-link loads are summed.</li>
 * </ol>
 */
public final class Mapper {
    /** Binary lines used for a graded value on a target without graded spikes (8-bit bit planes). */
    static final int BIT_PLANES = 8;

    private Mapper() {
    }

    public static Mapping map(Graph g, HardwareProfile p, Integer chips, double firingRate, boolean refine,
            Cancellation cancel, ProgressListener progress) {
        return map(g, p, chips, firingRate, refine, false, cancel, progress);
    }

    /** @param spread share the slices equally among all the system's chips rather than filling chips in turn */
    public static Mapping map(Graph g, HardwareProfile p, Integer chips, double firingRate, boolean refine, boolean spread,
            Cancellation cancel, ProgressListener progress) {
        IrVerifier.verify(g, true);
        List<String> warnings = new ArrayList<>();
        Slicer slicer = new Slicer(p);
        // Step 1: populations.
        List<MappedPopulation> pops = populations(g, p, slicer.fanInLimit(), warnings);
        // Step 2: slice shapes, then the system (before any slice exists: a model far too large must
        // fail with the chips it needs, not run out of memory listing its slices).
        List<SliceShape> shapes = new ArrayList<>();
        long totalCores = 0;
        for (MappedPopulation pop : pops) {
            cancel.check();
            SliceShape s = slicer.choose(pop);
            shapes.add(s);
            totalCores += s.cores();
        }
        int cpc = p.coresPerChip();
        long neededChips = Slicer.ceil(totalCores, cpc);
        SystemLayout system = chooseSystem(p, chips, neededChips, totalCores);
        int needed = (int) neededChips;
        List<CoreSliceDraft> slices = new ArrayList<>((int) totalCores);
        int[] base = new int[pops.size()];
        for (MappedPopulation pop : pops) {
            SliceShape s = shapes.get(pop.index());
            base[pop.index()] = slices.size();
            long cb = Slicer.ceil(pop.channels(), s.channels());
            long pb = Slicer.ceil(pop.positions(), s.positions());
            for (long pi = 0; pi < pb; pi++) {
                for (long ci = 0; ci < cb; ci++) {
                    int c0 = (int) (ci * s.channels());
                    int c1 = (int) Math.min(pop.channels(), c0 + s.channels());
                    long p0 = pi * s.positions();
                    long p1 = Math.min(pop.positions(), p0 + s.positions());
                    for (int part = 0; part < pop.split(); part++) {
                        slices.add(new CoreSliceDraft(pop.index(), c0, c1, p0, p1, part));
                    }
                }
            }
        }
        progress.progress("mapping: slices", 0.3);
        // Step 3: connections.
        Connections conn = connect(pops, shapes, base, slices, firingRate, cancel);
        progress.progress("mapping: connections", 0.6);
        // Step 5: chips.
        int perChip = spread ? Math.max(1, Math.min(cpc, (slices.size() + system.chips() - 1) / system.chips())) : cpc;
        int[] chipOf = ChipPartitioner.partition(slices.size(), perChip, system.chips(), conn, refine);
        // Step 6: placement, routes, loads.
        MeshPlacement mesh = new MeshPlacement(p, system, chipOf);
        Routes routes = conn.toRoutes();
        progress.progress("mapping: routes", 0.9);
        return summarize(g, p, system, chips == null, needed, pops, shapes, slices, chipOf, mesh, routes, conn, slicer,
                firingRate, warnings);
    }

    record CoreSliceDraft(int population, int c0, int c1, long p0, long p1, int part) {
    }

    private static List<MappedPopulation> populations(Graph g, HardwareProfile p, long fanInLimit, List<String> warnings) {
        Map<String, Integer> index = new HashMap<>();
        List<MappedPopulation> pops = new ArrayList<>();
        boolean graded = p.chip().supportsGradedSpikes();
        boolean warnedPlanes = false;
        for (Node n : g.nodes()) {
            List<SourceGroup> groups = new ArrayList<>();
            int bits = 8;
            int compartments = 1;
            if (n.op() instanceof NeuronLayer l) {
                for (int i = 0; i < l.synapses().size(); i++) {
                    Synapses s = l.synapses().get(i);
                    if (s.quantized() == null) {
                        throw new IrException(n.name() + ": the mapper needs quantized synapses (run quantize-weights)");
                    }
                    bits = s.quantized().bits();
                    Node src = g.node(n.inputs().get(i));
                    int planes = planes(src, graded);
                    long perChannel = s.weight() != null ? s.weight().shape().longSize() / s.weight().shape().dim(0)
                            : s.connection() instanceof Connection.Coincidence k ? k.terms() : 1;
                    if (s.connection() instanceof Connection.Coincidence k) {
                        compartments = Math.max(compartments, k.terms() + 1);
                    }
                    groups.add(new SourceGroup(index.getOrDefault(src.name(), -1), src.type().shape(), s.connection(), null,
                            i, s.quantized(), perChannel, planes));
                }
            } else if (n.op() instanceof Gate gate) {
                for (int i = 0; i < 2; i++) {
                    Node src = g.node(n.inputs().get(i));
                    groups.add(new SourceGroup(index.getOrDefault(src.name(), -1), src.type().shape(), null, gate.pattern(), i,
                            null, 1, planes(src, graded)));
                }
            } else {
                continue;
            }
            warnedPlanes |= groups.stream().anyMatch(s -> s.planes() > 1);
            String kind = n.op() instanceof NeuronLayer l ? l.neuron().kind() : "gate";
            MappedPopulation draft = new MappedPopulation(pops.size(), n.name(), kind, n.type().shape(), groups, bits, compartments, 1);
            // The widest single neuron: an interior one (a corner neuron of a padded conv reads less).
            long row = draft.shape().dim(draft.shape().rank() - 1);
            long mid = Math.min(draft.positions() - 1, draft.positions() / 2 + row / 2);
            long oneNeuron = Math.max(draft.axons(0, 1, 0, 1), draft.axons(0, 1, mid, mid + 1));
            int split = (int) Math.max(1, Slicer.ceil(oneNeuron, fanInLimit));
            if (split > 1) {
                warnings.add(String.format(Locale.ROOT, "%s: a neuron has %,d inputs, more than a core's %,d axons: "
                        + "computed as %d partial sums joined by one compartment", n.name(), oneNeuron, fanInLimit, split));
            }
            index.put(n.name(), pops.size());
            pops.add(new MappedPopulation(pops.size(), n.name(), kind, n.type().shape(), groups, bits, compartments, split));
        }
        if (warnedPlanes) {
            warnings.add(p.id() + " has no graded spikes: graded values (residual sums, attention counts, the input image)"
                    + " travel as " + BIT_PLANES + " binary bit planes, multiplying their synapses and messages");
        }
        return pops;
    }

    private static int planes(Node src, boolean graded) {
        if (src.op() instanceof Input) {
            return graded ? 1 : BIT_PLANES;
        }
        return src.type().kind() == ElementKind.SPIKE || graded ? 1 : BIT_PLANES;
    }

    private static SystemLayout chooseSystem(HardwareProfile p, Integer chips, long needed, long cores) {
        if (chips != null) {
            SystemLayout s = p.system(chips);
            if (s == null) {
                throw new UserInputException(p.id() + " has no " + chips + "-chip system (available: "
                        + String.join(", ", p.systems().stream().map(x -> x.chips() + " (" + x.name() + ")").toList()) + ")");
            }
            if (needed > chips) {
                throw new UserInputException(String.format(Locale.ROOT,
                        "model does not fit %d %s chip%s: it needs %,d cores = %d chips%s", chips, p.id(), chips == 1 ? "" : "s",
                        cores, needed, smallestHint(p, needed)));
            }
            return s;
        }
        for (SystemLayout s : p.systems()) {
            if (s.chips() >= needed) {
                return s;
            }
        }
        throw new UserInputException(String.format(Locale.ROOT,
                "model does not fit any %s system: it needs %,d cores = %d chips, the largest system (%s) has %d",
                p.id(), cores, needed, p.largestSystem().name(), p.largestSystem().chips()));
    }

    private static String smallestHint(HardwareProfile p, long needed) {
        for (SystemLayout s : p.systems()) {
            if (s.chips() >= needed) {
                return "; the smallest " + p.id() + " system that fits is " + s.chips() + " chips (" + s.name() + ")";
            }
        }
        return "; no " + p.id() + " system is that large (largest: " + p.largestSystem().chips() + ")";
    }

    private static Connections connect(List<MappedPopulation> pops, List<SliceShape> shapes, int[] base,
            List<CoreSliceDraft> slices, double rate, Cancellation cancel) {
        Connections c = new Connections(slices.size());
        // Per destination, sum traffic per source slice in a dense array and remember which were touched.
        double[] acc = new double[slices.size()];
        int[] touched = new int[1024];
        for (int dst = 0; dst < slices.size(); dst++) {
            if ((dst & 1023) == 0) {
                cancel.check();
            }
            CoreSliceDraft d = slices.get(dst);
            MappedPopulation pop = pops.get(d.population());
            int nTouched = 0;
            for (SourceGroup g : pop.groups()) {
                Region r = g.region(pop.shape(), d.c0(), d.c1(), d.p0(), d.p1());
                double traffic = r.axons() * rate / pop.split();
                if (g.source() < 0) {
                    c.hostInput += traffic;
                    continue;
                }
                SliceShape ss = shapes.get(g.source());
                MappedPopulation src = pops.get(g.source());
                long cb = Slicer.ceil(src.channels(), ss.channels());
                long cb0 = r.c0() / ss.channels();
                long cb1 = (Math.max(r.c1(), r.c0() + 1) - 1) / ss.channels();
                long pb0 = r.p0() / ss.positions();
                long pb1 = (Math.max(r.p1(), r.p0() + 1) - 1) / ss.positions();
                // A split producer emits its result from the part that holds the join (part 0).
                int srcSplit = src.split();
                double share = traffic / ((cb1 - cb0 + 1) * (pb1 - pb0 + 1));
                for (long pb = pb0; pb <= pb1; pb++) {
                    for (long ch = cb0; ch <= cb1; ch++) {
                        int s = (int) (base[g.source()] + (pb * cb + ch) * srcSplit);
                        if (acc[s] == 0) {
                            if (nTouched == touched.length) {
                                touched = Arrays.copyOf(touched, nTouched * 2);
                            }
                            touched[nTouched++] = s;
                        }
                        acc[s] += share > 0 ? share : Double.MIN_VALUE;
                    }
                }
            }
            Arrays.sort(touched, 0, nTouched);
            for (int k = 0; k < nTouched; k++) {
                c.add(touched[k], dst, acc[touched[k]]);
                acc[touched[k]] = 0;
            }
        }
        return c;
    }

    private static Mapping summarize(Graph g, HardwareProfile p, SystemLayout system, boolean chosen, int needed,
            List<MappedPopulation> pops, List<SliceShape> shapes, List<CoreSliceDraft> slices, int[] chipOf, MeshPlacement mesh,
            Routes routes, Connections conn, Slicer slicer, double rate, List<String> warnings) {
        long neuronLimit = p.chip().neuronsPerCore().intValue();
        long memLimit = (long) p.chip().synapticMemoryBytesPerCore().value();
        boolean shared = p.chip().supportsSharedSynapses();
        int indexBits = p.chip().synapseIndexBits().intValue();
        List<CoreSlice> cores = new ArrayList<>(slices.size());
        long compartments = 0;
        long memory = 0;
        long[] popMemory = new long[pops.size()];
        int[] chipCores = new int[system.chips()];
        double[] chipNeuron = new double[system.chips()];
        double[] chipMem = new double[system.chips()];
        int[] histogram = new int[10];
        int overFanIn = 0;
        Set<String> overFanInLayers = new TreeSet<>();
        for (int i = 0; i < slices.size(); i++) {
            CoreSliceDraft d = slices.get(i);
            MappedPopulation pop = pops.get(d.population());
            long cs = d.c1() - d.c0();
            long ps = d.p1() - d.p0();
            long comp = pop.compartments(cs, ps);
            long mem = pop.memoryBytes(cs, ps, shared, indexBits);
            long axons = pop.axons(d.c0(), d.c1(), d.p0(), d.p1());
            if (axons > slicer.fanInLimit()) {
                overFanIn++;
                overFanInLayers.add(pop.node());
            }
            cores.add(new CoreSlice(i, d.population(), d.part(), chipOf[i], mesh.x(i), mesh.y(i), d.c0(), d.c1(), d.p0(),
                    d.p1(), comp, mem, axons));
            compartments += comp;
            memory += mem;
            popMemory[d.population()] += mem;
            chipCores[chipOf[i]]++;
            chipNeuron[chipOf[i]] += (double) comp / neuronLimit;
            histogram[(int) Math.min(9, comp * 10 / neuronLimit)]++;
            chipMem[chipOf[i]] += (double) mem / memLimit;
        }
        if (overFanIn > 0) {
            warnings.add(overFanIn + " cores need more input axons than the profile allows (in "
                    + String.join(", ", overFanInLayers) + ")");
        }
        List<PopulationSummary> summaries = new ArrayList<>();
        for (MappedPopulation pop : pops) {
            SliceShape s = shapes.get(pop.index());
            int planes = pop.groups().stream().mapToInt(SourceGroup::planes).max().orElse(1);
            summaries.add(new PopulationSummary(pop.node(), pop.kind(), pop.shape().toString(), pop.neurons(), pop.split(),
                    s.channels(), s.positions(), s.cores(), s.bindingLimit(), popMemory[pop.index()], planes,
                    pop.encoding(shared, indexBits)));
        }
        List<ChipUsage> chipUsage = new ArrayList<>();
        for (int c = 0; c < system.chips(); c++) {
            int n = chipCores[c];
            chipUsage.add(new ChipUsage(c, n, (double) n / p.coresPerChip(), n == 0 ? 0 : chipNeuron[c] / n,
                    n == 0 ? 0 : chipMem[c] / n));
        }
        int fanOutLimit = p.chip().fanOutPerCore().intValue();
        int fanOutViolations = 0;
        for (int core = 0; core < routes.cores(); core++) {
            fanOutViolations += routes.offsets()[core + 1] - routes.offsets()[core] > fanOutLimit ? 1 : 0;
        }
        if (fanOutViolations > 0) {
            warnings.add(fanOutViolations + " cores send to more destination cores than the profile's fan-out limit of "
                    + p.chip().fanOutPerCore().intValue());
        }
        double spikes = 0;
        double hops = 0;
        double crossings = 0;
        for (int core = 0; core < routes.cores(); core++) {
            for (int e = routes.offsets()[core]; e < routes.offsets()[core + 1]; e++) {
                float t = routes.spikesPerStep()[e];
                spikes += t;
                hops += t * mesh.route(core, routes.dst()[e], t);
                crossings += t * mesh.chipCrossings(core, routes.dst()[e]);
            }
        }
        int used = slices.size();
        MeshPlacement.LinkLoads links = mesh.loads();
        ResourceReport report = new ResourceReport(system.name(), system.chips(), needed, chosen, used,
                (long) system.chips() * p.coresPerChip(), compartments, used == 0 ? 0 : (double) compartments / (used * neuronLimit),
                memory, used == 0 ? 0 : (double) memory / ((double) used * memLimit), routes.size(), rate, spikes, hops, crossings,
                links.max(), links.mean(), conn.hostInput, fanOutViolations, histogram, chipUsage, warnings);
        return new Mapping(p, system, summaries, cores, routes, report);
    }

}
