package org.spiketc.hw;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spiketc.common.Json;
import org.spiketc.common.JsonErrors;
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

    /** Reads a profile from {@code in}; {@code origin} names it in messages. */
    public static HardwareProfile parse(InputStream in, String origin) throws IOException {
        HardwareProfile p;
        try {
            p = Json.mapper().readValue(in, HardwareProfile.class);
        } catch (JsonProcessingException e) {
            String d = JsonErrors.describe(e);
            throw new UserInputException(origin + (d.startsWith("not valid JSON") ? " is " : " is invalid ") + d);
        } catch (CharConversionException e) {
            // Jackson guessed UTF-16/32 from the first bytes and met a byte sequence that is no character
            throw new UserInputException(origin + " is not valid JSON: " + "the text is not UTF-8 (or UTF-16/32)");
        }
        if (p == null) {
            throw new UserInputException(origin + " is empty");
        }
        validate(p, origin);
        return p;
    }

    /** What a whole-number chip figure may be: the range is far beyond any Loihi-class chip, not a design limit. */
    private record Range(long min, long max) {
    }

    /** Chip figures that are counts or bit widths, with their plausible range. */
    private static final Map<String, Range> CHIP_RANGES = Map.ofEntries(
            Map.entry("coresPerChip", new Range(1, 65_536)),
            Map.entry("meshColumns", new Range(1, 4_096)),
            Map.entry("meshRows", new Range(1, 4_096)),
            Map.entry("coresPerTile", new Range(1, 4_096)),
            Map.entry("neuronsPerCore", new Range(1, 1 << 24)),
            Map.entry("synapticMemoryBytesPerCore", new Range(1, 1L << 32)),
            Map.entry("fanInPerCore", new Range(1, 1 << 30)),
            Map.entry("fanOutPerCore", new Range(1, 1 << 30)),
            Map.entry("maxWeightBits", new Range(2, 16)),
            Map.entry("weightExpMin", new Range(-64, 64)),
            Map.entry("weightExpMax", new Range(-64, 64)),
            Map.entry("membraneBits", new Range(1, 64)),
            Map.entry("thresholdMantBits", new Range(1, 64)),
            Map.entry("biasMantBits", new Range(1, 64)),
            Map.entry("decayBits", new Range(1, 64)),
            Map.entry("gradedSpikeBits", new Range(0, 32)),
            Map.entry("sharedSynapses", new Range(0, 1)),
            Map.entry("synapseIndexBits", new Range(1, 32)));
    /** Most chips in one system (Hala Point has 1,152). */
    static final int MAX_SYSTEM_CHIPS = 1 << 20;
    /** Largest energy (pJ, mW) or time (ns) figure: finite, and far above any per-event cost. */
    static final double MAX_COST = 1e12;

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
        checkSystems(p.systems(), problems);
        if (problems.isEmpty()) {
            HardwareProfile.Chip c = p.chip();
            long mesh = (long) c.meshColumns().intValue() * c.meshRows().intValue() * c.coresPerTile().intValue();
            if (mesh != c.coresPerChip().intValue()) {
                problems.add("chip mesh " + c.meshColumns().intValue() + "x" + c.meshRows().intValue() + "x"
                        + c.coresPerTile().intValue() + " does not hold coresPerChip " + c.coresPerChip().intValue());
            }
            if (c.weightExpMin().value() > c.weightExpMax().value()) {
                problems.add("chip.weightExpMin must not exceed weightExpMax");
            }
        }
        if (!problems.isEmpty()) {
            int show = Math.min(problems.size(), 8);
            String more = show < problems.size() ? "; ... " + (problems.size() - show) + " more" : "";
            throw new UserInputException(origin + " is invalid: " + String.join("; ", problems.subList(0, show)) + more);
        }
    }

    private static void checkSystems(List<SystemLayout> systems, List<String> problems) {
        if (systems == null || systems.isEmpty()) {
            problems.add("systems must list at least one system");
            return;
        }
        int prev = 0;
        for (int i = 0; i < systems.size(); i++) {
            SystemLayout s = systems.get(i);
            String at = "systems[" + i + "]";
            if (s == null) {
                problems.add(at + " is null, expected an object with chips, name, columns, rows and source");
                continue;
            }
            if (s.name() == null || s.name().isBlank()) {
                problems.add(at + ".name is missing");
            }
            if (s.source() == null || s.source().isBlank()) {
                problems.add(at + ".source is missing");
            }
            if (s.chips() < 1 || s.chips() > MAX_SYSTEM_CHIPS) {
                problems.add(at + ".chips must be 1.." + MAX_SYSTEM_CHIPS + ", got " + s.chips());
            } else if (s.chips() <= prev) {
                problems.add(at + ".chips must be more than the " + prev + " of the system before (smallest first)");
            }
            if (s.columns() < 1 || s.rows() < 1 || (long) s.columns() * s.rows() < s.chips()
                    || (long) s.columns() * s.rows() > MAX_SYSTEM_CHIPS) {
                problems.add(at + " needs a mesh of columns x rows (each at least 1, at most " + MAX_SYSTEM_CHIPS
                        + " places) that holds its " + s.chips() + " chips, got " + s.columns() + " x " + s.rows());
            }
            prev = Math.max(prev, s.chips());
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
                continue;
            }
            if (f.source() == null || f.source().isBlank() || f.basis() == null || f.unit() == null) {
                problems.add(at + " needs a unit, a source and a basis");
            }
            double v = f.value();
            Range range = section.equals("chip") ? CHIP_RANGES.get(rc.getName()) : null;
            if (!Double.isFinite(v)) {
                problems.add(at + ".value must be a finite number");
            } else if (range != null) {
                if (v != Math.rint(v) || v < range.min() || v > range.max()) {
                    problems.add(at + ".value must be a whole number " + range.min() + ".." + range.max() + ", got " + f.value());
                }
            } else if (v < 0 || v > MAX_COST) {
                problems.add(at + ".value must be 0.." + String.format(Locale.ROOT, "%.0e", MAX_COST) + ", got " + f.value());
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
