package org.spiketc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    static ParetoFront.Point p(long id, double energy, double accuracy) {
        return new ParetoFront.Point(id, "#" + id, energy, accuracy);
    }

    @Test
    void keepsOnlyPointsThatNoOtherBeatsInBothEnergyAndAccuracy() {
        var front = ParetoFront.of(List.of(p(1, 0.60, 0.90), p(2, 0.50, 0.89), p(3, 0.55, 0.85), p(4, 0.40, 0.23), p(5, 0.70, 0.90)));
        assertThat(front).extracting(ParetoFront.Point::id).containsExactly(4L, 2L, 1L);
    }

    @Test
    void ofTwoEqualEnergiesTheMoreAccurateWinsAndUnmeasuredPointsAreLeftOut() {
        var front = ParetoFront.of(List.of(p(1, 0.5, 0.8), p(2, 0.5, 0.9), p(3, Double.NaN, 0.99)));
        assertThat(front).extracting(ParetoFront.Point::id).containsExactly(2L);
        assertThat(ParetoFront.of(List.of())).isEmpty();
    }
}
