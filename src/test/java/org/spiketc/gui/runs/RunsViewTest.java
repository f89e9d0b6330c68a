package org.spiketc.gui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.gui.WorkbenchApp;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunRepository;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench window's run history, headless (Monocle): rows appear, typing filters them, a click shows metrics. */
@ExtendWith(ApplicationExtension.class)
class RunsViewTest {
    RunRepository runs;

    @Start
    void start(Stage stage) {
        runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        runs.importResult(RunsViewModelTest.result("compile_alpha", 10, 9, 10, 11));
        runs.importResult(RunsViewModelTest.result("inference_beta", 20));
        var tabs = WorkbenchApp.content(runs, WorkbenchThreads.fxThread());
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Runs")).findFirst().orElseThrow());
        stage.setScene(new Scene(tabs, 900, 600));
        stage.show();
    }

    @Test
    void showsTheRunsFiltersThemAndShowsTheSelectedRunsMetrics(FxRobot robot) {
        TableView<?> table = robot.lookup(".runs-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        robot.clickOn(".runs-search").write("beta");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        robot.interact(() -> robot.lookup(".runs-search").queryAs(TextField.class).clear());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> metrics = robot.lookup(".metrics-table").queryAs(TableView.class);
        assertThat(metrics.getItems()).hasSize(1);
    }

    @Test
    void theHistoryHasLabelTagsAndConfigurationColumnsAndALabelButtonForTheSelection(FxRobot robot) {
        TableView<?> table = robot.lookup(".runs-table").queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(c -> c.getText()).contains("label", "tags", "configuration");
        Button label = robot.lookup(".label-button").queryAs(Button.class);
        assertThat(label.isDisabled()).as("nothing selected").isTrue();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label.isDisabled()).isFalse();
    }

    @Test
    void comparesTheSelectedRunsAndMarksTheVerdicts(FxRobot robot) {
        TableView<?> table = robot.lookup(".runs-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn(".compare-button");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> comparison = robot.lookup(".comparison-table").queryAs(TableView.class);
        assertThat(comparison.isVisible()).isTrue();
        assertThat(comparison.getItems()).hasSize(1); // compilation_time_ms: 10 -> 20 ms, single values past the threshold
        assertThat(robot.lookup(".verdict-worse").tryQuery()).isPresent();
    }
}
