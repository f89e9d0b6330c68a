package org.spiketc.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.passes.LowerAttention;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfile;

/**
 * Everything that decides what a run computes, as one value: the model and its weights, the hardware and
 * system size, the compiler's options, the calibration and test images, the engines and how they run. The
 * command line, the workbench and the benchmarks describe their runs with it; the run service executes it;
 * the store and every result carry it as the run's configuration ({@link #toJson}), so two runs can be told
 * apart and compared by their settings, and a stored run can be repeated ({@link #fromJson}).
 *
 * @param model        what is compiled
 * @param target       hardware profile id or profile file
 * @param chips        system size in chips, or null for the smallest that fits
 * @param pipeline     the compiler's options (calibration statistics aside: see {@code calibration})
 * @param calibration  images that size the weight exponents, or null for the worst case of the weights
 * @param data         the labelled images of an inference, or null for a compile
 * @param engine       where an inference runs
 * @param batch        samples streamed back to back, for the modelled throughput
 * @param warmup       samples run untimed first, per engine
 * @param threads      worker threads, or null for every processor
 * @param biasAlwaysOn leave biases on at every chip step (see {@code stc run --bias-always-on})
 * @param verify       run the IR verifier after every pass
 */
public record RunSpec(ModelSource model, String target, Integer chips, PipelineOptions pipeline, Calibration calibration,
        DataSelection data, Engine engine, int batch, int warmup, Integer threads, boolean biasAlwaysOn, boolean verify) {

    /** The model: a preset or a config file, with a weights file or the preset's shipped (else seeded random) weights. */
    public record ModelSource(String preset, String config, String weights, long seed, boolean allowNonFinite) {
        public static ModelSource preset(String name) {
            return new ModelSource(name, null, null, 42, false);
        }

        /** The model's name in run names: the preset, or the config file's name without its extension. */
        public String name() {
            if (preset != null) {
                return preset;
            }
            String file = config.replace('\\', '/');
            return file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
        }
    }

    /** The first {@code samples} images of a calibration set ({@code fmnist-train} or {@code fmnist-train:DIR}). */
    public record Calibration(String set, int samples) {
    }

    /**
     * Labelled images: a data set ({@code fmnist} for the shipped 2,000-image subset, {@code fmnist:DIR} for the
     * full test set in DIR), its first {@code samples} (null for all), and, if {@code repeat}, started over
     * until there are {@code samples} of them.
     */
    public record DataSelection(String dataset, Integer samples, boolean repeat) {
    }

    /** Where an inference runs. */
    public enum Engine {
        REFERENCE, EMULATOR, BOTH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean reference() {
            return this != EMULATOR;
        }

        public boolean emulator() {
            return this != REFERENCE;
        }

        public static Engine parse(String s) {
            for (Engine e : values()) {
                if (e.id().equals(s)) {
                    return e;
                }
            }
            throw new UserInputException("unknown engine '" + s + "' (reference, emulator or both)");
        }
    }

    /** A compile of a preset: its shipped weights, -O2 defaults changed by {@code pipeline}. */
    public static RunSpec compile(ModelSource model, String target, Integer chips, PipelineOptions pipeline) {
        return new RunSpec(model, target, chips, pipeline, null, null, Engine.EMULATOR, 1, 0, null, false, false);
    }

    /** An inference of {@code model} on the chip emulator over {@code data}. */
    public static RunSpec inference(ModelSource model, String target, Integer chips, PipelineOptions pipeline, DataSelection data,
            Engine engine) {
        return new RunSpec(model, target, chips, pipeline, null, data, engine, 1, 0, null, false, false);
    }

    public RunSpec withCalibration(Calibration c) {
        return new RunSpec(model, target, chips, pipeline, c, data, engine, batch, warmup, threads, biasAlwaysOn, verify);
    }

    public RunSpec withPipeline(PipelineOptions p) {
        return new RunSpec(model, target, chips, p, calibration, data, engine, batch, warmup, threads, biasAlwaysOn, verify);
    }

    /** How the inference runs: batch, warm-up, threads, biases, verifier. */
    public RunSpec withExecution(int batchSize, int warmupSamples, Integer workerThreads, boolean biasesAlwaysOn, boolean verifyEachPass) {
        return new RunSpec(model, target, chips, pipeline, calibration, data, engine, batchSize, warmupSamples, workerThreads,
                biasesAlwaysOn, verifyEachPass);
    }

    /** Whether this run compiles for a chip (every run except an inference on the float reference alone). */
    public boolean compiles() {
        return data == null || engine.emulator();
    }

    /**
     * Checks the specification once, wherever it came from (a command line, the workbench, a stored run, a
     * file), against the hardware it targets; messages name the setting, not a command-line flag.
     */
    public RunSpec validate(HardwareProfile profile) {
        if (model == null || (model.preset() == null) == (model.config() == null)) {
            throw new UserInputException("a run names one model: a preset or a config file");
        }
        if (chips != null && chips < 1) {
            throw new UserInputException("system size must be at least 1 chip, got " + chips);
        }
        if (profile != null) {
            pipeline.validate(profile);
        } else {
            pipeline.validate();
        }
        if (calibration != null && calibration.samples() < 1) {
            throw new UserInputException("calibration samples must be at least 1, got " + calibration.samples());
        }
        if (data != null && data.samples() != null && data.samples() < 1) {
            throw new UserInputException("samples must be at least 1, got " + data.samples());
        }
        if (batch < 1) {
            throw new UserInputException("batch must be at least 1, got " + batch);
        }
        if (warmup < 0) {
            throw new UserInputException("warm-up samples must not be negative, got " + warmup);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("threads must be at least 1, got " + threads);
        }
        return this;
    }

    /** The specification as the store and every result carry it; settings at their defaults are written too. */
    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        ObjectNode m = o.putObject("model");
        if (model.preset() != null) {
            m.put("preset", model.preset());
        } else {
            m.put("config", model.config());
        }
        if (model.weights() != null) {
            m.put("weights", model.weights());
        }
        m.put("seed", model.seed());
        if (model.allowNonFinite()) {
            m.put("allow_nonfinite", true);
        }
        o.put("target", target);
        if (chips != null) {
            o.put("chips", chips);
        }
        ObjectNode p = o.putObject("pipeline");
        p.put("level", pipeline.level());
        p.put("bits", pipeline.bits());
        if (pipeline.sparsity() != null) {
            p.put("sparsity", pipeline.sparsity());
        }
        if (pipeline.timeSteps() != null) {
            p.put("time_steps", pipeline.timeSteps());
        }
        if (pipeline.attentionOrder() != null) {
            p.put("attention_order", pipeline.attentionOrder().id());
        }
        p.put("firing_rate", pipeline.firingRate());
        if (!pipeline.disabled().isEmpty()) {
            var a = p.putArray("disabled_passes");
            new TreeSet<>(pipeline.disabled()).forEach(a::add);
        }
        if (pipeline.spread()) {
            p.put("spread", true);
        }
        if (calibration != null) {
            o.putObject("calibration").put("set", calibration.set()).put("samples", calibration.samples());
        }
        if (data != null) {
            ObjectNode d = o.putObject("data").put("dataset", data.dataset());
            if (data.samples() != null) {
                d.put("samples", data.samples());
            }
            if (data.repeat()) {
                d.put("repeat", true);
            }
            o.put("engine", engine.id());
            o.put("batch", batch);
            o.put("warmup", warmup);
            if (threads != null) {
                o.put("threads", threads);
            }
            if (biasAlwaysOn) {
                o.put("bias_always_on", true);
            }
        }
        if (verify) {
            o.put("verify_each_pass", true);
        }
        return o;
    }

    /** A specification from its JSON ({@link #toJson}); {@code origin} names it in messages. Not yet validated. */
    public static RunSpec fromJson(JsonNode o, String origin) {
        Fields f = new Fields(o, origin, "");
        Fields m = f.object("model");
        ModelSource model = new ModelSource(m.text("preset", null), m.text("config", null), m.text("weights", null),
                m.longInteger("seed", 42), m.flag("allow_nonfinite"));
        m.done(Set.of("preset", "config", "weights", "seed", "allow_nonfinite"));
        Fields p = f.object("pipeline");
        String order = p.text("attention_order", null);
        PipelineOptions.Builder b = PipelineOptions.builder().level((int) p.integer("level", 2)).bits((int) p.integer("bits", 8))
                .sparsity(p.has("sparsity") ? p.number("sparsity") : null)
                .timeSteps(p.has("time_steps") ? (int) p.integer("time_steps", 0) : null)
                .firingRate(p.has("firing_rate") ? p.number("firing_rate") : 0.1).disabled(p.texts("disabled_passes"))
                .spread(p.flag("spread"));
        if (order != null) {
            try {
                b.attentionOrder(LowerAttention.Order.parse(order));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(origin + ": " + e.getMessage());
            }
        }
        p.done(Set.of("level", "bits", "sparsity", "time_steps", "attention_order", "firing_rate", "disabled_passes", "spread"));
        Calibration calibration = null;
        if (f.has("calibration")) {
            Fields c = f.object("calibration");
            calibration = new Calibration(c.text("set", "fmnist-train"), (int) c.integer("samples", 256));
            c.done(Set.of("set", "samples"));
        }
        DataSelection data = null;
        if (f.has("data")) {
            Fields d = f.object("data");
            data = new DataSelection(d.text("dataset", "fmnist"), d.has("samples") ? (int) d.integer("samples", 0) : null, d.flag("repeat"));
            d.done(Set.of("dataset", "samples", "repeat"));
        }
        Engine engine;
        try {
            engine = Engine.parse(f.text("engine", data == null ? "emulator" : "both"));
        } catch (UserInputException e) {
            throw new UserInputException(origin + ": " + e.getMessage());
        }
        RunSpec spec = new RunSpec(model, f.text("target", "loihi2"), f.has("chips") ? (int) f.integer("chips", 0) : null, b.build(),
                calibration, data, engine, (int) f.integer("batch", 1),
                (int) f.integer("warmup", 0), f.has("threads") ? (int) f.integer("threads", 0) : null, f.flag("bias_always_on"),
                f.flag("verify_each_pass"));
        f.done(Set.of("model", "target", "chips", "pipeline", "calibration", "data", "engine", "batch", "warmup", "threads",
                "bias_always_on", "verify_each_pass"));
        return spec;
    }

    /** Typed reads of one JSON object, each failure one message naming the origin and the field. */
    private record Fields(JsonNode node, String origin, String at) {
        Fields {
            if (!node.isObject()) {
                throw new UserInputException(origin + ": " + (at.isEmpty() ? "a run specification" : at) + " is not a JSON object");
            }
        }

        private String name(String field) {
            return at.isEmpty() ? field : at + "." + field;
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        Fields object(String field) {
            return new Fields(node.path(field), origin, name(field));
        }

        String text(String field, String otherwise) {
            if (!has(field)) {
                return otherwise;
            }
            if (!node.get(field).isTextual()) {
                throw new UserInputException(origin + ": " + name(field) + " is not a string");
            }
            return node.get(field).asText();
        }

        long integer(String field, long otherwise) {
            return whole(field, otherwise, true);
        }

        /** A whole number that may exceed an int: the random weights' seed, a long on the command line. */
        long longInteger(String field, long otherwise) {
            return whole(field, otherwise, false);
        }

        private long whole(String field, long otherwise, boolean int32) {
            if (!has(field)) {
                return otherwise;
            }
            JsonNode v = node.get(field);
            if (!v.isIntegralNumber() || !(int32 ? v.canConvertToInt() : v.canConvertToLong())) {
                throw new UserInputException(origin + ": " + name(field) + " is not a whole number");
            }
            return v.asLong();
        }

        double number(String field) {
            JsonNode v = node.get(field);
            if (!v.isNumber()) {
                throw new UserInputException(origin + ": " + name(field) + " is not a number");
            }
            return v.asDouble();
        }

        boolean flag(String field) {
            if (!has(field)) {
                return false;
            }
            if (!node.get(field).isBoolean()) {
                throw new UserInputException(origin + ": " + name(field) + " is not true or false");
            }
            return node.get(field).asBoolean();
        }

        Set<String> texts(String field) {
            if (!has(field)) {
                return Set.of();
            }
            JsonNode a = node.get(field);
            Set<String> out = new TreeSet<>();
            for (JsonNode v : a) {
                if (!v.isTextual()) {
                    throw new UserInputException(origin + ": " + name(field) + " is not an array of strings");
                }
                out.add(v.asText());
            }
            if (!a.isArray()) {
                throw new UserInputException(origin + ": " + name(field) + " is not an array of strings");
            }
            return out;
        }

        /** Refuses fields this version does not know: a misspelt setting must not be ignored silently. */
        void done(Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw new UserInputException(origin + ": unknown setting " + ResultDocument.quoted(name(k)));
                }
            }
        }
    }
}
