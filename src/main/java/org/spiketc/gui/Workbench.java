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
 * The window's content wired together: the four views (F1 Setup, F2 Live, F3 Runs, F4 Hotspots) over
 * their ViewModels, one results store, one dialog service. What the window, the tests and the
 * responsiveness measurement put on a stage.
 */
public record Workbench(TabPane tabs, SetupViewModel setup, LiveViewModel live, LiveView liveView, RunsViewModel runs,
        HotspotsViewModel hotspots) {

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
        TabPane tabs = new TabPane(tab("Setup", new SetupView(setup)), tab("Live", liveView), tab("Runs", new RunsView(history)),
                tab("Hotspots", new HotspotsView(hotspots)));
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
