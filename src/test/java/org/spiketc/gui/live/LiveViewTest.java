package org.spiketc.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.gui.ChartExport;
import org.spiketc.gui.WorkbenchApp;
import org.spiketc.gui.WorkbenchThreads;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An inference started in Setup fills the live charts. */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {
    @Start
    void start(Stage stage) {
        var runs = new JdbcRunRepository(Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        stage.setScene(new Scene(WorkbenchApp.content(runs, WorkbenchThreads.fxThread()), 1100, 700));
        stage.show();
    }

    @Test
    void theChartsFillAsTheInferenceRunsAndExportAsPngAndSvg(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.clickOn("Setup"); // the window opens on Welcome
        Spinner<?> samples = robot.lookup(".setup-samples").queryAs(Spinner.class);
        robot.interact(() -> samples.getEditor().setText("24"));
        robot.interact(() -> samples.commitValue());
        robot.clickOn(".infer-button");
        robot.clickOn("Live");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // the charts refresh every 100 ms
        WaitForAsyncUtils.waitForFxEvents();
        LiveView view = robot.lookup(".live-view").queryAs(LiveView.class);
        assertThat(view.points()).isPositive();
        assertThat(robot.lookup(".live-summary").queryAs(Label.class).getText()).startsWith("24 inferences: accuracy so far");
        robot.interact(() -> view.exportAll(dir));
        BufferedImage png = ImageIO.read(dir.resolve("energy-per-inference-simulated.png").toFile());
        assertThat(png.getWidth()).isEqualTo(ChartExport.WIDTH);
        String svg = Files.readString(dir.resolve("energy-per-inference-simulated.svg"));
        assertThat(svg).contains("<svg").contains("Energy per inference");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("six charts, two formats").isEqualTo(12);
        }
    }

    @Test
    void hiddenTheChartsTakeInDataWithoutDrawingAndRedrawOnceShown(FxRobot robot) throws Exception {
        LiveViewModel vm = new LiveViewModel(LiveViewModelTest.AT_ONCE, LiveViewModelTest.HALF_LOADED);
        LiveView[] view = new LiveView[1];
        robot.interact(() -> view[0] = new LiveView(vm));
        AtomicInteger redraws = new AtomicInteger();
        view[0].charts().get(0).addChangeListener(e -> redraws.incrementAndGet());
        robot.interact(() -> {
            view[0].shownProperty().set(false);
            vm.inferenceStarted(new int[20]);
        });
        redraws.set(0);
        for (int i = 0; i < 20; i++) {
            vm.result(i, LiveViewModelTest.result(0, 0.5, 1.5));
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view[0].points()).as("the data arrived").isEqualTo(20);
        assertThat(redraws.get()).as("but nothing was drawn").isZero();
        robot.interact(() -> view[0].shownProperty().set(true));
        assertThat(redraws.get()).isPositive();
    }
}
