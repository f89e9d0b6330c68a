package org.spiketc.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.util.ExportUtils;
import org.spiketc.common.UserInputException;

/** Writes a chart to a file, PNG or SVG by the file's extension (JFreeChart's exporters; SVG through JFreeSVG). */
public final class ChartExport {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartExport() {
    }

    public static void write(JFreeChart chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            ExportUtils.writeAsSVG(chart, WIDTH, HEIGHT, file.toFile());
        } else if (name.endsWith(".png")) {
            ExportUtils.writeAsPNG(chart, WIDTH, HEIGHT, file.toFile());
        } else {
            throw new UserInputException("cannot export a chart as " + file.getFileName() + ": choose a .png or .svg file name");
        }
    }
}
