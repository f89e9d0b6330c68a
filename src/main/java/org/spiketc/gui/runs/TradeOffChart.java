package org.spiketc.gui.runs;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.spiketc.store.StoredRun;

/**
 * Accuracy against energy per inference, one point per run, the Pareto front drawn as a line. Hovering a
 * point shows its run and values; clicking it opens the run (selects it in the history).
 */
final class TradeOffChart extends ChartViewer {
    private List<RunsViewModel.TradeOff> shown = List.of();

    TradeOffChart(ObservableList<RunsViewModel.TradeOff> points, Consumer<StoredRun> open) {
        super(chart(List.of()));
        getStyleClass().add("tradeoff-chart");
        points.addListener((ListChangeListener<RunsViewModel.TradeOff>) c -> {
            shown = List.copyOf(points);
            setChart(chart(shown));
        });
        addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item) {
                    pick(item.getSeriesIndex(), item.getItem()).ifPresent(open);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
    }

    /** Series 0 holds the front in energy order, series 1 every run in list order. */
    private Optional<StoredRun> pick(int series, int item) {
        List<RunsViewModel.TradeOff> list = series == 0 ? front(shown) : shown;
        return item < list.size() ? Optional.of(list.get(item).run()) : Optional.empty();
    }

    private static List<RunsViewModel.TradeOff> front(List<RunsViewModel.TradeOff> all) {
        return all.stream().filter(RunsViewModel.TradeOff::onFront)
                .sorted(Comparator.comparingDouble(RunsViewModel.TradeOff::energyMj)).toList();
    }

    private static JFreeChart chart(List<RunsViewModel.TradeOff> points) {
        XYSeries front = new XYSeries("Pareto front", false, true);
        XYSeries runs = new XYSeries("runs", false, true);
        front(points).forEach(p -> front.add(p.energyMj(), 100 * p.accuracy()));
        points.forEach(p -> runs.add(p.energyMj(), 100 * p.accuracy()));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(front);
        data.addSeries(runs);
        JFreeChart chart = ChartFactory.createXYLineChart("Accuracy against energy (simulated)", "energy per inference (mJ)",
                "accuracy (%)", data, PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesPaint(0, new Color(0xe45756));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesPaint(1, new Color(0x4c78a8));
        List<RunsViewModel.TradeOff> frontList = front(points);
        r.setDefaultToolTipGenerator((dataset, series, item) -> {
            RunsViewModel.TradeOff p = (series == 0 ? frontList : points).get(item);
            return String.format(Locale.ROOT, "#%d %s: %.2f %%, %.4f mJ%s", p.run().id(), p.run().testName(), 100 * p.accuracy(),
                    p.energyMj(), p.onFront() ? " (Pareto front)" : "");
        });
        r.setDefaultItemLabelGenerator((dataset, series, item) -> series == 0 ? null : "#" + points.get(item).run().id());
        r.setSeriesItemLabelsVisible(1, true);
        chart.getXYPlot().setRenderer(r);
        chart.getXYPlot().getRangeAxis().setAutoRange(true);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
