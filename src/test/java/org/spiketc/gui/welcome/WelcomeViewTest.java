package org.spiketc.gui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.Settings;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.gui.Workbench;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunQuery;
import org.spiketc.store.RunRepository;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A newcomer's first minute: the window opens on Welcome, one click compiles and runs the shipped model, watched live. */
@Tag("heavy")
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {
    RunRepository runs;
    Workbench workbench;

    @Start
    void start(Stage stage) {
        runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        workbench = Workbench.build(runs, WorkbenchThreads.javafx(), Settings.inMemory(), new DialogService.Recording());
        stage.setScene(new Scene(workbench.tabs(), 1200, 760));
        stage.show();
    }

    @Test
    void theDemoCompilesAndRunsTheShippedModelEndToEndAndShowsItLive(FxRobot robot) throws Exception {
        TabPane tabs = workbench.tabs();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(Workbench.WELCOME);
        robot.clickOn(".demo-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tabs.getSelectionModel().getSelectedIndex() == Workbench.LIVE);
        Label status = robot.lookup(".welcome-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("Demo finished in"));
        var stored = runs.list(RunQuery.all());
        assertThat(stored).extracting(StoredRun::kind).containsExactly(RunKind.INFERENCE, RunKind.COMPILE);
        assertThat(stored).allMatch(r -> r.status() == RunStatus.FINISHED);
        assertThat(runs.metrics(stored.get(0).id()).get("samples").value()).isEqualTo(2000);
        assertThat(status.getText()).contains("accuracy");
        assertThat(workbench.liveView().refreshes()).isPositive();
    }
}
