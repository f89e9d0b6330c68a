package org.spiketc.gui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import org.spiketc.result.Version;
import org.spiketc.store.Database;
import org.spiketc.store.JdbcRunRepository;
import org.spiketc.store.RunRepository;

/** The workbench window. Started by {@code stc gui} through {@code Launcher} (a shaded jar cannot start an Application class itself). */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        String url = getParameters().getNamed().getOrDefault("db", Database.defaultUrl());
        RunRepository runs = new JdbcRunRepository(Database.open(url));
        Settings settings = Settings.user();
        Workbench workbench = Workbench.build(runs, WorkbenchThreads.javafx(), settings);
        TabPane tabs = workbench.tabs();
        Scene scene = new Scene(tabs, settings.getDouble("window.width", 1280), settings.getDouble("window.height", 800));
        // F1..F5 switch views; buttons carry Alt mnemonics (Alt+C compile, Alt+R run inference, Alt+S sweep, Alt+A cancel, ...)
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("F" + (i + 1))),
                    () -> tabs.getSelectionModel().select(tab));
        }
        tabs.getSelectionModel().select(Math.max(0, Math.min(tabs.getTabs().size() - 1, settings.getInt("window.tab", 0))));
        stage.setScene(scene);
        stage.setTitle("Spike-Transformer-Compiler Workbench " + Version.get());
        var icon = WorkbenchApp.class.getResourceAsStream("/org/spiketc/assets/icon/stc.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnHidden(e -> {
            settings.put("window.width", Double.toString(scene.getWidth()));
            settings.put("window.height", Double.toString(scene.getHeight()));
            settings.put("window.x", Double.toString(stage.getX()));
            settings.put("window.y", Double.toString(stage.getY()));
            settings.put("window.tab", Integer.toString(tabs.getSelectionModel().getSelectedIndex()));
        });
        stage.show();
        ChartWarmUp.start();
        String measure = getParameters().getNamed().get("measure-responsiveness");
        if (measure != null) {
            Path json = Path.of(getParameters().getNamed().get("json"));
            Responsiveness.start(workbench, Integer.parseInt(measure), Responsiveness.WARM_UP, json, () -> {
                System.out.println("wrote " + json.toAbsolutePath());
                Platform.exit();
            });
        }
    }

    /** Opens the window on a results database and returns when it is closed. */
    public static void launchWith(String dbUrl) {
        Application.launch(WorkbenchApp.class, "--db=" + dbUrl);
    }

    /**
     * Opens the window, runs a live inference of {@code samples} images while measuring the window's
     * responsiveness ({@link Responsiveness}), writes the report to {@code json} and closes.
     */
    public static void measureResponsiveness(String dbUrl, int samples, Path json) {
        Application.launch(WorkbenchApp.class, "--db=" + dbUrl, "--measure-responsiveness=" + samples, "--json=" + json);
    }

    /** The window's content, also what the tests put on a stage (errors go to dialogs over its window). */
    public static TabPane content(RunRepository runs, WorkbenchThreads threads) {
        return Workbench.build(runs, threads, Settings.inMemory()).tabs();
    }
}
