package org.spiketc.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;

/**
 * Reads and validates an architecture config. Every problem is reported as one
 * {@link UserInputException} naming the file and the field.
 */
public final class ModelConfigReader {
    private static final Set<String> FIELDS = Set.of("name", "family", "imageSize", "inChannels", "numClasses",
            "embedDim", "depth", "heads", "mlpRatio", "timeSteps", "stem", "synapseStyle", "tau", "threshold",
            "attentionThreshold", "attentionScale", "bnEps", "description");

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
            throw new UserInputException("config " + origin + " is not valid JSON: " + Json.shortMessage(e));
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
                f.positiveInt("imageSize"), f.positiveInt("inChannels"), f.positiveInt("numClasses"),
                f.positiveInt("embedDim"), f.positiveInt("depth"), f.positiveInt("heads"),
                f.optionalPositiveInt("mlpRatio", 4), f.optionalPositiveInt("timeSteps", 4), stem, style,
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
        if (c.timeSteps() > 64) {
            throw f.error("timeSteps", "must be at most 64, got " + c.timeSteps());
        }
    }

    /** Typed access to the fields of one JSON object, with errors that name the field. */
    private record Fields(ObjectNode o, String origin) {
        UserInputException error(String field, String problem) {
            return new UserInputException("config " + origin + ": field '" + field + "' " + problem);
        }

        String string(String k) {
            JsonNode n = o.get(k);
            if (n == null || !n.isTextual() || n.asText().isBlank()) {
                throw error(k, n == null ? "is missing" : "must be a non-empty string");
            }
            return n.asText();
        }

        int positiveInt(String k) {
            JsonNode n = o.get(k);
            if (n == null) {
                throw error(k, "is missing");
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
                throw error(k, "must be a positive integer, got " + n);
            }
            return n.asInt();
        }

        int optionalPositiveInt(String k, int dflt) {
            return o.has(k) ? positiveInt(k) : dflt;
        }

        double optionalPositiveDouble(String k, double dflt) {
            JsonNode n = o.get(k);
            if (n == null) {
                return dflt;
            }
            if (!n.isNumber() || !(n.asDouble() > 0) || Double.isInfinite(n.asDouble())) {
                throw error(k, "must be a positive number, got " + n);
            }
            return n.asDouble();
        }

        <E> E enumValue(String k, java.util.function.Function<String, E> parse, E dflt) {
            JsonNode n = o.get(k);
            if (n == null) {
                if (dflt == null) {
                    throw error(k, "is missing");
                }
                return dflt;
            }
            if (!n.isTextual()) {
                throw error(k, "must be a string, got " + n);
            }
            try {
                return parse.apply(n.asText());
            } catch (IllegalArgumentException e) {
                throw error(k, "is invalid: " + e.getMessage());
            }
        }
    }
}
