package org.spiketc.gui.setup;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.TaskProgressView;
import org.spiketc.gui.Columns;
import org.spiketc.gui.queue.QueuedRun;

/**
 * The setup form and the run queue. Thin: state and actions are in {@link SetupViewModel}; the queue is
 * ControlsFX's task progress view over the ViewModel's {@code RunQueue}.
 */
public final class SetupView extends BorderPane {
    public SetupView(SetupViewModel vm) {
        getStyleClass().add("setup-view");
        SetupForm choices = vm.form();
        ComboBox<String> model = new ComboBox<>();
        model.getItems().setAll(choices.models());
        model.valueProperty().bindBidirectional(choices.modelProperty());
        model.getStyleClass().add("setup-model");
        model.disableProperty().bind(choices.configFileProperty().isNotNull());
        Label configName = new Label();
        configName.textProperty().bind(Bindings.createStringBinding(() -> choices.configFileProperty().get() == null ? "or a config file"
                : choices.configFileProperty().get().getFileName().toString(), choices.configFileProperty()));
        Button config = new Button("Config…");
        config.setOnAction(e -> choose("Model config (JSON)", "*.json").ifPresent(f -> choices.configFileProperty().set(f)));
        Button weights = new Button("Weights…");
        weights.getStyleClass().add("setup-weights");
        weights.setOnAction(e -> choose("Weights (safetensors)", "*.safetensors").ifPresent(f -> choices.weightsFileProperty().set(f)));
        Label weightsName = new Label();
        weightsName.textProperty().bind(Bindings.createStringBinding(() -> choices.weightsFileProperty().get() == null
                ? "shipped or seeded random weights" : choices.weightsFileProperty().get().getFileName().toString(), choices.weightsFileProperty()));
        Button preset = new Button("Use preset");
        preset.setOnAction(e -> {
            choices.configFileProperty().set(null);
            choices.weightsFileProperty().set(null);
        });
        Label modelInfo = new Label();
        modelInfo.getStyleClass().add("setup-model-info");
        modelInfo.textProperty().bind(choices.modelInfoProperty());
        modelInfo.setWrapText(true);

        ComboBox<String> target = new ComboBox<>();
        target.getItems().setAll(choices.targets());
        target.valueProperty().bindBidirectional(choices.targetProperty());
        target.getStyleClass().add("setup-target");
        ComboBox<Integer> chips = new ComboBox<>();
        chips.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null || n == 0 ? "smallest that fits" : n + (n == 1 ? " chip" : " chips");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        chips.getItems().setAll(choices.systemSizes());
        chips.setValue(choices.chipsProperty().get());
        chips.valueProperty().addListener((o, a, b) -> choices.chipsProperty().set(b == null ? 0 : b));
        choices.targetProperty().addListener((o, a, b) -> {
            chips.getItems().setAll(choices.systemSizes());
            chips.setValue(0);
        });
        Label hardwareInfo = new Label();
        hardwareInfo.getStyleClass().add("setup-hardware-info");
        hardwareInfo.textProperty().bind(choices.hardwareInfoProperty());
        hardwareInfo.setWrapText(true);
        hardwareInfo.setMaxHeight(60);
        TableView<SetupForm.FigureRow> figures = new TableView<>(choices.hardwareFigures());
        figures.getStyleClass().add("hardware-figures");
        figures.getColumns().add(Columns.text("figure", SetupForm.FigureRow::figure, 190));
        figures.getColumns().add(Columns.text("value", SetupForm.FigureRow::value, 110));
        figures.getColumns().add(Columns.text("basis", SetupForm.FigureRow::basis, 80));
        figures.getColumns().add(Columns.text("source", SetupForm.FigureRow::source, 600));
        figures.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        figures.setPrefHeight(230);
        figures.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SetupForm.FigureRow item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip(item.figure() + ": " + item.value() + " ("
                        + item.basis() + ")\n" + item.source()));
            }
        });
        Tooltip about = new Tooltip();
        about.textProperty().bind(choices.hardwareInfoProperty());
        about.setWrapText(true);
        about.setMaxWidth(600);
        hardwareInfo.setTooltip(about);

        Spinner<Integer> level = new Spinner<>(0, 3, choices.levelProperty().get());
        level.setPrefWidth(70);
        choices.levelProperty().bind(level.valueProperty());
        Spinner<Integer> bits = new Spinner<>(2, 8, choices.bitsProperty().get());
        bits.setPrefWidth(70);
        choices.bitsProperty().bind(bits.valueProperty());
        Spinner<Integer> steps = new Spinner<>(0, 16, choices.timeStepsProperty().get());
        steps.setPrefWidth(70);
        Spinner<Integer> sparsity = new Spinner<>(0, 95, choices.sparsityPercentProperty().get(), 5);
        sparsity.setPrefWidth(75);
        sparsity.getStyleClass().add("setup-sparsity");
        choices.sparsityPercentProperty().bind(sparsity.valueProperty());
        choices.timeStepsProperty().bind(steps.valueProperty());
        FlowPane passes = new FlowPane(10, 4);
        Set<String> required = choices.requiredPasses();
        for (String id : choices.passIds()) {
            CheckBox on = new CheckBox(id);
            on.setSelected(!choices.disabledPasses().contains(id));
            if (required.contains(id)) {
                on.setDisable(true); // the mapper needs it
                on.setTooltip(new Tooltip(id + " is required: the mapper cannot run without it"));
            }
            on.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    choices.disabledPasses().remove(id);
                } else {
                    choices.disabledPasses().add(id);
                }
            });
            passes.getChildren().add(on);
        }
        CheckBox full = new CheckBox("full test set (10,000, Debian package)");
        full.selectedProperty().bindBidirectional(choices.fullTestSetProperty());
        full.setDisable(!choices.fullTestSetAvailable());
        Spinner<Integer> samples = new Spinner<>(1, 10_000, choices.samplesProperty().get(), 100);
        samples.setEditable(true);
        samples.setPrefWidth(100);
        samples.getStyleClass().add("setup-samples");
        choices.samplesProperty().bind(samples.valueProperty());
        ComboBox<String> bench = new ComboBox<>();
        bench.getItems().setAll(choices.benchmarks());
        bench.valueProperty().bindBidirectional(choices.benchmarkProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        form.addRow(row++, new Label("Model"), new HBox(8, model, config, weights, preset));
        form.addRow(row++, new Label(""), new HBox(8, configName, new Label("·"), weightsName));
        form.add(modelInfo, 1, row++);
        form.addRow(row++, new Label("Hardware (simulated)"), new HBox(8, target, new Label("system"), chips));
        form.add(hardwareInfo, 1, row++);
        form.addRow(row++, new Label("Optimization level -O"), new HBox(8, level, new Label("weight bits"), bits,
                new Label("time steps (0: the model's)"), steps, new Label("pruned % (0: the level's)"), sparsity));
        form.addRow(row++, new Label("Passes"), passes);
        form.addRow(row++, new Label("Test images"), new HBox(8, samples, full));
        form.addRow(row++, new Label("Benchmark (smoke scale)"), bench);

        Button compile = new Button("_Compile");
        compile.getStyleClass().add("compile-button");
        compile.setOnAction(e -> vm.compile());
        Button infer = new Button("_Run inference");
        infer.getStyleClass().add("infer-button");
        infer.setOnAction(e -> vm.infer());
        Button sweep = new Button("_Sweep weight bits");
        sweep.getStyleClass().add("sweep-button");
        sweep.setOnAction(e -> vm.sweep());
        Button benchmark = new Button("Run _benchmark");
        benchmark.getStyleClass().add("benchmark-button");
        benchmark.setOnAction(e -> vm.benchmark());
        Button cancel = new Button("C_ancel");
        cancel.setOnAction(e -> vm.cancel());
        Button cancelAll = new Button("Cancel all");
        cancelAll.setOnAction(e -> vm.cancelAll());
        Label status = new Label();
        status.getStyleClass().add("setup-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        for (Node n : List.of(configName, weightsName)) {
            n.setStyle("-fx-text-fill: #555;");
        }
        TitledPane figuresPane = new TitledPane("Hardware figures and their sources", figures);
        figuresPane.setExpanded(true);
        VBox left = new VBox(12, form, new HBox(8, compile, infer, sweep, benchmark, cancel, cancelAll), status, figuresPane);
        left.setPadding(new Insets(12));

        TaskProgressView<QueuedRun> queue = new TaskProgressView<>();
        queue.getStyleClass().add("run-queue");
        queue.setRetainTasks(true); // the queue's own list says when a run has ended
        Bindings.bindContent(queue.getTasks(), vm.queue().active());
        queue.setPrefWidth(380);
        TitledPane queuePane = new TitledPane("Run queue", queue);
        queuePane.setCollapsible(false);
        queuePane.setMaxHeight(Double.MAX_VALUE);
        setCenter(left);
        setRight(queuePane);
    }


    private Optional<Path> choose(String what, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(what);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(what, pattern), new FileChooser.ExtensionFilter("Any file", "*"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }
}
