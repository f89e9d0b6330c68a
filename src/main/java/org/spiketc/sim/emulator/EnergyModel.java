package org.spiketc.sim.emulator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.hw.Figure;
import org.spiketc.hw.HardwareProfile;

/**
 * Turns an inference's {@link Activity} into energy and latency with the profile's figures.
 *
 * <p>Messages: a core's spikes reach each destination core in proportion to how many of its neurons
 * that destination reads (the route's reads); each message costs the within-tile energy on its own
 * router, else one hop energy per east-west and north-south hop and the chip-crossing energy per chip
 * boundary. Time per step: the busiest core's synaptic and neuron-update time, plus the longest route
 * any message took, plus a barrier (chip-wide, or system-wide on several chips). An inference takes
 * T + depth − 1 steps (each layer adds one step of synaptic delay); in a pipeline a new inference can
 * start every T steps, which sets the modelled throughput. Static energy is the profile's static power
 * per chip × chips used × latency.
 */
public final class EnergyModel {
    private final HardwareProfile profile;
    private final BinaryProgram program;
    private final int depth;
    private final int chipsUsed;
    /** Per route: hops east-west, north-south, chip crossings; and the share of the source's neurons it reads. */
    private final int[] hopsEw;
    private final int[] hopsNs;
    private final int[] crossings;
    private final double[] share;
    private final long[] sliceNeurons;

    EnergyModel(BinaryProgram program, HardwareProfile profile) {
        this.program = program;
        this.profile = profile;
        BinaryProgram.Cores cores = program.cores();
        BinaryProgram.RouteTable r = program.routes();
        int tilesX = profile.chip().meshColumns().intValue();
        int tilesY = profile.chip().meshRows().intValue();
        int n = r.dst().length;
        hopsEw = new int[n];
        hopsNs = new int[n];
        crossings = new int[n];
        share = new double[n];
        sliceNeurons = new long[cores.count()];
        Set<Integer> chips = new HashSet<>();
        for (int c = 0; c < cores.count(); c++) {
            sliceNeurons[c] = (long) (cores.c1()[c] - cores.c0()[c]) * (cores.p1()[c] - cores.p0()[c]);
            chips.add(cores.chip()[c]);
        }
        chipsUsed = chips.size();
        for (int s = 0; s < r.offsets().length - 1; s++) {
            for (int e = r.offsets()[s]; e < r.offsets()[s + 1]; e++) {
                int d = r.dst()[e];
                hopsEw[e] = Math.abs(cores.x()[s] - cores.x()[d]);
                hopsNs[e] = Math.abs(cores.y()[s] - cores.y()[d]);
                crossings[e] = Math.abs(cores.x()[s] / tilesX - cores.x()[d] / tilesX)
                        + Math.abs(cores.y()[s] / tilesY - cores.y()[d] / tilesY);
                share[e] = Math.min(1.0, r.reads()[e] / (double) Math.max(1, sliceNeurons[s]));
            }
        }
        depth = new Pipeline(program).maxDepth;
    }

    public int chipsUsed() {
        return chipsUsed;
    }

    public int depth() {
        return depth;
    }

    /**
     * Energy and time of one inference.
     *
     * @param dynamicMj        synapses, neurons and messages
     * @param staticMj         static power over the latency
     * @param breakdownMj      dynamic and static energy per component, in a fixed order
     * @param latencyMs        first input to output on the modelled hardware
     * @param stepNs           one time step
     * @param throughput       inferences per second with inferences pipelined
     * @param messages         messages between cores
     * @param hops             router hops of those messages
     * @param chipCrossings    chip boundaries crossed
     * @param barrierSyncs     time-step barriers (T + depth − 1), chip-wide or, on several chips, system-wide
     * @param sources          the figure behind each component
     */
    public record Estimate(double dynamicMj, double staticMj, Map<String, Double> breakdownMj, double latencyMs, double stepNs,
            double throughput, double messages, double hops, double chipCrossings, int barrierSyncs, Map<String, String> sources) {
    }

    /**
     * Inferences per second with {@code batch} samples streamed back to back through the layer pipeline:
     * B / ((T·B + depth − 1) steps), the step taken from a mean latency of T + depth − 1 steps.
     */
    public double pipelinedThroughput(double latencyMs, int batch) {
        return pipelinedThroughput(latencyMs, batch, program.image().timeSteps(), depth);
    }

    /**
     * {@link #pipelinedThroughput(double, int)} for a program of {@code timeSteps} model steps and pipeline
     * {@code depth}: inference i enters at chip step T·i, so the last of B leaves T·(B − 1) + T + depth − 1
     * steps after the first entered.
     */
    static double pipelinedThroughput(double latencyMs, int batch, int timeSteps, int depth) {
        double stepMs = latencyMs / (timeSteps + depth - 1);
        return batch / ((timeSteps * (double) batch + depth - 1) * stepMs / 1000);
    }

    /**
     * @param timeSteps the model's T
     * @param steps     chip steps emulated (T + depth − 1): every compartment updates at each
     */
    Estimate estimate(Activity a, int timeSteps, int steps) {
        var e = profile.energy();
        var t = profile.timing();
        BinaryProgram.Cores cores = program.cores();
        BinaryProgram.RouteTable r = program.routes();
        double messages = 0;
        double hops = 0;
        double within = 0;
        double ew = 0;
        double ns = 0;
        double cross = 0;
        double longestRouteNs = 0;
        for (int s = 0; s < r.offsets().length - 1; s++) {
            long out = a.coreOutputs[s];
            if (out == 0) {
                continue;
            }
            for (int k = r.offsets()[s]; k < r.offsets()[s + 1]; k++) {
                double m = out * share[k];
                messages += m;
                hops += m * (hopsEw[k] + hopsNs[k]);
                // every message is delivered by a tile's router, whether or not it crossed the mesh first
                // (the timing below charges the same delivery time to every route)
                within += m;
                ew += m * hopsEw[k];
                ns += m * hopsNs[k];
                cross += m * crossings[k];
                longestRouteNs = Math.max(longestRouteNs, hopsEw[k] * t.hopEastWest().value() + hopsNs[k] * t.hopNorthSouth().value()
                        + crossings[k] * t.chipCrossing().value() + t.spikeWithinTile().value());
            }
        }
        // The busiest core per step: the synaptic operations it performed, and its share of its
        // population's neuron updates (every compartment updates every step).
        double busiestNs = 0;
        long[] popHeld = new long[program.populations().size()];
        for (int c = 0; c < cores.count(); c++) {
            popHeld[cores.population()[c]] += sliceNeurons[c];
        }
        for (int c = 0; c < cores.count(); c++) {
            int p = cores.population()[c];
            double share = popHeld[p] == 0 ? 0 : (double) sliceNeurons[c] / popHeld[p];
            // one step of the window: its share of the synaptic work and of the active updates, and a sweep of
            // every other compartment (the updates of all chip steps, over their number)
            double compartments = (double) a.updates[p] / steps;
            double active = Math.min(compartments, (double) a.activeUpdates[p] / timeSteps);
            double work = a.coreSynops[c] * t.synapticOp().value() / timeSteps + share * (active * t.neuronUpdateActive().value()
                    + (compartments - active) * t.neuronUpdateInactive().value());
            busiestNs = Math.max(busiestNs, work);
        }
        double barrier = chipsUsed > 1 ? t.barrierSyncSystem().value() : t.barrierSyncChip().value();
        double stepNs = busiestNs + longestRouteNs + barrier;
        double latencyNs = (timeSteps + depth - 1) * stepNs;
        Map<String, Double> b = new LinkedHashMap<>();
        Map<String, String> src = new LinkedHashMap<>();
        put(b, src, "synaptic_ops", a.synapticOps() * e.synapticOp().value(), e.synapticOp());
        put(b, src, "neuron_updates_active", a.activeNeuronUpdates() * e.neuronUpdateActive().value(), e.neuronUpdateActive());
        put(b, src, "neuron_updates_inactive", (a.neuronUpdates() - a.activeNeuronUpdates()) * e.neuronUpdateInactive().value(),
                e.neuronUpdateInactive());
        put(b, src, "spikes_within_tile", within * e.spikeWithinTile().value(), e.spikeWithinTile());
        put(b, src, "hops_east_west", ew * e.hopEastWest().value(), e.hopEastWest());
        put(b, src, "hops_north_south", ns * e.hopNorthSouth().value(), e.hopNorthSouth());
        put(b, src, "chip_crossings", cross * e.chipCrossing().value(), e.chipCrossing());
        double dynamic = b.values().stream().mapToDouble(Double::doubleValue).sum();
        // static: mW x ns = 1e-12 J = 1e-9 mJ
        double staticMj = e.staticPowerPerChip().value() * chipsUsed * latencyNs * 1e-9;
        b.put("static", staticMj);
        src.put("static", e.staticPowerPerChip().cited() + " x " + chipsUsed + " chips x latency");
        return new Estimate(dynamic, staticMj, b, latencyNs / 1e6, stepNs, 1e9 / (timeSteps * stepNs), messages, hops, cross,
                timeSteps + depth - 1, src);
    }

    /** Adds a component in mJ (from pJ) with its figure's citation. */
    private static void put(Map<String, Double> b, Map<String, String> src, String key, double pj, Figure f) {
        b.put(key, pj * 1e-9);
        src.put(key, f.cited());
    }
}
