package org.spiketc.gui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.spiketc.gui.hotspots.HotspotsView;
import org.spiketc.gui.hotspots.HotspotsViewModel;
import org.spiketc.gui.live.LiveView;
import org.spiketc.gui.live.LiveViewModel;
import org.spiketc.gui.runs.RunsView;
import org.spiketc.gui.runs.RunsViewModel;
import org.spiketc.gui.setup.RunSubmission;
import org.spiketc.gui.setup.SetupForm;
import org.spiketc.gui.setup.SetupView;
import org.spiketc.gui.setup.SetupViewModel;
import org.spiketc.gui.welcome.WelcomeView;
import org.spiketc.gui.welcome.WelcomeViewModel;
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

    /** @param threads where work runs (the window's threads, or the calling thread in tests) */
    public static Workbench build(RunRepository store, WorkbenchThreads threads, Settings settings, DialogService dialogs) {
        BackgroundTasks tasks = new BackgroundTasks(threads, dialogs);
        RunsViewModel history = new RunsViewModel(store, tasks);
        LiveViewModel live = new LiveViewModel(tasks);
        SetupViewModel setup = new SetupViewModel(new SetupForm(tasks, settings), new RunSubmission(store, tasks, live, history::refresh));
        LiveView liveView = new LiveView(live);
        HotspotsViewModel hotspots = new HotspotsViewModel(store, tasks);
        history.selectedProperty().addListener((o, a, b) -> hotspots.show(b));
        WelcomeViewModel welcome = new WelcomeViewModel(setup.submission());
        TabPane tabs = new TabPane(tab("Welcome", new WelcomeView(welcome)), tab("Setup", new SetupView(setup)),
                tab("Live", liveView), tab("Runs", new RunsView(history)), tab("Hotspots", new HotspotsView(hotspots)));
        welcome.setOnStarted(() -> tabs.getSelectionModel().select(LIVE));
        liveView.shownProperty().bind(tabs.getTabs().get(LIVE).selectedProperty()); // no drawing behind another view
        tabs.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        history.refresh();
        return new Workbench(tabs, setup, live, liveView, history, hotspots);
    }

    /** Errors in dialogs over the window that shows these tabs. */
    public static Workbench build(RunRepository store, WorkbenchThreads threads, Settings settings) {
        TabPane[] shown = new TabPane[1];
        Workbench w = build(store, threads, settings, DialogService.alerts(() -> shown[0].getScene() == null ? null
                : shown[0].getScene().getWindow()));
        shown[0] = w.tabs();
        return w;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }
}
