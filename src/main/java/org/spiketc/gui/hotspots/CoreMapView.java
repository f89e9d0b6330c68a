package org.spiketc.gui.hotspots;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The core/chip map: one grid per chip, each used core a cell coloured by its load (pale to dark red),
 * unused cores outlined. Hovering shows a core's values; clicking puts them, and its layer, in the panel.
 */
final class CoreMapView extends BorderPane {
    private static final double MAX_CELL = 22;
    private static final double MIN_CELL = 4;
    private final FlowPane chips = new FlowPane(16, 16);
    private final Label legend = new Label();
    private final Label details = new Label("Click a core for its values");

    CoreMapView(HotspotsViewModel vm) {
        getStyleClass().add("core-map");
        chips.setPadding(new Insets(8));
        details.setWrapText(true);
        details.setPrefWidth(260);
        details.setPadding(new Insets(8));
        details.getStyleClass().add("core-details");
        legend.setPadding(new Insets(4, 8, 4, 8));
        setTop(legend);
        setCenter(new ScrollPane(chips));
        setRight(details);
        vm.coreMapProperty().addListener((o, a, b) -> show(b));
    }

    private void show(HotspotsViewModel.CoreMapData map) {
        chips.getChildren().clear();
        details.setText(map != null && map.chipLevel() ? "Click a chip for its values" : "Click a core for its values");
        if (map == null) {
            legend.setText("No core map: this run's result has none (runs of this version store one)");
            return;
        }
        List<Integer> ids = map.chips();
        legend.setText(map.chipLevel() ? String.format(Locale.ROOT, "%d chips; colour: %s (white 0, dark red 1); hover or click a chip",
                map.cells().size(), map.loadMeaning()) : String.format(Locale.ROOT, "%d cores on %d chip(s); colour: %s (white 0, dark red 1); "
                + "hover for values, click for details", map.cells().size(), ids.size(), map.loadMeaning()));
        double cell = Math.max(MIN_CELL, Math.min(MAX_CELL, 360.0 / Math.max(map.columns(), map.rows())));
        for (int chip : ids) {
            List<HotspotsViewModel.CoreCell> cells = map.cells().stream().filter(c -> c.chip() == chip).toList();
            Canvas canvas = new Canvas(map.columns() * cell + 1, map.rows() * cell + 1);
            canvas.getStyleClass().add("chip-canvas");
            draw(canvas.getGraphicsContext2D(), map, cells, cell);
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(canvas, tip);
            canvas.setOnMouseMoved(e -> at(cells, cell, e.getX(), e.getY()).ifPresentOrElse(
                    c -> tip.setText(map.chipLevel() ? c.detail() : "core " + c.core() + "\n" + c.detail()),
                    () -> tip.setText(map.chipLevel() ? "no chip here" : "chip " + chip + ": no core here")));
            canvas.setOnMouseClicked(e -> at(cells, cell, e.getX(), e.getY()).ifPresent(
                    c -> details.setText(map.chipLevel() ? c.detail() : "Chip " + chip + ", core " + c.core() + "\n" + c.detail())));
            chips.getChildren().add(new VBox(4, new Label(map.chipLevel() ? "the system's chips, in order"
                    : "chip " + chip + " (" + cells.size() + " cores used)"), canvas));
        }
    }

    private static Optional<HotspotsViewModel.CoreCell> at(List<HotspotsViewModel.CoreCell> cells, double size, double x, double y) {
        int col = (int) (x / size);
        int row = (int) (y / size);
        return cells.stream().filter(c -> c.column() == col && c.row() == row).findFirst();
    }

    private static void draw(GraphicsContext g, HotspotsViewModel.CoreMapData map, List<HotspotsViewModel.CoreCell> cells, double size) {
        g.setStroke(Color.gray(0.8));
        for (int c = 0; c < map.columns(); c++) {
            for (int r = 0; r < map.rows(); r++) {
                g.strokeRect(c * size + 0.5, r * size + 0.5, size - 1, size - 1);
            }
        }
        for (HotspotsViewModel.CoreCell c : cells) {
            g.setFill(colour(c.load()));
            g.fillRect(c.column() * size + 1, c.row() * size + 1, size - 2, size - 2);
        }
    }

    /** White through orange to dark red: light for idle cores, dark for the busiest. */
    static Color colour(double load) {
        double t = Math.max(0, Math.min(1, load));
        return t < 0.5 ? Color.WHITE.interpolate(Color.web("#f58518"), t * 2) : Color.web("#f58518").interpolate(Color.web("#7f0000"), t * 2 - 1);
    }
}
