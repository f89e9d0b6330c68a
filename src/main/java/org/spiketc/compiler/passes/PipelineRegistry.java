package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.Pipeline;

/**
 * The named pipelines -O0..-O3:
 * <ul>
 *   <li>O0: reduce-time-steps (if asked), fold-batch-norm, lower-attention (order as written in the
 *       model's code), fuse-layers, quantize-weights — the least that makes a model mappable;</li>
 *   <li>O1: O0 plus eliminate-dead-code;</li>
 *   <li>O2: O1 with lower-attention choosing the cheaper product order;</li>
 *   <li>O3: O2 plus prune-weights at 50 % sparsity (changes accuracy: check it).</li>
 * </ul>
 * {@code --sparsity} adds pruning at any level, {@code --time-steps} adds reduce-time-steps, and
 * {@code --disable-pass} removes an optional pass; required passes cannot be disabled.
 */
public final class PipelineRegistry {
    /**
     * A pass the pipelines can hold, as the workbench and reports describe it without building a pipeline.
     *
     * @param required the mapper needs it: it runs at every level and cannot be disabled
     * @param runs     when the pipelines include it
     */
    public record Entry(String id, String description, boolean required, String runs) {
    }

    /** Every pass, in pipeline order; each entry's id, description and required flag are the pass's own. */
    public static final List<Entry> PASSES = List.of(
            entry(new ReduceTimeSteps(1), "when the time steps are reduced"),
            entry(new FoldBatchNorm(), "at every level"),
            entry(new LowerAttention(LowerAttention.Order.AUTO, 0.1), "at every level (order as written below -O2)"),
            entry(new FuseNeuronLayers(), "at every level"),
            entry(new EliminateDeadCode(), "from -O1"),
            entry(new PruneWeights(0.5), "at -O3 (50 %) or when a sparsity is set"),
            entry(new QuantizeWeights(PipelineOptions.MAX_BITS, null), "at every level"));

    public static final List<String> PASS_IDS = PASSES.stream().map(Entry::id).toList();

    private static Entry entry(Pass p, String runs) {
        return new Entry(p.info().id(), p.info().description(), p.info().required(), runs);
    }

    /** Ids of the passes the mapper needs, which no option can leave out. */
    public static Set<String> requiredPassIds() {
        Set<String> ids = new TreeSet<>();
        PASSES.stream().filter(Entry::required).forEach(e -> ids.add(e.id()));
        return ids;
    }

    private PipelineRegistry() {
    }

    public static Pipeline build(PipelineOptions o) {
        o.validate();
        List<Pass> passes = new ArrayList<>();
        if (o.timeSteps() != null) {
            passes.add(new ReduceTimeSteps(o.timeSteps()));
        }
        passes.add(new FoldBatchNorm());
        LowerAttention.Order order = o.attentionOrder() != null ? o.attentionOrder()
                : o.level() >= 2 ? LowerAttention.Order.AUTO : LowerAttention.Order.AS_WRITTEN;
        passes.add(new LowerAttention(order, o.firingRate()));
        passes.add(new FuseNeuronLayers());
        if (o.level() >= 1) {
            passes.add(new EliminateDeadCode());
        }
        Double sparsity = o.sparsity() != null ? o.sparsity() : o.level() >= 3 ? Double.valueOf(0.5) : null;
        if (sparsity != null && sparsity > 0) {
            passes.add(new PruneWeights(sparsity));
        }
        passes.add(new QuantizeWeights(o.bits(), o.ranges()));
        List<Pass> kept = new ArrayList<>();
        for (Pass p : passes) {
            if (o.disabled().contains(p.info().id())) {
                if (p.info().required()) {
                    throw new UserInputException("pass " + p.info().id() + " cannot be disabled: the mapper needs it");
                }
                continue;
            }
            kept.add(p);
        }
        return new Pipeline("O" + o.level(), kept);
    }
}
