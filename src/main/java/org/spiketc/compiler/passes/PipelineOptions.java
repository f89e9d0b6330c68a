package org.spiketc.compiler.passes;

import java.util.Set;
import org.spiketc.common.UserInputException;
import org.spiketc.hw.HardwareProfile;

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
    public static final int MIN_LEVEL = 0;
    public static final int MAX_LEVEL = 3;
    /** Weight mantissa bits the quantization pass can produce; a target may allow fewer. */
    public static final int MIN_BITS = 2;
    public static final int MAX_BITS = 8;
    public static final int MAX_TIME_STEPS = 64;

    public PipelineOptions {
        disabled = Set.copyOf(disabled);
    }

    /** Options at -O2 with 8-bit weights, the default pipeline; change what differs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().level(level).bits(bits).sparsity(sparsity).timeSteps(timeSteps).attentionOrder(attentionOrder)
                .firingRate(firingRate).disabled(disabled).spread(spread).ranges(ranges);
    }

    /**
     * The options themselves, checked once wherever they came from (command line, workbench, a stored run):
     * ranges of every value and pass ids. Messages name the setting, not a command-line flag.
     */
    public PipelineOptions validate() {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new UserInputException("optimization level must be " + MIN_LEVEL + ".." + MAX_LEVEL + ", got " + level);
        }
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new UserInputException("weight bits must be " + MIN_BITS + ".." + MAX_BITS + ", got " + bits);
        }
        if (sparsity != null && !(sparsity >= 0 && sparsity < 1)) {
            throw new UserInputException("sparsity must be in [0, 1), got " + sparsity);
        }
        if (timeSteps != null && (timeSteps < 1 || timeSteps > MAX_TIME_STEPS)) {
            throw new UserInputException("time steps must be 1.." + MAX_TIME_STEPS + ", got " + timeSteps);
        }
        if (!(firingRate > 0 && firingRate <= 1)) {
            throw new UserInputException("assumed firing rate must be in (0, 1], got " + firingRate);
        }
        for (String id : disabled) {
            if (!PipelineRegistry.PASS_IDS.contains(id)) {
                throw new UserInputException("unknown pass '" + id + "' (passes: " + String.join(", ", PipelineRegistry.PASS_IDS) + ")");
            }
        }
        return this;
    }

    /** {@link #validate()} and what the target's hardware allows. */
    public PipelineOptions validate(HardwareProfile target) {
        validate();
        int max = target.chip().maxWeightBits().intValue();
        if (bits > max) {
            throw new UserInputException(bits + "-bit weights exceed " + target.id() + "'s " + max + "-bit synapses");
        }
        return this;
    }

    /** Sets options by name, so that no call site passes nulls by position. */
    public static final class Builder {
        private int level = 2;
        private int bits = MAX_BITS;
        private Double sparsity;
        private Integer timeSteps;
        private LowerAttention.Order attentionOrder;
        private double firingRate = 0.1;
        private Set<String> disabled = Set.of();
        private boolean spread;
        private ActivationRanges ranges;

        private Builder() {
        }

        public Builder level(int v) {
            level = v;
            return this;
        }

        public Builder bits(int v) {
            bits = v;
            return this;
        }

        /** Magnitude-pruning target, or null for the level's default. */
        public Builder sparsity(Double v) {
            sparsity = v;
            return this;
        }

        /** Reduce T to this, or null to keep the model's. */
        public Builder timeSteps(Integer v) {
            timeSteps = v;
            return this;
        }

        /** SSA product order, or null for the level's default. */
        public Builder attentionOrder(LowerAttention.Order v) {
            attentionOrder = v;
            return this;
        }

        public Builder firingRate(double v) {
            firingRate = v;
            return this;
        }

        public Builder disabled(Set<String> v) {
            disabled = v;
            return this;
        }

        public Builder spread(boolean v) {
            spread = v;
            return this;
        }

        /** Calibration statistics for the exponents, or null for the worst case of the weights. */
        public Builder ranges(ActivationRanges v) {
            ranges = v;
            return this;
        }

        public PipelineOptions build() {
            return new PipelineOptions(level, bits, sparsity, timeSteps, attentionOrder, firingRate, disabled, spread, ranges);
        }
    }

    public static PipelineOptions defaults(int level) {
        return builder().level(level).build();
    }

    public PipelineOptions spreadOverChips() {
        return toBuilder().spread(true).build();
    }

    /** The same options with exponents sized from these calibration statistics. */
    public PipelineOptions withRanges(ActivationRanges r) {
        return toBuilder().ranges(r).build();
    }
}
