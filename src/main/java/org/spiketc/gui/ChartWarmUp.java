package org.spiketc.gui;

import java.awt.Rectangle;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXGraphics2D;

/**
 * Draws charts like the live view's a few times on a detached canvas, on a background thread, when the
 * window opens: the chart classes load and the JIT compiles their drawing code before a first run asks
 * the application thread to draw them. (A canvas that is in no scene may be drawn on from any thread.)
 */
public final class ChartWarmUp {
    private ChartWarmUp() {
    }

    public static void start() {
        Thread t = new Thread(ChartWarmUp::run, "workbench-chart-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run() {
        XYSeries series = new XYSeries("warm-up");
        for (int i = 0; i < 2000; i++) {
            series.add(i, Math.sin(i / 50.0));
        }
        JFreeChart line = ChartFactory.createXYLineChart("warm-up", "x", "y", new XYSeriesCollection(series), PlotOrientation.VERTICAL,
                true, true, false);
        JFreeChart sampled = ChartFactory.createXYLineChart("warm-up", "x", "y", new XYSeriesCollection(series), PlotOrientation.VERTICAL,
                true, true, false);
        sampled.getXYPlot().setRenderer(new SamplingXYLineRenderer());
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (int i = 0; i < 12; i++) {
            bars.setValue(i / 12.0, "rate", "layer." + i);
        }
        JFreeChart bar = ChartFactory.createBarChart("warm-up", "layer", "rate", bars, PlotOrientation.HORIZONTAL, false, true, false);
        Canvas canvas = new Canvas(400, 300);
        FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
        for (int i = 0; i < 30; i++) {
            for (JFreeChart c : new JFreeChart[] {line, sampled, bar}) {
                c.draw(g, new Rectangle(400, 300));
            }
        }
    }
}
