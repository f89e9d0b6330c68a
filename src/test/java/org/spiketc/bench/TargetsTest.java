package org.spiketc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spiketc.analysis.Unit;

/** The seed's targets table: each current value is shown in the unit its result declares. */
class TargetsTest {
    private static Targets.Row row(int target, double current, Unit unit) {
        return new Targets.Row(Targets.SEED.get(target), current, unit, "here", Targets.Verdict.PASS);
    }

    @Test
    void aTimeWhoseTargetIsInSecondsIsShownInSeconds() {
        assertThat(row(0, 12_345, Unit.MS).currentText()).isEqualTo("12.35 s");
        assertThat(row(0, 12.345, Unit.S).currentText()).as("declared in seconds already").isEqualTo("12.35 s");
        assertThat(row(3, 1.587, Unit.MS).currentText()).as("a 25 ms target stays in ms").isEqualTo("1.587 ms");
    }

    @Test
    void otherFiguresKeepTheirUnitAndAMissingOneIsADash() {
        assertThat(row(2, 0.6156, Unit.MJ).currentText()).isEqualTo("0.6156 mJ");
        assertThat(row(1, 180.5, Unit.MB).currentText()).isEqualTo("180.5 MB");
        assertThat(row(2, Double.NaN, Unit.NONE).currentText()).isEqualTo("-");
    }
}
