package org.spiketc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson's interval for an accuracy counted on n images. */
class ProportionIntervalTest {
    @Test
    void matchesWilsonsFormula() {
        // 50 of 100: centre 0.5, half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n) = 0.0962 with z = 1.96
        ProportionInterval ci = ProportionInterval.wilson95(50, 100);
        assertThat(ci.low()).isCloseTo(0.4038, within(1e-4));
        assertThat(ci.high()).isCloseTo(0.5962, within(1e-4));
        // 9,003 of 10,000, the shipped model on the chip emulator: ±0.59 points
        ProportionInterval full = ProportionInterval.wilson95(9003, 10_000);
        assertThat(full.percentRange()).isEqualTo("89.43–90.60 %");
    }

    @Test
    void staysInsideZeroToOneAtTheEdges() {
        ProportionInterval none = ProportionInterval.wilson95(0, 10);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        assertThat(ProportionInterval.wilson95(10, 10).high()).isEqualTo(1.0);
        assertThat(ProportionInterval.wilson95(0, 0).high()).isEqualTo(1.0);
    }
}
