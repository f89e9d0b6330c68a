package org.spiketc.gui.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spiketc.gui.DialogService;
import org.spiketc.gui.Settings;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.gui.Workbench;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.StoredRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Hotspots of a compile started in the window: the pass timeline, a pass's changed layers, the core map. */
@ExtendWith(ApplicationExtension.class)
class HotspotsViewTest {
    Workbench workbench;

    @Start
    void start(Stage stage) {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        workbench = Workbench.build(runs, WorkbenchThreads.fxThread(), Settings.inMemory(), new DialogService.Recording());
        stage.setScene(new Scene(workbench.tabs(), 1200, 760));
        stage.show();
    }

    @Test
    void aCompilesPassesDrillDownToTheLayersTheyChangedAndItsCoresAreMapped(FxRobot robot) {
        robot.clickOn("Setup"); // the window opens on Welcome
        robot.clickOn(".compile-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Runs");
        TableView<StoredRun> runs = robot.lookup(".runs-table").queryAs(TableView.class);
        robot.interact(() -> runs.getSelectionModel().select(0));
        robot.clickOn("Hotspots");
        WaitForAsyncUtils.waitForFxEvents();

        ChartViewer timeline = robot.lookup(".pass-timeline").queryAs(ChartViewer.class);
        assertThat(timeline.getChart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(workbench.hotspots().passes().size())
                .isPositive();
        TableView<HotspotsViewModel.PassRow> passes = robot.lookup(".passes-table").queryAs(TableView.class);
        int quantize = passes.getItems().indexOf(passes.getItems().stream().filter(p -> p.pass().equals("quantize-weights"))
                .findFirst().orElseThrow());
        robot.interact(() -> passes.getSelectionModel().select(quantize));
        TableView<?> changed = robot.lookup(".pass-layers-table").queryAs(TableView.class);
        assertThat(changed.getItems()).isNotEmpty();

        TabPane tabs = robot.lookup(".hotspots-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".chip-canvas").queryAllAs(Canvas.class)).isNotEmpty();
    }
}
