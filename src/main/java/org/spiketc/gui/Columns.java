package org.spiketc.gui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns of the workbench's views: text, and numbers that sort by value and show formatted. */
public final class Columns {
    private Columns() {
    }

    public static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Sorts by value; shows it with {@code format} (Locale.ROOT), blank for NaN. */
    public static <T> TableColumn<T, Double> number(String title, Function<T, Double> value, String format, double width) {
        TableColumn<T, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? null : String.format(Locale.ROOT, format, item));
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
