package org.spiketc.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.gui.WorkbenchApp;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens on Setup; a compile started there shows its outcome and appears in the run history. */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {
    @Start
    void start(Stage stage) {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        stage.setScene(new Scene(WorkbenchApp.content(runs, WorkbenchThreads.fxThread()), 900, 600));
        stage.show();
    }

    @Test
    void compilingFromSetupRecordsARunTheHistoryShows(FxRobot robot) {
        robot.clickOn("Setup"); // the window opens on Welcome
        robot.clickOn(".compile-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".setup-status").queryAs(Label.class).getText()).startsWith("compiled fmnist-spikformer-tiny for loihi2");
        robot.clickOn("Runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".runs-table").queryAs(TableView.class).getItems()).hasSize(1);
    }
}
