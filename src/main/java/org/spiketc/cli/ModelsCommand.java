package org.spiketc.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiketc.common.Json;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.frontend.ModelStatistics;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stc models}: the built-in architectures and their size. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the built-in model presets with parameters, neurons, synapses and synaptic ops per time step.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--firing-rate", defaultValue = "0.1",
            description = "Spike input firing rate the synaptic ops assume (default ${DEFAULT-VALUE}).")
    double firingRate;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON.")
    Path json;

    /** One row of the table as --json writes it (snake_case names, in this order). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PresetFigures(String preset, String family, int imageSize, int timeSteps, long params, long neurons, long synapses,
            double sopsPerStep, long firstLayerMacsPerStep, double firingRate) {
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-24s %-10s %7s %3s %11s %12s %14s %14s %13s%n", "preset", "family", "input", "T", "params",
                "neurons", "synapses", "SOPs/step", "analog MACs");
        List<PresetFigures> rows = new ArrayList<>();
        for (String name : Presets.NAMES) {
            ModelConfig c = Presets.load(name);
            // Random weights are lazy: building the graph for its shapes allocates no weights.
            ModelStatistics s = ModelStatistics.of(c, ModelFrontend.build(c, WeightSource.random(0).bind(c)), firingRate);
            out.printf(Locale.ROOT, "%-24s %-10s %3dx%-3d %3d %11s %12s %14s %14s %13s%n", name, c.family().id(), c.imageSize(),
                    c.imageSize(), c.timeSteps(), mega(s.params()), mega(s.neurons()), mega(s.synapses()),
                    giga(s.sopsPerStep()), giga(s.firstLayerMacs()));
            rows.add(new PresetFigures(name, c.family().id(), c.imageSize(), c.timeSteps(), s.params(), s.neurons(), s.synapses(),
                    s.sopsPerStep(), s.firstLayerMacs(), firingRate));
        }
        out.printf(Locale.ROOT, "%nSOPs/step = firing rate (%.2f) x MACs of every spike-input layer, per time step "
                + "(Zhou et al. 2023, App. C.2); the first layer reads the analog image and is counted as MACs.%n", firingRate);
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), rows);
        }
        return ExitCodes.OK;
    }

    static String mega(double v) {
        return String.format(Locale.ROOT, "%.2f M", v / 1e6);
    }

    static String giga(double v) {
        return String.format(Locale.ROOT, "%.3f G", v / 1e9);
    }
}
