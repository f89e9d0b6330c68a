package org.spiketc.gui.runs;

import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The compared runs' per-sample values, one chart per metric, one line per run (right-click to export). */
final class OverlayChart extends HBox {
    /** Most points drawn per line; longer series are thinned for display. */
    private static final int MAX_POINTS = 2000;

    OverlayChart(ObservableList<RunsViewModel.Overlay> overlays) {
        getStyleClass().add("overlay-chart");
        setSpacing(4);
        overlays.addListener((ListChangeListener<RunsViewModel.Overlay>) c -> show(List.copyOf(overlays)));
    }

    private void show(List<RunsViewModel.Overlay> overlays) {
        Map<String, XYSeriesCollection> byMetric = new LinkedHashMap<>();
        for (RunsViewModel.Overlay o : overlays) {
            XYSeries s = new XYSeries(o.run(), true, true);
            int step = Math.max(1, o.x().length / MAX_POINTS);
            for (int i = 0; i < o.x().length; i += step) {
                s.add(o.x()[i], o.y()[i], false);
            }
            byMetric.computeIfAbsent(o.metric(), k -> new XYSeriesCollection()).addSeries(s);
        }
        getChildren().clear();
        byMetric.forEach((metric, data) -> {
            JFreeChart chart = ChartFactory.createXYLineChart(metric, "sample", null, data, PlotOrientation.VERTICAL, true, true, false);
            chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
            ChartViewer v = new ChartViewer(chart);
            v.setPrefSize(420, 260);
            HBox.setHgrow(v, Priority.ALWAYS);
            getChildren().add(v);
        });
    }

    /** The charts shown, for tests and export. */
    List<JFreeChart> charts() {
        return getChildren().stream().map(n -> ((ChartViewer) n).getChart()).toList();
    }
}
