package org.spiketc.compiler.passes;

import java.util.Set;

/**
 * How the user shapes a pipeline beyond its level.
 *
 * @param level          0..3 (-O0..-O3)
 * @param bits           weight mantissa bits, 2..8
 * @param sparsity       magnitude-pruning target, or null for the level's default
 * @param timeSteps      reduce T to this, or null to keep the model's
 * @param attentionOrder SSA product order, or null for the level's default
 * @param firingRate     assumed input firing rate for cost estimates
 * @param disabled       pass ids to leave out
 * @param spread         map over every chip of the system in equal shares instead of filling chips in turn
 * @param ranges         activation statistics from calibration images for the exponents, or null to size them
 *                       for the worst case of the weights
 */
public record PipelineOptions(int level, int bits, Double sparsity, Integer timeSteps, LowerAttention.Order attentionOrder,
        double firingRate, Set<String> disabled, boolean spread, ActivationRanges ranges) {
    /** Options whose exponents are sized for the worst case of the weights. */
    public PipelineOptions(int level, int bits, Double sparsity, Integer timeSteps, LowerAttention.Order attentionOrder,
            double firingRate, Set<String> disabled, boolean spread) {
        this(level, bits, sparsity, timeSteps, attentionOrder, firingRate, disabled, spread, null);
    }

    /** Options that fill chips in turn (the default mapping). */
    public PipelineOptions(int level, int bits, Double sparsity, Integer timeSteps, LowerAttention.Order attentionOrder,
            double firingRate, Set<String> disabled) {
        this(level, bits, sparsity, timeSteps, attentionOrder, firingRate, disabled, false);
    }

    public static PipelineOptions defaults(int level) {
        return new PipelineOptions(level, 8, null, null, null, 0.1, Set.of());
    }

    /** Puts the options that differ from a level's defaults, and the level and bits, into a run's configuration. */
    public void describe(com.fasterxml.jackson.databind.node.ObjectNode c) {
        c.put("level", level).put("bits", bits);
        if (sparsity != null) {
            c.put("sparsity", sparsity);
        }
        if (timeSteps != null) {
            c.put("time_steps", timeSteps);
        }
        if (!disabled.isEmpty()) {
            c.put("disabled_passes", String.join(",", new java.util.TreeSet<>(disabled)));
        }
        if (spread) {
            c.put("spread", true);
        }
        if (ranges != null) {
            c.put("ranges", ranges.describe());
        }
    }

    public PipelineOptions spreadOverChips() {
        return new PipelineOptions(level, bits, sparsity, timeSteps, attentionOrder, firingRate, disabled, true, ranges);
    }

    /** The same options with exponents sized from these calibration statistics. */
    public PipelineOptions withRanges(ActivationRanges r) {
        return new PipelineOptions(level, bits, sparsity, timeSteps, attentionOrder, firingRate, disabled, spread, r);
    }
}
