package org.spiketc.analysis;

import java.util.Locale;
import org.spiketc.analysis.MetricRule.Direction;

/**
 * What a metric is, declared where it is made: its unit, which way is better, and where its value comes
 * from. Comparisons, reports and tables read these instead of guessing from the metric's name.
 *
 * @param declared false only for {@link #legacy} readings of files that declare nothing
 */
public record MetricInfo(Unit unit, Direction better, Role role, boolean declared) {
    public static MetricInfo of(Unit unit, Direction better, Role role) {
        return new MetricInfo(unit, better, role, true);
    }

    /** A figure for the reader that no comparison judges (a count, a setting, an interval bound). */
    public static MetricInfo informational(Unit unit, Role role) {
        return of(unit, Direction.NEITHER, role);
    }

    /**
     * The reading of a metric in a result file that declares nothing about it (schema version 0 and 1, the
     * seed's own examples): unit, direction and role from the words of its name, as stc read them before
     * results declared them. Nothing written since is read this way.
     */
    public static MetricInfo legacy(String name) {
        MetricRule rule = MetricRule.forMetric(name);
        return new MetricInfo(legacyUnit(name, rule), rule.better(), MetricRule.deterministic(name) ? Role.DERIVED : Role.MEASURED,
                false);
    }

    /** The first unit word of the name in the rule's dimension; else the rule's own unit. */
    private static Unit legacyUnit(String name, MetricRule rule) {
        if (rule == MetricRule.ACCURACY) {
            return Unit.FRACTION;
        }
        if (rule == MetricRule.THROUGHPUT) {
            return Unit.PER_S;
        }
        Unit ruleUnit = rule.unit().isEmpty() ? null : Unit.parse(rule.unit());
        for (String word : name.toLowerCase(Locale.ROOT).split("[_\\-]")) {
            Unit u = switch (word) {
                case "ns", "us", "ms", "s", "bytes", "kb", "mb", "gb", "uj", "mj", "j" -> Unit.parse(word);
                default -> null;
            };
            if (u != null && (ruleUnit == null || u.dimension() == ruleUnit.dimension())) {
                return u;
            }
        }
        return ruleUnit != null ? ruleUnit : Unit.NONE;
    }

    /** How a change of this metric is judged: the seed's rule for its dimension and direction. */
    public MetricRule rule() {
        if (better == Direction.NEITHER) {
            return MetricRule.INFORMATIONAL;
        }
        return switch (unit.dimension()) {
            case SHARE -> MetricRule.ACCURACY;
            case ENERGY -> MetricRule.ENERGY;
            case RATE -> MetricRule.THROUGHPUT;
            case TIME -> MetricRule.TIME;
            case SIZE -> MetricRule.MEMORY;
            case NUMBER -> new MetricRule(better, 0.10, false, 0, "");
        };
    }

    /** Computed rather than measured, so two runs of the same code give the same value. */
    public boolean deterministic() {
        return role != Role.MEASURED;
    }

    /**
     * The smallest difference that can count, in this metric's unit: the rule's floor (kept in one unit per
     * dimension) converted, and zero for a deterministic metric, which has no noise.
     */
    public double floor() {
        MetricRule rule = rule();
        Unit floorUnit = Unit.parse(rule.unit());
        if (rule.floor() == 0 || deterministic()) {
            return 0;
        }
        return floorUnit == null || floorUnit.dimension() != unit.dimension() ? rule.floor() : floorUnit.convert(rule.floor(), unit);
    }

    /** Whether changes are given as differences (points of a share) rather than ratios. */
    public boolean inPoints() {
        return rule().absolute();
    }
}
