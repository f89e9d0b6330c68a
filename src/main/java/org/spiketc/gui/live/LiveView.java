package org.spiketc.gui.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataItem;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.spiketc.analysis.ProportionInterval;
import org.spiketc.gui.ChartExport;

/**
 * Live charts of a run (JFreeChart-FX), refreshed 12.5 times a second from {@link LiveViewModel}: energy
 * and latency per inference with running mean and 95th percentile, running accuracy, spike rate per
 * layer, and the host's CPU and memory while a compile runs. Right-click a chart to export it, or export
 * all of them at once.
 */
public final class LiveView extends BorderPane {
    /** 12.5 refreshes a second: at least ten even when a pulse runs late. */
    static final long REFRESH_MS = 80;
    private final XYSeries energy = new XYSeries("per image", true, true);
    private final XYSeries energyMean = new XYSeries("running mean", false, true);
    private final XYSeries energyP95 = new XYSeries("running p95", false, true);
    private final XYSeries latency = new XYSeries("per image", true, true);
    private final XYSeries latencyMean = new XYSeries("running mean", false, true);
    private final XYSeries latencyP95 = new XYSeries("running p95", false, true);
    private final XYSeries accuracy = new XYSeries("accuracy so far", false, true);
    private final XYSeries accuracyLow = new XYSeries("95 % interval (Wilson)", false, true);
    private final XYSeries accuracyHigh = new XYSeries("95 % interval, upper", false, true);
    private final DefaultCategoryDataset layerRates = new DefaultCategoryDataset();
    private final XYSeries cpu = new XYSeries("host CPU load", false, true);
    private final XYSeries jvm = new XYSeries("JVM heap used", false, true);
    private final XYSeries system = new XYSeries("system memory used", false, true);
    private final List<XYSeries> perInference = List.of(energy, energyMean, energyP95, latency, latencyMean, latencyP95, accuracy,
            accuracyLow, accuracyHigh);
    private final List<JFreeChart> charts = new ArrayList<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private boolean stale;
    private int stride = 1;
    private long received;
    private long refreshes;

    public LiveView(LiveViewModel vm) {
        getStyleClass().add("live-view");
        Label summary = new Label();
        summary.getStyleClass().add("live-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Button export = new Button("Export charts…");
        export.getStyleClass().add("export-charts-button");
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the live charts (PNG and SVG)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                exportAll(dir.toPath());
            }
        });
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(8, summary, export);
        top.setPadding(new Insets(8));
        GridPane grid = new GridPane();
        grid.add(viewer(perImage("Energy per inference (simulated)", "mJ", energy, energyMean, energyP95)), 0, 0);
        grid.add(viewer(perImage("Latency per inference (simulated)", "ms", latency, latencyMean, latencyP95)), 1, 0);
        JFreeChart accuracyChart = xy("Running accuracy", "inferences finished", "top-1", accuracy, accuracyLow, accuracyHigh);
        SamplingXYLineRenderer band = new SamplingXYLineRenderer();
        band.setSeriesPaint(0, new Color(0x4c78a8));
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
        for (int i = 1; i <= 2; i++) {
            band.setSeriesPaint(i, new Color(0x1f5f9e));
            band.setSeriesStroke(i, dashed);
        }
        band.setSeriesVisibleInLegend(2, false);
        accuracyChart.getXYPlot().setRenderer(band);
        grid.add(viewer(accuracyChart), 2, 0);
        JFreeChart rates = ChartFactory.createBarChart("Spike rate per layer (mean)", "layer", "spikes per neuron per step",
                layerRates, PlotOrientation.HORIZONTAL, false, true, false);
        rates.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        rates.getCategoryPlot().getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        grid.add(viewer(rates), 0, 1);
        grid.add(viewer(xy("Host CPU during the run (OSHI)", "seconds", "% of all cores", cpu)), 1, 1);
        grid.add(viewer(xy("Host memory during the run (OSHI)", "seconds", "MB", jvm, system)), 2, 1);
        setTop(top);
        setCenter(grid);
        vm.inferenceRunsProperty().addListener((o, a, b) -> clear());
        shown.addListener((o, a, b) -> {
            if (b) {
                redrawIfStale();
            }
        });
        vm.hostRunsProperty().addListener((o, a, b) -> {
            cpu.clear();
            jvm.clear();
            system.clear();
        });
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(REFRESH_MS), e -> add(vm.drain())));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    /** Resets the inference charts for a new run. */
    public void clear() {
        perInference.forEach(XYSeries::clear);
        layerRates.clear();
        stride = 1;
        received = 0;
    }

    /** Writes every chart as PNG and SVG into a folder, named after their titles. */
    public void exportAll(Path dir) {
        for (JFreeChart c : charts) {
            String base = c.getTitle().getText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            try {
                ChartExport.write(c, dir.resolve(base + ".png"));
                ChartExport.write(c, dir.resolve(base + ".svg"));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private void add(LiveViewModel.Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        refreshes++;
        for (LiveViewModel.Point p : batch.points()) {
            if (received++ % stride != 0) {
                continue;
            }
            energy.add(p.x(), p.energyMj(), false);
            latency.add(p.x(), p.latencyMs(), false);
            accuracy.add(p.finished(), p.accuracy(), false);
            // the interval says how far the accuracy so far may still move: wide over the first images
            ProportionInterval ci = ProportionInterval.wilson95((int) Math.round(p.accuracy() * p.finished()), (int) p.finished());
            accuracyLow.add(p.finished(), ci.low(), false);
            accuracyHigh.add(p.finished(), ci.high(), false);
            if (energy.getItemCount() > LiveViewModel.MAX_POINTS) {
                perInference.forEach(LiveView::thin);
                stride *= 2;
            }
        }
        LiveViewModel.Running r = batch.running();
        if (r != null) {
            // Running figures against the inferences finished so far, on the image axis's scale.
            energyMean.add(r.finished(), r.energyMean(), false);
            energyP95.add(r.finished(), r.energyP95(), false);
            latencyMean.add(r.finished(), r.latencyMean(), false);
            latencyP95.add(r.finished(), r.latencyP95(), false);
            // One change event per chart: each redraws once per refresh, whatever number of series changed.
            if (shown.get()) {
                energy.fireSeriesChanged();
                latency.fireSeriesChanged();
                accuracy.fireSeriesChanged();
            }
            if (refreshes % 5 == 1 || !shown.get()) { // rates settle within the first images: 2.5 redraws a second are plenty
                layerRates.setNotify(false);
                for (Map.Entry<String, Double> e : batch.layerRates().entrySet()) {
                    layerRates.setValue(e.getValue(), "rate", e.getKey());
                }
                layerRates.setNotify(shown.get());
            }
        }
        for (LiveViewModel.HostPoint h : batch.host()) {
            cpu.add(h.seconds(), h.cpuPercent(), false);
            jvm.add(h.seconds(), h.jvmUsedMb(), false);
            system.add(h.seconds(), h.systemUsedMb(), false);
        }
        if (!batch.host().isEmpty() && shown.get()) {
            cpu.fireSeriesChanged();
            system.fireSeriesChanged();
        }
        stale |= !shown.get();
    }

    /**
     * Whether the view is on screen (its tab selected). Hidden, the charts take in data without drawing
     * it; shown again, each redraws once.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void redrawIfStale() {
        if (stale) {
            stale = false;
            energy.fireSeriesChanged();
            latency.fireSeriesChanged();
            accuracy.fireSeriesChanged();
            cpu.fireSeriesChanged();
            system.fireSeriesChanged();
            layerRates.setNotify(true);
        }
    }

    /** Keeps every other point: the display's resolution, not the run's data (that is in the store). */
    private static void thin(XYSeries s) {
        List<XYDataItem> kept = new ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i += 2) {
            kept.add(s.getDataItem(i));
        }
        s.clear();
        kept.forEach(p -> s.add(p, false));
    }

    /**
     * Per-image values drawn by a sampling renderer (one vertical stroke per pixel column however many
     * points fall in it, so drawing cost follows the chart's width, not the run's length), with the
     * running mean and 95th percentile over them as ordinary lines.
     */
    private static JFreeChart perImage(String title, String unit, XYSeries values, XYSeries mean, XYSeries p95) {
        JFreeChart chart = xy(title, "image", unit, mean, p95);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, new Color(0xe45756));
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, new Color(0xf58518));
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        SamplingXYLineRenderer sampled = new SamplingXYLineRenderer();
        sampled.setSeriesPaint(0, new Color(0x4c78a8));
        plot.setRenderer(0, lines);
        plot.setDataset(1, new XYSeriesCollection(values));
        plot.setRenderer(1, sampled);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // per-image values first, running lines on top
        // The sampling renderer draws no legend key of its own: a fixed legend, one line key per series.
        Line2D key = new Line2D.Double(-8, 0, 8, 0);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("per image", null, null, null, key, new BasicStroke(2f), new Color(0x4c78a8)));
        legend.add(new LegendItem("running mean", null, null, null, key, lines.getSeriesStroke(0), lines.getSeriesPaint(0)));
        legend.add(new LegendItem("running p95", null, null, null, key, lines.getSeriesStroke(1), lines.getSeriesPaint(1)));
        plot.setFixedLegendItems(legend);
        return chart;
    }

    private static JFreeChart xy(String title, String x, String unit, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart(title, x, unit, data, PlotOrientation.VERTICAL, series.length > 1, true, false);
    }

    private ChartViewer viewer(JFreeChart chart) {
        charts.add(chart);
        ChartViewer v = new ChartViewer(chart);
        v.getStyleClass().add("live-chart");
        v.setPrefSize(360, 300);
        GridPane.setHgrow(v, Priority.ALWAYS);
        GridPane.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    int points() {
        return energy.getItemCount();
    }

    /** Timeline ticks that brought data: the charts' refreshes, for the responsiveness measurement. */
    public long refreshes() {
        return refreshes;
    }

    /** The charts, for export and tests. */
    public List<JFreeChart> charts() {
        return List.copyOf(charts);
    }
}
