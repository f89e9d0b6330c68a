package org.spiketc.gui.runs;

import static org.spiketc.gui.Columns.text;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.spiketc.result.RunKind;
import org.spiketc.store.RunStatus;
import org.spiketc.store.StoredRun;

/**
 * The run history view: filters, the runs table, and for the selection its metrics, a comparison
 * (verdict table and overlaid chart) and the accuracy-against-energy view. Thin; all state is in
 * {@link RunsViewModel}.
 */
public final class RunsView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public RunsView(RunsViewModel vm) {
        getStyleClass().add("runs-view");
        TextField search = new TextField();
        search.setPromptText("Search test, model, hardware, label or tag");
        search.getStyleClass().add("runs-search");
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<RunKind> kind = new ComboBox<>();
        kind.getItems().add(null);
        kind.getItems().addAll(RunKind.values());
        kind.setPromptText("any kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<String> model = filter(vm.models(), "any model");
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.getStyleClass().add("runs-model-filter");
        ComboBox<String> hardware = filter(vm.hardwares(), "any hardware");
        hardware.valueProperty().bindBidirectional(vm.hardwareProperty());
        ComboBox<RunStatus> runStatus = new ComboBox<>();
        runStatus.getItems().add(null);
        runStatus.getItems().addAll(RunStatus.values());
        runStatus.setPromptText("any status");
        runStatus.valueProperty().bindBidirectional(vm.runStatusProperty());
        DatePicker since = new DatePicker();
        since.setPromptText("since (date)");
        since.setPrefWidth(130);
        since.valueProperty().bindBidirectional(vm.sinceProperty());
        Label status = new Label();
        status.getStyleClass().add("runs-status");
        status.textProperty().bind(vm.statusProperty());
        HBox filters = new HBox(8, search, model, hardware, kind, runStatus, since);
        HBox actions = new HBox(8);
        VBox top = new VBox(6, filters, actions);
        top.setPadding(new Insets(8));

        TableView<StoredRun> table = new TableView<>(vm.rows());
        table.getStyleClass().add("runs-table");
        table.getColumns().add(text("#", r -> String.valueOf(r.id()), 50));
        table.getColumns().add(text("started", r -> WHEN.format(r.started()), 130));
        table.getColumns().add(text("kind", r -> r.kind().name().toLowerCase(Locale.ROOT), 85));
        table.getColumns().add(text("status", r -> r.status().name().toLowerCase(Locale.ROOT), 85));
        table.getColumns().add(text("test", StoredRun::testName, 330));
        table.getColumns().add(text("model", r -> Objects.toString(r.model(), ""), 170));
        table.getColumns().add(text("hardware", r -> Objects.toString(r.hardware(), ""), 220));
        table.getColumns().add(text("label", r -> Objects.toString(r.label(), ""), 160));
        table.getColumns().add(text("tags", r -> String.join(" ", r.tags()), 110));
        table.getColumns().add(configurationColumn(vm));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        keepSelection(table, vm);

        TableView<RunsViewModel.MetricRow> metrics = new TableView<>(vm.metrics());
        metrics.getStyleClass().add("metrics-table");
        metrics.getColumns().add(text("metric", RunsViewModel.MetricRow::name, 330));
        metrics.getColumns().add(text("value", RunsViewModel.MetricRow::value, 140));
        metrics.getColumns().add(text("samples", RunsViewModel.MetricRow::samples, 300));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.setPlaceholder(new Label("Select a run to see its metrics"));

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Button compare = new Button("Co_mpare selected");
        compare.getStyleClass().add("compare-button");
        actions.getChildren().add(compare);
        Button export = new Button("Export…");
        export.getStyleClass().add("export-button");
        export.disableProperty().bind(vm.selectedProperty().isNull());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export run " + vm.selectedProperty().get().id());
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Result (seed JSON)", "*.json"),
                    new FileChooser.ExtensionFilter("Metrics (CSV)", "*.csv"));
            chooser.setInitialFileName(vm.selectedProperty().get().testName() + ".json");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.export(vm.selectedProperty().get(), f.toPath());
            }
        });
        actions.getChildren().add(export);
        Button importButton = new Button("_Import JSON…");
        importButton.getStyleClass().add("import-button");
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import results (seed JSON)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Result (seed JSON)", "*.json"));
            List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (files != null && !files.isEmpty()) {
                vm.importFiles(files.stream().map(File::toPath).toList());
            }
        });
        Button tradeOff = new Button("Accuracy vs _energy");
        tradeOff.getStyleClass().add("tradeoff-button");
        Button delete = new Button("Delete");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> {
            List<StoredRun> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                    "Delete " + chosen.size() + " run(s) and everything stored with them?");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(chosen));
        });
        Button labelButton = new Button("_Label…");
        labelButton.getStyleClass().add("label-button");
        labelButton.disableProperty().bind(vm.selectedProperty().isNull());
        labelButton.setOnAction(e -> {
            StoredRun run = vm.selectedProperty().get();
            LabelDialog.ask(getScene().getWindow(), run).ifPresent(t -> vm.setLabelAndTags(run, t.label(), t.tags()));
        });
        actions.getChildren().addAll(importButton, labelButton, tradeOff, delete, status);

        TableView<RunsViewModel.ComparisonRow> comparison = new TableView<>(vm.comparison());
        comparison.getStyleClass().add("comparison-table");
        comparison.getColumns().add(text("metric", RunsViewModel.ComparisonRow::metric, 220));
        comparison.getColumns().add(text("baseline", RunsViewModel.ComparisonRow::baseline, 90));
        comparison.getColumns().add(text("current", RunsViewModel.ComparisonRow::current, 90));
        comparison.getColumns().add(text("change", RunsViewModel.ComparisonRow::change, 80));
        TableColumn<RunsViewModel.ComparisonRow, String> verdict = text("verdict",
                r -> r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), 110);
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("verdict-worse", "verdict-better");
                if (!empty && item != null && (item.equals("worse") || item.equals("new failure"))) {
                    getStyleClass().add("verdict-worse");
                } else if (!empty && item != null && (item.equals("better") || item.equals("fixed"))) {
                    getStyleClass().add("verdict-better");
                }
            }
        });
        comparison.getColumns().add(verdict);
        comparison.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label comparisonTitle = new Label();
        comparisonTitle.textProperty().bind(vm.comparisonTitleProperty());
        comparison.setPlaceholder(comparisonTitle);
        Tab metricsTab = new Tab("Metrics", metrics);
        OverlayChart overlay = new OverlayChart(vm.overlays());
        SplitPane compareSplit = new SplitPane(comparison, overlay);
        compareSplit.setDividerPositions(0.5);
        Label configurationDiffers = new Label();
        configurationDiffers.getStyleClass().add("comparison-configuration");
        configurationDiffers.setPadding(new Insets(0, 8, 4, 8));
        configurationDiffers.setWrapText(true);
        vm.configurationDifferences().addListener((ListChangeListener<String>) ch ->
                configurationDiffers.setText(String.join("\n", vm.configurationDifferences())));
        Tab compareTab = new Tab("Comparison", new BorderPane(compareSplit, new VBox(labelled(comparisonTitle), configurationDiffers),
                null, null, null));
        TradeOffChart pareto = new TradeOffChart(vm.tradeOffs(), run -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(run);
            table.scrollTo(run);
            vm.selectedProperty().set(run);
        });
        Label tradeOffTitle = new Label();
        tradeOffTitle.textProperty().bind(vm.tradeOffTitleProperty());
        tradeOffTitle.setPadding(new Insets(4, 8, 4, 8));
        Tab tradeOffTab = new Tab("Accuracy vs energy", new BorderPane(pareto, tradeOffTitle, null, null, null));
        metricsTab.setClosable(false);
        compareTab.setClosable(false);
        tradeOffTab.setClosable(false);
        TabPane details = new TabPane(metricsTab, compareTab, tradeOffTab);
        details.getStyleClass().add("runs-details");
        compare.setOnAction(e -> {
            vm.compare(List.copyOf(table.getSelectionModel().getSelectedItems()));
            details.getSelectionModel().select(compareTab);
        });
        tradeOff.setOnAction(e -> {
            vm.tradeOff(List.copyOf(table.getSelectionModel().getSelectedItems()));
            details.getSelectionModel().select(tradeOffTab);
        });

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(top);
        setCenter(split);
    }

    private static ComboBox<String> filter(ObservableList<String> values, String any) {
        ComboBox<String> c = new ComboBox<>();
        c.setPromptText(any);
        c.setPrefWidth(170);
        Runnable fill = () -> {
            String keep = c.getValue();
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(values);
            c.getItems().setAll(items);
            c.setValue(keep);
        };
        values.addListener((ListChangeListener<String>) ch -> fill.run());
        fill.run();
        return c;
    }

    /** The settings that tell the listed runs apart; the whole configuration in the cell's tooltip. */
    private static TableColumn<StoredRun, String> configurationColumn(RunsViewModel vm) {
        TableColumn<StoredRun, String> c = text("configuration", vm::configurationColumn, 260);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                StoredRun run = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(run == null ? null : new Tooltip(RunsViewModel.configurationDetail(run)));
            }
        });
        return c;
    }

    /** Reloading replaces the rows (after a label, say): select the run that was selected, if it is still listed. */
    private static void keepSelection(TableView<StoredRun> table, RunsViewModel vm) {
        long[] last = {-1};
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null) {
                last[0] = b.id();
            }
        });
        vm.rows().addListener((ListChangeListener<StoredRun>) ch -> vm.rows().stream().filter(r -> r.id() == last[0]).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
    }

    private static Label labelled(Label source) {
        Label l = new Label();
        l.textProperty().bind(source.textProperty());
        l.setPadding(new Insets(4, 8, 4, 8));
        return l;
    }

}
