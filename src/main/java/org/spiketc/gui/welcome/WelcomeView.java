package org.spiketc.gui.welcome;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** The welcome view: three sentences, the demo button, and where to go next. Thin; see {@link WelcomeViewModel}. */
public final class WelcomeView extends VBox {
    public WelcomeView(WelcomeViewModel vm) {
        getStyleClass().add("welcome-view");
        setPadding(new Insets(32, 48, 32, 48));
        setSpacing(18);
        setMaxWidth(900);
        Label title = new Label("Spike-Transformer-Compiler Workbench");
        title.setFont(Font.font(null, FontWeight.BOLD, 24));
        Label what = new Label("Compile a spiking transformer onto a Loihi-class neuromorphic system and see, before any hardware, "
                + "what it costs: cores, chips, synaptic memory, spike traffic, energy, latency and accuracy. "
                + "The compiler runs instrumented optimization passes and maps the model onto cores and chips; a bit-accurate "
                + "chip emulator runs the binary with an energy and latency model whose every figure carries its source. "
                + "All hardware here is simulated; estimates and projections say so.");
        what.setWrapText(true);
        Button demo = new Button("Run the _demo");
        demo.getStyleClass().add("demo-button");
        demo.setDefaultButton(true);
        demo.setStyle("-fx-font-size: 15px; -fx-padding: 8 20 8 20;");
        demo.disableProperty().bind(vm.runningProperty());
        demo.setOnAction(e -> vm.runDemo());
        Label status = new Label();
        status.getStyleClass().add("welcome-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label next = new Label("""
                Then: Setup (F2) picks a model (a preset, or your config and safetensors weights), a hardware profile and system \
                size, the passes and their parameters, and queues compile, inference, sweep and benchmark runs. \
                Live (F3) charts a run as it goes. Runs (F4) compares runs with regression verdicts, plots accuracy against \
                energy and exports or imports results. Hotspots (F5) shows a compile's pass timeline and a run's core map.
                The same engine runs from the command line: java -jar stc.jar --help.""");
        next.setWrapText(true);
        getChildren().addAll(title, what, demo, status, next);
    }
}
