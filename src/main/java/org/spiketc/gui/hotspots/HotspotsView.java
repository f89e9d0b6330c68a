package org.spiketc.gui.hotspots;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** Sortable tables of a run's hotspots: passes by time, layers by synaptic operations. */
public final class HotspotsView extends BorderPane {
    public HotspotsView(HotspotsViewModel vm) {
        getStyleClass().add("hotspots-view");
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.setPadding(new Insets(8));
        TableView<HotspotsViewModel.PassRow> passes = new TableView<>(vm.passes());
        passes.getStyleClass().add("passes-table");
        passes.getColumns().add(text("pass", HotspotsViewModel.PassRow::pass, 170));
        passes.getColumns().add(number("wall ms", HotspotsViewModel.PassRow::wallMs, "%.2f", 90));
        passes.getColumns().add(number("CPU ms", HotspotsViewModel.PassRow::cpuMs, "%.2f", 90));
        passes.getColumns().add(number("allocated MB", HotspotsViewModel.PassRow::allocatedMb, "%.2f", 100));
        passes.getColumns().add(text("IR change", HotspotsViewModel.PassRow::irChange, 280));
        passes.getColumns().add(text("counters", HotspotsViewModel.PassRow::notes, 260));
        passes.setPlaceholder(new Label("No passes: select a compile run"));
        TableView<HotspotsViewModel.LayerRow> layers = new TableView<>(vm.layers());
        layers.getStyleClass().add("layers-table");
        layers.getColumns().add(text("layer", HotspotsViewModel.LayerRow::layer, 260));
        layers.getColumns().add(text("engine", HotspotsViewModel.LayerRow::engine, 90));
        layers.getColumns().add(number("synaptic ops / inference", HotspotsViewModel.LayerRow::synapticOps, "%,.0f", 170));
        layers.getColumns().add(number("share of emulator ops", r -> 100 * r.share(), "%.1f %%", 150));
        layers.getColumns().add(number("spikes / inference", HotspotsViewModel.LayerRow::spikes, "%,.0f", 140));
        layers.getColumns().add(number("firing rate", HotspotsViewModel.LayerRow::firingRate, "%.3f", 100));
        layers.setPlaceholder(new Label("No layers: select an inference run"));
        SplitPane split = new SplitPane(passes, layers);
        split.setOrientation(Orientation.VERTICAL);
        setTop(title);
        setCenter(split);
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A numeric column: sorts by value, shows it formatted. */
    private static <T> TableColumn<T, Double> number(String title, Function<T, Double> value, String format, double width) {
        TableColumn<T, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, format, item));
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
