package org.spiketc.gui.setup;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The setup form: what to compile and run. Thin; state and actions are in {@link SetupViewModel}. */
public final class SetupView extends VBox {
    public SetupView(SetupViewModel vm) {
        getStyleClass().add("setup-view");
        setPadding(new Insets(12));
        setSpacing(12);
        ComboBox<String> model = new ComboBox<>();
        model.getItems().setAll(vm.models());
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.getStyleClass().add("setup-model");
        ComboBox<String> target = new ComboBox<>();
        target.getItems().setAll(vm.targets());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.getStyleClass().add("setup-target");
        Spinner<Integer> level = new Spinner<>(0, 3, vm.levelProperty().get());
        vm.levelProperty().bind(level.valueProperty());
        Spinner<Integer> bits = new Spinner<>(2, 8, vm.bitsProperty().get());
        vm.bitsProperty().bind(bits.valueProperty());
        Spinner<Integer> samples = new Spinner<>(1, 2000, vm.samplesProperty().get(), 50);
        samples.setEditable(true);
        samples.getStyleClass().add("setup-samples");
        vm.samplesProperty().bind(samples.valueProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Model"), model);
        form.addRow(1, new Label("Hardware (simulated)"), target);
        form.addRow(2, new Label("Optimization level -O"), level);
        form.addRow(3, new Label("Weight bits"), bits);
        form.addRow(4, new Label("Test images (shipped subset)"), samples);

        Button compile = new Button("_Compile");
        compile.getStyleClass().add("compile-button");
        compile.setOnAction(e -> vm.compile());
        Button infer = new Button("_Run inference");
        infer.getStyleClass().add("infer-button");
        infer.setOnAction(e -> vm.infer());
        Button cancel = new Button("C_ancel");
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.getStyleClass().add("setup-status");
        status.textProperty().bind(vm.statusProperty());
        Label progress = new Label();
        progress.getStyleClass().add("setup-progress");
        progress.textProperty().bind(vm.progressProperty());
        getChildren().addAll(form, new HBox(8, compile, infer, cancel), progress, status);
    }
}
