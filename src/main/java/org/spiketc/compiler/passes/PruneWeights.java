package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;
import org.spiketc.tensor.DenseTensor;

/**
 * Magnitude pruning: in every weighted synapse group, zeroes the smallest-magnitude weights so that
 * the given fraction is zero (ties at the threshold are kept, so the achieved fraction can be
 * slightly lower; it is reported per layer as {@code pruned_fraction}). Run before quantization.
 * Zero weights cost no synaptic op, and with a sparse synapse encoding no memory.
 */
public final class PruneWeights implements Pass {
    public static final String ID = "prune-weights";
    private final double sparsity;

    public PruneWeights(double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1)");
        }
        this.sparsity = sparsity;
    }

    @Override
    public PassInfo info() {
        return new PassInfo(ID, "magnitude pruning to a target sparsity per layer", Map.of("sparsity", Double.toString(sparsity)),
                false);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        GraphBuilder b = g.toBuilder();
        long zero = 0;
        long total = 0;
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            if (!(n.op() instanceof NeuronLayer l)) {
                b.copy(n, n.inputs());
                continue;
            }
            List<Synapses> out = new ArrayList<>();
            long layerZero = 0;
            long layerTotal = 0;
            for (Synapses s : l.synapses()) {
                if (s.weight() == null) {
                    out.add(s);
                    continue;
                }
                float[] w = s.weight().data();
                float threshold = threshold(w, sparsity);
                float[] p = new float[w.length];
                long z = 0;
                for (int i = 0; i < w.length; i++) {
                    if (Math.abs(w[i]) < threshold) {
                        z++;
                    } else {
                        p[i] = w[i];
                    }
                    if (p[i] == 0f && Math.abs(w[i]) >= threshold) {
                        z++; // already zero
                    }
                }
                layerZero += z;
                layerTotal += w.length;
                out.add(s.withWeight(new DenseTensor(s.weight().shape(), p)));
            }
            if (layerTotal > 0) {
                ctx.statistics().layer(n.name(), "pruned_fraction", (double) layerZero / layerTotal);
            }
            zero += layerZero;
            total += layerTotal;
            b.add(n.name(), l.withSynapses(out), n.inputs());
        }
        ctx.statistics().count("weights", total);
        ctx.statistics().count("zero_weights", zero);
        return b.build();
    }

    /** The k-th smallest magnitude (k = sparsity · n) by quickselect on a copy: O(n), deterministic. */
    static float threshold(float[] w, double sparsity) {
        int k = (int) Math.floor(sparsity * w.length);
        if (k == 0) {
            return 0f;
        }
        float[] a = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            a[i] = Math.abs(w[i]);
        }
        SplittableRandom r = new SplittableRandom(w.length);
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float pivot = a[lo + r.nextInt(hi - lo + 1)];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }
}
