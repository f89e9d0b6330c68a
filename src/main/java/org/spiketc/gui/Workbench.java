package org.spiketc.gui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.spiketc.gui.hotspots.HotspotsView;
import org.spiketc.gui.hotspots.HotspotsViewModel;
import org.spiketc.gui.live.LiveView;
import org.spiketc.gui.live.LiveViewModel;
import org.spiketc.gui.runs.RunsView;
import org.spiketc.gui.runs.RunsViewModel;
import org.spiketc.gui.setup.SetupView;
import org.spiketc.gui.setup.SetupViewModel;
import org.spiketc.store.RunRepository;

/**
 * The window's content wired together: the five views (F1 Welcome, F2 Setup, F3 Live, F4 Runs, F5 Hotspots) over
 * their ViewModels, one results store, one dialog service. What the window, the tests and the
 * responsiveness measurement put on a stage.
 */
public record Workbench(TabPane tabs, SetupViewModel setup, LiveViewModel live, LiveView liveView, RunsViewModel runs,
        HotspotsViewModel hotspots) {

    /** Tab positions: F1 Welcome, F2 Setup, F3 Live, F4 Runs, F5 Hotspots. */
    public static final int WELCOME = 0;
    public static final int SETUP = 1;
    public static final int LIVE = 2;
    public static final int RUNS = 3;
    public static final int HOTSPOTS = 4;

    public static Workbench build(RunRepository store, UiThread threads, Settings settings, DialogService dialogs) {
        RunsViewModel history = new RunsViewModel(store, threads);
        history.setDialogs(dialogs);
        SetupViewModel setup = new SetupViewModel(store, threads, settings);
        setup.setDialogs(dialogs);
        setup.setOnRecorded(history::refresh);
        LiveViewModel live = new LiveViewModel(threads.ui());
        setup.setLive(live);
        LiveView liveView = new LiveView(live);
        HotspotsViewModel hotspots = new HotspotsViewModel(store, threads);
        history.selectedProperty().addListener((o, a, b) -> hotspots.show(b));
        org.spiketc.gui.welcome.WelcomeViewModel welcome = new org.spiketc.gui.welcome.WelcomeViewModel(setup);
        TabPane tabs = new TabPane(tab("Welcome", new org.spiketc.gui.welcome.WelcomeView(welcome)), tab("Setup", new SetupView(setup)),
                tab("Live", liveView), tab("Runs", new RunsView(history)), tab("Hotspots", new HotspotsView(hotspots)));
        welcome.setOnStarted(() -> tabs.getSelectionModel().select(LIVE));
        liveView.shownProperty().bind(tabs.getTabs().get(LIVE).selectedProperty()); // no drawing behind another view
        tabs.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        history.refresh();
        return new Workbench(tabs, setup, live, liveView, history, hotspots);
    }

    /** Errors in dialogs over the window that shows these tabs. */
    public static Workbench build(RunRepository store, UiThread threads, Settings settings) {
        TabPane[] shown = new TabPane[1];
        Workbench w = build(store, threads, settings, DialogService.alerts(() -> shown[0].getScene() == null ? null
                : shown[0].getScene().getWindow()));
        shown[0] = w.tabs();
        return w;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }
}
