package org.spiketc.gui.hotspots;

import static org.spiketc.gui.Columns.number;
import static org.spiketc.gui.Columns.text;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A run's hotspots: the pass timeline with the pass table and, for the selected pass, the layers it
 * changed; the layers by synaptic operations; the core/chip map. Click a bar or a row to drill down.
 */
public final class HotspotsView extends BorderPane {
    public HotspotsView(HotspotsViewModel vm) {
        getStyleClass().add("hotspots-view");
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.setPadding(new Insets(8));

        TableView<HotspotsViewModel.PassRow> passes = new TableView<>(vm.passes());
        passes.getStyleClass().add("passes-table");
        passes.getColumns().add(text("pass", HotspotsViewModel.PassRow::pass, 160));
        passes.getColumns().add(number("wall ms", HotspotsViewModel.PassRow::wallMs, "%.2f", 80));
        passes.getColumns().add(number("self ms", HotspotsViewModel.PassRow::selfMs, "%.2f", 80));
        passes.getColumns().add(number("CPU ms", HotspotsViewModel.PassRow::cpuMs, "%.2f", 80));
        passes.getColumns().add(number("allocated MB", HotspotsViewModel.PassRow::allocatedMb, "%.2f", 100));
        passes.getColumns().add(number("layers changed", r -> (double) r.layers().stream().map(HotspotsViewModel.LayerChange::layer)
                .distinct().count(), "%.0f", 110));
        passes.getColumns().add(text("IR change", HotspotsViewModel.PassRow::irChange, 260));
        passes.getColumns().add(text("counters", HotspotsViewModel.PassRow::notes, 260));
        passes.setPlaceholder(new Label("No passes: select a compile run in Runs"));
        passes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedPassProperty().set(b));

        TableView<HotspotsViewModel.LayerChange> changes = new TableView<>(vm.passLayers());
        changes.getStyleClass().add("pass-layers-table");
        changes.getColumns().add(text("layer", HotspotsViewModel.LayerChange::layer, 240));
        changes.getColumns().add(text("what changed", c -> c.metric().replace('_', ' '), 200));
        changes.getColumns().add(number("value", HotspotsViewModel.LayerChange::value, "%.5g", 110));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.setPlaceholder(new Label("Select a pass to see the layers it changed"));

        ChartViewer timeline = new ChartViewer(timeline(List.of()));
        timeline.getStyleClass().add("pass-timeline");
        vm.passes().addListener((ListChangeListener<HotspotsViewModel.PassRow>) c -> timeline.setChart(timeline(List.copyOf(vm.passes()))));
        timeline.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item && item.getItem() < vm.passes().size()) {
                    passes.getSelectionModel().select(vm.passes().get(item.getItem()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        SplitPane below = new SplitPane(passes, changes);
        below.setDividerPositions(0.62);
        SplitPane passSplit = new SplitPane(timeline, below);
        passSplit.setOrientation(Orientation.VERTICAL);
        passSplit.setDividerPositions(0.42);

        TableView<HotspotsViewModel.LayerRow> layers = new TableView<>(vm.layers());
        layers.getStyleClass().add("layers-table");
        // one screen wide at the default 1280 px: the chip's overflow stands next to the quantization behind it;
        // counts and energy are per inference (simulated), as the user guide says
        layers.getColumns().add(text("layer", HotspotsViewModel.LayerRow::layer, 200));
        layers.getColumns().add(text("engine", HotspotsViewModel.LayerRow::engine, 75));
        layers.getColumns().add(number("synaptic ops", HotspotsViewModel.LayerRow::synapticOps, "%,.0f", 125));
        layers.getColumns().add(number("share", r -> 100 * r.share(), "%.1f %%", 65));
        layers.getColumns().add(number("syn. energy mJ", HotspotsViewModel.LayerRow::synapticEnergyMj, "%.5f", 140));
        layers.getColumns().add(number("spikes / inf.", HotspotsViewModel.LayerRow::spikes, "%,.0f", 95));
        layers.getColumns().add(number("firing rate", HotspotsViewModel.LayerRow::firingRate, "%.3f", 80));
        layers.getColumns().add(number("u wraps", HotspotsViewModel.LayerRow::currentWraps, "%.3g", 100));
        layers.getColumns().add(number("v saturations", HotspotsViewModel.LayerRow::voltageClips, "%.3g", 130));
        layers.getColumns().add(number("weight RMSE", HotspotsViewModel.LayerRow::weightError, "%.4f", 115));
        layers.getColumns().add(number("range use", HotspotsViewModel.LayerRow::rangeUse, "%.3f", 80));
        layers.setPlaceholder(new Label("No layers: select an inference run in Runs"));

        TabPane tabs = new TabPane(tab("Passes", passSplit), tab("Layers", layers), tab("Core map", new CoreMapView(vm)));
        tabs.getStyleClass().add("hotspots-tabs");
        vm.focusProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(b.equals("layers") ? 1 : 0));
        setTop(title);
        setCenter(tabs);
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    /** One horizontal bar per pass from its start to its end in the pipeline; hover for the values. */
    static JFreeChart timeline(List<HotspotsViewModel.PassRow> rows) {
        XYIntervalSeries bars = new XYIntervalSeries("passes");
        for (int i = 0; i < rows.size(); i++) {
            HotspotsViewModel.PassRow r = rows.get(i);
            bars.add(i, i - 0.35, i + 0.35, r.startMs(), r.startMs(), r.startMs() + r.wallMs());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        JFreeChart chart = ChartFactory.createXYBarChart("Pass timeline", "pass", false, "milliseconds since the pipeline began", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new SymbolAxis("pass", rows.stream().map(HotspotsViewModel.PassRow::pass).toArray(String[]::new)));
        plot.getDomainAxis().setInverted(true);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setSeriesPaint(0, new Color(0x4c78a8));
        renderer.setDefaultToolTipGenerator((d, s, item) -> {
            HotspotsViewModel.PassRow r = rows.get(item);
            return String.format(Locale.ROOT, "%s: %.2f ms (self %.2f ms, CPU %.2f ms), %.2f MB allocated; %s", r.pass(), r.wallMs(),
                    r.selfMs(), r.cpuMs(), r.allocatedMb(), r.irChange());
        });
        plot.setRenderer(renderer);
        return chart;
    }
}
