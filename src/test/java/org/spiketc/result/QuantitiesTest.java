package org.spiketc.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiketc.analysis.MetricInfo;
import org.spiketc.analysis.MetricRule;

/**
 * The catalogue of quantities: declaring units and directions where figures are made changed no verdict,
 * except where reading the name had misread it.
 */
class QuantitiesTest {
    /**
     * Names the old reading got wrong, each now a figure for the reader: "per step" is not a rate, the share of
     * memory used is not a size, and the number of long pulse gaps is not a time.
     */
    private static final Map<String, String> MISREAD = Map.of(
            "sops_per_step", "a count per time step, read as a rate",
            "first_layer_macs_per_step", "a count per time step, read as a rate",
            "spikes_per_step", "a count per time step, read as a rate",
            "spike_hops_per_step", "a count per time step, read as a rate",
            "chip_crossings_per_step", "a count per time step, read as a rate",
            "max_link_load_per_step", "a count per time step, read as a rate",
            "mean_link_load_per_step", "a count per time step, read as a rate",
            "memory_utilization", "a share of the cores' memory, read as a size",
            "pulse_gaps_over_100_ms", "a number of gaps, read as a time");

    @Test
    void eachQuantityIsJudgedAsItsNameWasJudgedBeforeItWasDeclared() {
        for (Quantity q : Quantities.ALL) {
            MetricInfo legacy = MetricInfo.legacy(q.name());
            if (MISREAD.containsKey(q.name())) {
                assertThat(q.info().rule()).as(q.name() + ": " + MISREAD.get(q.name())).isEqualTo(MetricRule.INFORMATIONAL);
                assertThat(legacy.rule()).as(q.name() + " was misread").isNotEqualTo(MetricRule.INFORMATIONAL);
                continue;
            }
            assertThat(q.info().rule()).as(q.name()).isEqualTo(legacy.rule());
            if (q.info().rule() != MetricRule.INFORMATIONAL) {
                // judged figures: whether a difference can be noise is what it was
                assertThat(q.info().deterministic()).as(q.name() + " deterministic").isEqualTo(legacy.deterministic());
            }
        }
    }

    @Test
    void everyQuantityIsListedOnceUnderItsOwnName() {
        Set<String> names = new HashSet<>();
        for (Quantity q : Quantities.ALL) {
            assertThat(names.add(q.name())).as(q.name() + " listed twice").isTrue();
            assertThat(q.info().declared()).isTrue();
        }
        assertThat(names).containsAll(MISREAD.keySet());
    }

    @Test
    void theListHoldsEveryDeclaredQuantity() throws IllegalAccessException {
        List<Object> declared = new ArrayList<>();
        for (Field f : Quantities.class.getFields()) {
            if (f.getType() == Quantity.class && Modifier.isStatic(f.getModifiers())) {
                declared.add(f.get(null));
            }
        }
        assertThat(Quantities.ALL).containsExactlyInAnyOrderElementsOf(declared.stream().map(Quantity.class::cast).toList());
    }

    @Test
    void aFigureAtASweepPointKeepsItsKnownNameAndCarriesItsParametersAsFields() {
        Metric m = Quantities.ACCURACY.value(0.9).at("accuracy_4bit", Map.of("weight_bits", 4));
        assertThat(m.key()).isEqualTo("accuracy_4bit");
        assertThat(m.quantity()).isEqualTo("accuracy");
        assertThat(m.parameters()).containsExactly(Map.entry("weight_bits", "4"));
        assertThat(m.info()).isEqualTo(Quantities.ACCURACY.info());
    }
}
