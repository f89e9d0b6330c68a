package org.spiketc.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.spiketc.gui.hotspots.HotspotsView;
import org.spiketc.gui.hotspots.HotspotsViewModel;
import org.spiketc.gui.live.LiveView;
import org.spiketc.gui.live.LiveViewModel;
import org.spiketc.gui.runs.RunsView;
import org.spiketc.gui.runs.RunsViewModel;
import org.spiketc.gui.setup.SetupView;
import org.spiketc.gui.setup.SetupViewModel;
import org.spiketc.report.Version;
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
        TabPane tabs = content(runs, UiThread.javafx(), settings);
        Scene scene = new Scene(tabs, settings.getDouble("window.width", 1100), settings.getDouble("window.height", 720));
        // F1..F4 switch views; the Setup buttons carry Alt mnemonics (Alt+C compile, Alt+R run, Alt+A cancel)
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("F" + (i + 1))),
                    () -> tabs.getSelectionModel().select(tab));
        }
        tabs.getSelectionModel().select(Math.max(0, Math.min(tabs.getTabs().size() - 1, settings.getInt("window.tab", 0))));
        stage.setScene(scene);
        stage.setTitle("Spike-Transformer-Compiler Workbench " + Version.get());
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
    }

    /** Opens the window on a results database and returns when it is closed. */
    public static void launchWith(String dbUrl) {
        Application.launch(WorkbenchApp.class, "--db=" + dbUrl);
    }

    /** The window's content, also what the tests put on a stage (errors go to dialogs over its window). */
    public static TabPane content(RunRepository runs, UiThread threads) {
        return content(runs, threads, Settings.inMemory());
    }

    public static TabPane content(RunRepository runs, UiThread threads, Settings settings) {
        TabPane[] holder = new TabPane[1];
        TabPane tabs = content(runs, threads, settings, DialogService.alerts(() -> holder[0].getScene() == null ? null
                : holder[0].getScene().getWindow()));
        holder[0] = tabs;
        return tabs;
    }

    public static TabPane content(RunRepository runs, UiThread threads, Settings settings, DialogService dialogs) {
        RunsViewModel history = new RunsViewModel(runs, threads);
        history.setDialogs(dialogs);
        SetupViewModel setup = new SetupViewModel(runs, threads, settings);
        setup.setDialogs(dialogs);
        setup.setOnRecorded(history::refresh);
        LiveViewModel liveModel = new LiveViewModel(threads.ui());
        setup.setLive(liveModel);
        HotspotsViewModel hotspots = new HotspotsViewModel(runs, threads);
        history.selectedProperty().addListener((o, a, b) -> hotspots.show(b));
        TabPane tabs = new TabPane(tab("Setup", new SetupView(setup)), tab("Live", new LiveView(liveModel)),
                tab("Runs", new RunsView(history)), tab("Hotspots", new HotspotsView(hotspots)));
        history.refresh();
        return tabs;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }
}
