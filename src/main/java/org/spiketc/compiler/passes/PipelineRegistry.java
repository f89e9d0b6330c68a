package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.List;
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
    public static final List<String> PASS_IDS = List.of(ReduceTimeSteps.ID, FoldBatchNorm.ID, LowerAttention.ID,
            FuseNeuronLayers.ID, EliminateDeadCode.ID, PruneWeights.ID, QuantizeWeights.ID);

    private PipelineRegistry() {
    }

    public static Pipeline build(PipelineOptions o) {
        if (o.level() < 0 || o.level() > 3) {
            throw new UserInputException("optimization level must be 0..3, got " + o.level());
        }
        if (o.bits() < 2 || o.bits() > 8) {
            throw new UserInputException("--bits must be 2..8, got " + o.bits());
        }
        if (o.sparsity() != null && !(o.sparsity() >= 0 && o.sparsity() < 1)) {
            throw new UserInputException("--sparsity must be in [0, 1), got " + o.sparsity());
        }
        if (o.timeSteps() != null && (o.timeSteps() < 1 || o.timeSteps() > 64)) {
            throw new UserInputException("--time-steps must be 1..64, got " + o.timeSteps());
        }
        if (!(o.firingRate() > 0 && o.firingRate() <= 1)) {
            throw new UserInputException("--firing-rate must be in (0, 1], got " + o.firingRate());
        }
        for (String id : o.disabled()) {
            if (!PASS_IDS.contains(id)) {
                throw new UserInputException("unknown pass '" + id + "' (passes: " + String.join(", ", PASS_IDS) + ")");
            }
        }
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
