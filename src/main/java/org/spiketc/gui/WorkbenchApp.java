package org.spiketc.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
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
        stage.setScene(new Scene(content(runs, UiThread.javafx()), 1100, 720));
        stage.setTitle("Spike-Transformer-Compiler Workbench " + Version.get());
        stage.show();
    }

    /** Opens the window on a results database and returns when it is closed. */
    public static void launchWith(String dbUrl) {
        Application.launch(WorkbenchApp.class, "--db=" + dbUrl);
    }

    /** The window's content, also what the tests put on a stage. */
    public static TabPane content(RunRepository runs, UiThread threads) {
        RunsViewModel history = new RunsViewModel(runs, threads);
        SetupViewModel setup = new SetupViewModel(runs, threads);
        setup.setOnRecorded(history::refresh);
        LiveViewModel liveModel = new LiveViewModel();
        LiveView liveView = new LiveView(liveModel);
        Tab setupTab = new Tab("Setup", new SetupView(setup));
        Tab liveTab = new Tab("Live", liveView);
        Tab runsTab = new Tab("Runs", new RunsView(history));
        setup.setLive(liveModel, labels -> {
            liveView.clear();
            liveModel.start(labels);
        });
        setupTab.setClosable(false);
        liveTab.setClosable(false);
        runsTab.setClosable(false);
        TabPane tabs = new TabPane(setupTab, liveTab, runsTab);
        history.refresh();
        return tabs;
    }
}
