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

    SliceShape choose(MappedPopulation pop) {
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

    private long maxPositions(MappedPopulation pop, int cs) {
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

    private boolean fits(MappedPopulation pop, int cs, long ps) {
        if (pop.compartments(cs, ps) > neuronLimit || pop.memoryBytes(cs, ps, shared, indexBits) > memoryLimit) {
            return false;
        }
        // Fan-in depends on where a slice starts relative to the rows of its layer. Slice starts k*ps
        // repeat their offset within a row after at most one row's length of slices, so checking
        // that many starts covers every slice the layout will make.
        long positions = pop.positions();
        long row = pop.shape().dim(pop.shape().rank() - 1);
        long slices = ceil(positions, ps);
        for (long k = 0; k < Math.min(slices, row); k++) {
            long p0 = k * ps;
            if (pop.axons(0, cs, p0, Math.min(positions, p0 + ps)) > fanInLimit) {
                return false;
            }
        }
        return true;
    }

    private String binding(MappedPopulation pop, int cs, long ps) {
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

    /** Channel counts to try: powers of two and the even splits of c into 1..64 blocks. */
    private static TreeSet<Integer> candidates(int c) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int k = 1; k <= c; k *= 2) {
            s.add(k);
        }
        for (int k = 1; k <= Math.min(c, 64); k++) {
            s.add((c + k - 1) / k);
        }
        return s;
    }

    static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
