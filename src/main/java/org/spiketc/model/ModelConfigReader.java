package org.spiketc.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import org.spiketc.common.Json;
import org.spiketc.common.JsonErrors;
import org.spiketc.common.OneLine;
import org.spiketc.common.UserInputException;

/**
 * Reads and validates an architecture config. Every problem is reported as one
 * {@link UserInputException} naming the file and the field.
 */
public final class ModelConfigReader {
    private static final Set<String> FIELDS = Set.of("name", "family", "imageSize", "inChannels", "numClasses",
            "embedDim", "depth", "heads", "mlpRatio", "timeSteps", "stem", "synapseStyle", "tau", "threshold",
            "attentionThreshold", "attentionScale", "bnEps", "description");

    /*
     * The documented limits (src/site/markdown/model-config.md), all checked here, in one place: each
     * dimension is bounded well above every published Spikformer/SDT (ImageNet 224 px, D 768,
     * depth 8, 1,000 classes), and the products the engine holds in single arrays stay within them.
     */
    /** Largest image side in pixels. */
    public static final int MAX_IMAGE_SIZE = 1024;
    /** Most input channels. */
    public static final int MAX_IN_CHANNELS = 64;
    /** Most classifier outputs (ImageNet-21k has 21,843). */
    public static final int MAX_CLASSES = 100_000;
    /** Widest token dimension D. */
    public static final int MAX_EMBED_DIM = 4096;
    /** Most transformer blocks. */
    public static final int MAX_DEPTH = 64;
    /** Most attention heads. */
    public static final int MAX_HEADS = 256;
    /** Largest MLP ratio. */
    public static final int MAX_MLP_RATIO = 16;
    /** Most time steps. */
    public static final int MAX_TIME_STEPS = 64;
    /** Most parameters in the model (2 GB of float32 weights). */
    public static final long MAX_PARAMETERS = 500_000_000L;
    /** Most neurons x time steps of one layer: its activity over a whole inference fits one Java array. */
    public static final long MAX_LAYER_NEURON_STEPS = Integer.MAX_VALUE;

    private ModelConfigReader() {
    }

    public static ModelConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UserInputException("config file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    public static ModelConfig parse(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new UserInputException("config " + origin + " is " + JsonErrors.describe(e));
        } catch (CharConversionException e) {
            // Jackson guessed UTF-16/32 from the first bytes and met a byte sequence that is no character
            throw new UserInputException("config " + origin + " is not valid JSON: " + "the text is not UTF-8 (or UTF-16/32)");
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException("config " + origin + " must be a JSON object");
        }
        return fromJson((ObjectNode) root, origin);
    }

    static ModelConfig fromJson(ObjectNode o, String origin) {
        Fields f = new Fields(o, origin);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!FIELDS.contains(k)) {
                throw f.error(k, "is not a known field (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        Family family = f.enumValue("family", Family::fromId, null);
        StemLayout stem = f.enumValue("stem", StemLayout::fromId, null);
        SynapseStyle style = f.enumValue("synapseStyle", SynapseStyle::fromId,
                stem == StemLayout.IMAGENET ? SynapseStyle.CONV : SynapseStyle.LINEAR);
        ModelConfig c = new ModelConfig(
                f.string("name"), family,
                f.positiveInt("imageSize", MAX_IMAGE_SIZE), f.positiveInt("inChannels", MAX_IN_CHANNELS),
                f.positiveInt("numClasses", MAX_CLASSES), f.positiveInt("embedDim", MAX_EMBED_DIM),
                f.positiveInt("depth", MAX_DEPTH), f.positiveInt("heads", MAX_HEADS),
                f.optionalPositiveInt("mlpRatio", 4, MAX_MLP_RATIO), f.optionalPositiveInt("timeSteps", 4, MAX_TIME_STEPS),
                stem, style,
                f.optionalPositiveDouble("tau", 2.0), f.optionalPositiveDouble("threshold", 1.0),
                f.optionalPositiveDouble("attentionThreshold", 0.5), f.optionalPositiveDouble("attentionScale", 0.125),
                f.optionalPositiveDouble("bnEps", 1e-5));
        validate(c, f);
        return c;
    }

    private static void validate(ModelConfig c, Fields f) {
        if (c.embedDim() % 8 != 0) {
            throw f.error("embedDim", "must be divisible by 8 (the stem uses D/8, D/4, D/2, D channels), got " + c.embedDim());
        }
        if (c.embedDim() % c.heads() != 0) {
            throw f.error("heads", "must divide embedDim " + c.embedDim() + ", got " + c.heads());
        }
        if (c.imageSize() % c.stem().downsampling() != 0) {
            throw f.error("imageSize", "must be divisible by " + c.stem().downsampling() + " (the " + c.stem().id()
                    + " stem pools by that factor), got " + c.imageSize());
        }
        if (c.tau() < 1.0) {
            throw f.error("tau", "must be at least 1 (decay 1/tau), got " + c.tau());
        }
        long largest = largestLayer(c);
        if (largest * c.timeSteps() > MAX_LAYER_NEURON_STEPS) {
            throw f.error("imageSize", "is too large for this embedDim and timeSteps: the largest layer has " + largest
                    + " neurons x " + c.timeSteps() + " time steps, more than the limit of " + MAX_LAYER_NEURON_STEPS);
        }
        long params = ParameterLayout.parameterCount(c);
        if (params > MAX_PARAMETERS) {
            throw f.error("embedDim", "gives, with depth " + c.depth() + ", mlpRatio " + c.mlpRatio() + " and numClasses "
                    + c.numClasses() + ", " + params + " parameters, more than the limit of " + MAX_PARAMETERS);
        }
    }

    /** Neurons of the widest layer: a stem block at its input resolution, or the MLP's hidden layer. */
    static long largestLayer(ModelConfig c) {
        long side = c.imageSize();
        long widest = 0;
        int[] channels = {c.embedDim() / 8, c.embedDim() / 4, c.embedDim() / 2, c.embedDim()};
        for (int i = 0; i < 4; i++) {
            widest = Math.max(widest, channels[i] * side * side);
            if (c.stem().poolsAfter(i)) {
                side /= 2;
            }
        }
        return Math.max(widest, (long) c.tokens() * c.embedDim() * c.mlpRatio());
    }

    /** Typed access to the fields of one JSON object, with errors that name the field. */
    private record Fields(ObjectNode o, String origin) {
        UserInputException error(String field, String problem) {
            return new UserInputException("config " + origin + ": field " + OneLine.quoted(field, 60) + " " + OneLine.of(problem, 400));
        }

        String string(String k) {
            JsonNode n = o.get(k);
            if (n == null || !n.isTextual() || n.asText().isBlank()) {
                throw error(k, n == null ? "is missing" : "must be a non-empty string");
            }
            return n.asText();
        }

        int positiveInt(String k, int max) {
            JsonNode n = o.get(k);
            if (n == null) {
                throw error(k, "is missing");
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
                throw error(k, "must be a positive integer, got " + abbreviated(n));
            }
            if (n.asLong() > max) {
                throw error(k, "must be at most " + max + ", got " + n.asLong());
            }
            return n.asInt();
        }

        int optionalPositiveInt(String k, int dflt, int max) {
            return o.has(k) ? positiveInt(k, max) : dflt;
        }

        /** A value as the user wrote it, cut to one short line. */
        static String abbreviated(JsonNode n) {
            return OneLine.of(n.isNumber() ? n.asText() : n.toString(), 40);
        }

        double optionalPositiveDouble(String k, double dflt) {
            JsonNode n = o.get(k);
            if (n == null) {
                return dflt;
            }
            if (!n.isNumber() || !(n.asDouble() > 0) || Double.isInfinite(n.asDouble())) {
                throw error(k, "must be a positive finite number, got " + abbreviated(n));
            }
            return n.asDouble();
        }

        <E> E enumValue(String k, Function<String, E> parse, E dflt) {
            JsonNode n = o.get(k);
            if (n == null) {
                if (dflt == null) {
                    throw error(k, "is missing");
                }
                return dflt;
            }
            if (!n.isTextual()) {
                throw error(k, "must be a string, got " + abbreviated(n));
            }
            try {
                return parse.apply(n.asText());
            } catch (IllegalArgumentException e) {
                throw error(k, "is invalid: " + e.getMessage());
            }
        }
    }
}
