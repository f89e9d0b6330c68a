package org.spiketc.hw;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiketc.common.Json;
import org.spiketc.common.UserInputException;

/** The built-in profiles and user profile files, validated on load. */
public final class HardwareProfiles {
    public static final List<String> BUILT_IN = List.of("loihi1", "loihi2", "loihi3");

    private HardwareProfiles() {
    }

    /** A built-in id, or a path to a profile JSON file. */
    public static HardwareProfile resolve(String idOrPath) {
        if (BUILT_IN.contains(idOrPath)) {
            return builtIn(idOrPath);
        }
        if (idOrPath.endsWith(".json") || idOrPath.contains("/")) {
            return read(Path.of(idOrPath));
        }
        throw new UserInputException("unknown hardware profile '" + idOrPath + "' (built in: "
                + String.join(", ", BUILT_IN) + "; or give a profile .json file)");
    }

    public static HardwareProfile builtIn(String id) {
        try (InputStream in = HardwareProfiles.class.getResourceAsStream("profiles/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing built-in profile " + id);
            }
            return parse(in, "built-in profile " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<HardwareProfile> all() {
        return BUILT_IN.stream().map(HardwareProfiles::builtIn).toList();
    }

    public static HardwareProfile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, "hardware profile " + file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("hardware profile not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read hardware profile " + file + ": " + e.getMessage());
        }
    }

    static HardwareProfile parse(InputStream in, String origin) throws IOException {
        HardwareProfile p;
        try {
            p = Json.mapper().readValue(in, HardwareProfile.class);
        } catch (JsonMappingException e) {
            throw new UserInputException(origin + " is invalid: " + Json.shortMessage(e) + " (at " + path(e) + ")");
        } catch (JsonProcessingException e) {
            throw new UserInputException(origin + " is not valid JSON: " + Json.shortMessage(e));
        }
        if (p == null) {
            throw new UserInputException(origin + " is empty");
        }
        validate(p, origin);
        return p;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(b.length() == 0 ? "" : ".").append(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "top level" : b.toString();
    }

    private static void validate(HardwareProfile p, String origin) {
        List<String> problems = new ArrayList<>();
        for (String f : new String[] {"id", "name", "status", "description"}) {
            Object v = component(p, f);
            if (v == null || v.toString().isBlank()) {
                problems.add(f + " is missing");
            }
        }
        checkFigures(p.chip(), "chip", problems);
        checkFigures(p.energy(), "energy", problems);
        checkFigures(p.timing(), "timing", problems);
        if (p.systems() == null || p.systems().isEmpty()) {
            problems.add("systems must list at least one system");
        } else {
            int prev = 0;
            for (SystemLayout s : p.systems()) {
                if (s.chips() <= prev || s.columns() * s.rows() < s.chips() || s.name() == null || s.source() == null) {
                    problems.add("system '" + s.name() + "' must have more chips than the one before, a mesh of columns x rows"
                            + " that holds them, a name and a source");
                }
                prev = s.chips();
            }
        }
        if (problems.isEmpty()) {
            HardwareProfile.Chip c = p.chip();
            int mesh = c.meshColumns().intValue() * c.meshRows().intValue() * c.coresPerTile().intValue();
            if (mesh != c.coresPerChip().intValue()) {
                problems.add("chip mesh " + c.meshColumns().intValue() + "x" + c.meshRows().intValue() + "x"
                        + c.coresPerTile().intValue() + " does not hold coresPerChip " + c.coresPerChip().intValue());
            }
            if (c.maxWeightBits().value() < 2 || c.maxWeightBits().value() > 16) {
                problems.add("chip.maxWeightBits must be 2..16");
            }
            if (c.weightExpMin().value() > c.weightExpMax().value()) {
                problems.add("chip.weightExpMin must not exceed weightExpMax");
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(origin + " is invalid: " + String.join("; ", problems));
        }
    }

    private static void checkFigures(Record r, String section, List<String> problems) {
        if (r == null) {
            problems.add(section + " section is missing");
            return;
        }
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            Figure f = (Figure) component(r, rc.getName());
            String at = section + "." + rc.getName();
            if (f == null) {
                problems.add(at + " is missing");
            } else if (f.source() == null || f.source().isBlank() || f.basis() == null || f.unit() == null) {
                problems.add(at + " needs a unit, a source and a basis");
            } else if ((f.value() < 0 && !rc.getName().startsWith("weightExp")) || Double.isNaN(f.value()) || Double.isInfinite(f.value())) {
                problems.add(at + " must be a non-negative number");
            }
        }
    }

    private static Object component(Record r, String name) {
        try {
            return r.getClass().getMethod(name).invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
