package org.spiketc.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.Json;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The responsiveness measurement at a small scale (headless, Monocle): it runs a warm-up and a measured
 * live inference and reports pulse gaps, chart refreshes and heap per thousand inferences. What it
 * measures is for `stc gui --measure-responsiveness`; this checks that it measures, not the figures.
 */
@Tag("heavy")
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    Workbench workbench;

    @Start
    void start(Stage stage) {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        workbench = Workbench.build(runs, WorkbenchThreads.javafx(), Settings.inMemory(), new DialogService.Recording());
        stage.setScene(new Scene(workbench.tabs(), 1100, 700));
        stage.show();
    }

    @Test
    void aMeasuredRunReportsPulsesRefreshesAndHeapPerThousand(FxRobot robot, @TempDir Path dir) throws Exception {
        Path json = dir.resolve("responsiveness.json");
        CountDownLatch done = new CountDownLatch(1);
        robot.interact(() -> Responsiveness.start(workbench, 1_200, 50, json, done::countDown));
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        var report = Json.mapper().readTree(json.toFile());
        var m = report.path("metrics");
        assertThat(m.path("samples").asInt()).isEqualTo(1_200);
        assertThat(m.path("pulses").asInt()).isPositive();
        assertThat(m.path("median_pulse_gap_ms").asDouble()).isPositive();
        assertThat(m.path("chart_refreshes").asLong()).isPositive();
        assertThat(report.path("heap_after_gc").size()).as("at 1,000 and at the end").isEqualTo(2);
        assertThat(report.path("environment").path("software_version").asText()).isNotBlank();
    }
}
