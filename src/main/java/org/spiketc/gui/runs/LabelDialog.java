package org.spiketc.gui.runs;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.spiketc.store.RunLabels;
import org.spiketc.store.StoredRun;

/**
 * Asks for a run's label and tags, filled in with what it has. Only collects the text: the view model
 * checks and stores it, and says what is wrong in the workbench's error dialog.
 */
final class LabelDialog {
    /** What the user typed: the label, and the tags as one line of words. */
    record Typed(String label, String tags) {
    }

    private LabelDialog() {
    }

    static Optional<Typed> ask(Window owner, StoredRun run) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Label run " + run.id());
        d.setHeaderText(run.testName());
        TextField label = new TextField(run.label() == null ? "" : run.label());
        label.setPromptText("one line, at most " + RunLabels.MAX_LABEL + " characters");
        label.getStyleClass().add("run-label-field");
        TextField tags = new TextField(String.join(" ", run.tags()));
        tags.setPromptText("words separated by spaces, e.g. baseline paper");
        tags.getStyleClass().add("run-tags-field");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Label"), label);
        grid.addRow(1, new Label("Tags"), tags);
        grid.add(new Label("Tags: up to " + RunLabels.MAX_TAGS + " of a-z, 0-9, '.', '_', '-' (at most " + RunLabels.MAX_TAG
                + " characters each)"), 0, 2, 2, 1);
        label.setPrefColumnCount(40);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> new Typed(label.getText(), tags.getText()));
    }
}
