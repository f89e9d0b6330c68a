package org.spiketc.gui.live;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Live charts of an inference run (JFreeChart-FX), refreshed ten times a second from {@link LiveViewModel}. */
public final class LiveView extends BorderPane {
    private final XYSeries energy = new XYSeries("energy per inference (mJ, simulated)", true, true);
    private final XYSeries latency = new XYSeries("latency per inference (ms, simulated)", true, true);
    private final XYSeries accuracy = new XYSeries("accuracy so far", false, true);
    private int stride = 1;
    private long received;

    public LiveView(LiveViewModel vm) {
        getStyleClass().add("live-view");
        Label summary = new Label();
        summary.getStyleClass().add("live-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPadding(new Insets(8));
        GridPane charts = new GridPane();
        charts.add(viewer(energy, "Energy per inference", "image", "mJ"), 0, 0);
        charts.add(viewer(latency, "Latency per inference", "image", "ms"), 1, 0);
        charts.add(viewer(accuracy, "Running accuracy", "inferences finished", "top-1"), 0, 1, 2, 1);
        setTop(summary);
        setCenter(charts);
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(100), e -> add(vm.drain())));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    /** Resets the charts for a new run. */
    public void clear() {
        energy.clear();
        latency.clear();
        accuracy.clear();
        stride = 1;
        received = 0;
    }

    private void add(java.util.List<LiveViewModel.Point> points) {
        for (LiveViewModel.Point p : points) {
            if (received++ % stride != 0) {
                continue;
            }
            energy.add(p.x(), p.energyMj(), false);
            latency.add(p.x(), p.latencyMs(), false);
            accuracy.add(p.finished(), p.accuracy(), false);
            if (energy.getItemCount() > LiveViewModel.MAX_POINTS) {
                thin(energy);
                thin(latency);
                thin(accuracy);
                stride *= 2;
            }
        }
        if (!points.isEmpty()) {
            energy.fireSeriesChanged();
            latency.fireSeriesChanged();
            accuracy.fireSeriesChanged();
        }
    }

    /** Keeps every other point: the display's resolution, not the run's data (that is in the store). */
    private static void thin(XYSeries s) {
        java.util.List<org.jfree.data.xy.XYDataItem> kept = new java.util.ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i += 2) {
            kept.add(s.getDataItem(i));
        }
        s.clear();
        kept.forEach(p -> s.add(p, false));
    }

    private static ChartViewer viewer(XYSeries series, String title, String x, String unit) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, unit, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, false, true, false);
        ChartViewer v = new ChartViewer(chart);
        v.getStyleClass().add("live-chart");
        v.setPrefSize(520, 280);
        GridPane.setHgrow(v, Priority.ALWAYS);
        GridPane.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    int points() {
        return energy.getItemCount();
    }
}
