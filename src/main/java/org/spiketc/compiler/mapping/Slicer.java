package org.spiketc.compiler.mapping;

import java.util.TreeSet;
import org.spiketc.common.UserInputException;
import org.spiketc.hw.HardwareProfile;

/**
 * Chooses each population's slice shape: for a set of candidate channel counts, the largest number
 * of positions that keeps a slice within the core's compartments, synaptic memory and fan-in
 * (all three grow with the slice, so a binary search finds it); the shape with the fewest slices
 * wins, ties going to more channels per slice (fewer distinct weights to store).
 */
final class Slicer {
    private final long neuronLimit;
    private final long memoryLimit;
    private final long fanInLimit;
    private final boolean shared;
    private final int indexBits;

    Slicer(HardwareProfile p) {
        this.neuronLimit = p.chip().neuronsPerCore().intValue();
        this.memoryLimit = (long) p.chip().synapticMemoryBytesPerCore().value();
        this.fanInLimit = p.chip().fanInPerCore().intValue();
        this.shared = p.chip().supportsSharedSynapses();
        this.indexBits = p.chip().synapseIndexBits().intValue();
    }

    long fanInLimit() {
        return fanInLimit;
    }

    SliceShape choose(Population pop) {
        SliceShape best = null;
        for (int cs : candidates(pop.channels())) {
            long ps = maxPositions(pop, cs);
            if (ps == 0) {
                continue;
            }
            long cores = ceil(pop.channels(), cs) * ceil(pop.positions(), ps) * pop.split();
            if (best == null || cores < best.cores() || (cores == best.cores() && cs > best.channels())) {
                best = new SliceShape(cs, ps, cores, binding(pop, cs, ps));
            }
        }
        if (best == null) {
            long mem = pop.memoryBytes(1, 1, shared, indexBits);
            throw new UserInputException("layer " + pop.node() + " cannot be mapped: a single neuron needs " + mem
                    + " bytes of synapses and " + pop.axons(0, 1, 0, 1) + " input axons, a core holds " + memoryLimit
                    + " bytes and " + fanInLimit + " axons");
        }
        return best;
    }

    private long maxPositions(Population pop, int cs) {
        long lo = 0;
        long hi = pop.positions();
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (fits(pop, cs, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private boolean fits(Population pop, int cs, long ps) {
        if (pop.compartments(cs, ps) > neuronLimit || pop.memoryBytes(cs, ps, shared, indexBits) > memoryLimit) {
            return false;
        }
        // Fan-in depends on where a slice starts (one straddling a row boundary reads more rows):
        // check the first few slices of the layout, which cover the alignments that repeat.
        long slices = ceil(pop.positions(), ps);
        for (long k = 0; k < Math.min(slices, 4); k++) {
            long p0 = k * ps;
            if (pop.axons(0, cs, p0, Math.min(pop.positions(), p0 + ps)) > fanInLimit) {
                return false;
            }
        }
        return true;
    }

    private String binding(Population pop, int cs, long ps) {
        if (ps == pop.positions()) {
            return "none (whole channel range)";
        }
        long next = ps + 1;
        if (pop.compartments(cs, next) > neuronLimit) {
            return "neurons";
        }
        if (pop.memoryBytes(cs, next, shared, indexBits) > memoryLimit) {
            return "synaptic memory";
        }
        return "fan-in";
    }

    private static TreeSet<Integer> candidates(int c) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int k = 1; k <= c && s.size() < 64; k *= 2) {
            s.add(k);
            s.add((c + k - 1) / k);
        }
        s.add(c);
        return s;
    }

    static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
