package org.spiketc.model.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.common.Json;
import org.spiketc.common.JsonErrors;
import org.spiketc.common.OneLine;
import org.spiketc.common.UserInputException;
import org.spiketc.tensor.DenseTensor;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * Reads a safetensors file: an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the
 * data that follows), an optional {@code __metadata__} entry, then the raw little-endian data.
 *
 * <p>Everything the header claims is checked against the real file size before anything is
 * allocated, so a corrupt header can neither crash the reader nor make it allocate more than the
 * file holds. Supported dtypes: F32, F16, BF16; values become float32.
 */
public final class SafetensorsReader {
    /** The format's own limit on the header size (safetensors spec: 100 MB). */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafetensorsReader() {
    }

    private record Entry(String name, DType dtype, Shape shape, long begin, long end) {
    }

    public static WeightSet read(Path file) {
        return read(file, false);
    }

    /**
     * Reads {@code file}; NaN or infinite values are an error naming each tensor that holds them,
     * unless {@code allowNonFinite} (the CLI's {@code --allow-nonfinite}).
     */
    public static WeightSet read(Path file, boolean allowNonFinite) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new UserInputException("weights " + file + " is larger than 2 GB; split checkpoints are not supported");
            }
            return read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), file.toString(), allowNonFinite);
        } catch (NoSuchFileException e) {
            throw new UserInputException("weights file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read weights " + file + ": " + e.getMessage());
        }
    }

    /** Reads a whole safetensors file held in memory (e.g. a class-path resource). */
    public static WeightSet read(byte[] bytes, String origin) {
        return read(ByteBuffer.wrap(bytes), origin, false);
    }

    private static WeightSet read(ByteBuffer file, String origin, boolean allowNonFinite) {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long size = b.capacity();
        String where = "weights " + origin;
        if (size < 8) {
            throw new UserInputException(where + " is truncated: " + size + " bytes, not even the 8-byte header length");
        }
        long headerLen = b.getLong(0);
        if (headerLen <= 0 || headerLen > size - 8) {
            throw new UserInputException(where + " is corrupt or truncated: header length " + headerLen
                    + " does not fit the file's " + size + " bytes");
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new UserInputException(where + ": header of " + headerLen + " bytes exceeds the format's 100 MB limit");
        }
        byte[] hb = new byte[(int) headerLen];
        b.get(8, hb);
        List<Entry> entries = parseHeader(new String(hb, StandardCharsets.UTF_8), where);
        long dataStart = 8 + headerLen;
        long dataSize = size - dataStart;
        checkOffsets(entries, dataSize, where);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<String> nonFinite = new ArrayList<>();
        for (Entry e : entries) {
            ByteBuffer view = b.slice((int) (dataStart + e.begin), (int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = e.dtype.decode(view, e.shape.size());
            int bad = nonFinite(values);
            if (bad > 0) {
                nonFinite.add(OneLine.quoted(e.name, 80) + " (" + bad + " of " + values.length + " values)");
            }
            tensors.put(e.name, new DenseTensor(e.shape, values));
        }
        if (!nonFinite.isEmpty() && !allowNonFinite) {
            int show = Math.min(nonFinite.size(), 5);
            String which = nonFinite.size() == 1 ? "tensor " + nonFinite.get(0) + " holds NaN or infinite values"
                    : nonFinite.size() + " tensors hold NaN or infinite values: " + String.join(", ", nonFinite.subList(0, show))
                            + (show < nonFinite.size() ? ", ... " + (nonFinite.size() - show) + " more" : "");
            throw new UserInputException(where + ": " + which
                    + "; they would corrupt the model's outputs silently (--allow-nonfinite loads them anyway)");
        }
        return new WeightSet(origin, tensors);
    }

    /** Per tensor of {@code w} that holds NaN or infinite values: its name and how many, e.g. {@code 'head.bias' (1 of 10 values)}. */
    public static List<String> nonFiniteTensors(WeightSet w) {
        List<String> out = new ArrayList<>();
        w.tensors().forEach((name, t) -> {
            int bad = nonFinite(t.data());
            if (bad > 0) {
                out.add(OneLine.quoted(name, 80) + " (" + bad + " of " + t.data().length + " values)");
            }
        });
        return out;
    }

    /** How many of {@code values} are NaN or infinite. */
    static int nonFinite(float[] values) {
        int n = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    private static List<Entry> parseHeader(String text, String where) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(where + ": header is " + JsonErrors.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(where + ": header must be a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("__metadata__")) {
                continue;
            }
            entries.add(parseEntry(f.getKey(), f.getValue(), where));
        }
        return entries;
    }

    private static Entry parseEntry(String name, JsonNode n, String where) {
        String at = where + ": tensor " + OneLine.quoted(name, 80);
        if (!n.isObject()) {
            throw new UserInputException(at + " must be an object with dtype, shape and data_offsets");
        }
        JsonNode dt = n.get("dtype");
        JsonNode sh = n.get("shape");
        JsonNode off = n.get("data_offsets");
        if (dt == null || !dt.isTextual() || sh == null || !sh.isArray() || off == null || !off.isArray() || off.size() != 2) {
            throw new UserInputException(at + " needs a string dtype, an array shape and two data_offsets");
        }
        DType dtype = DType.parse(dt.asText());
        if (dtype == null) {
            throw new UserInputException(at + " has unsupported dtype " + OneLine.of(dt.asText(), 20) + " (supported: F32, F16, BF16)");
        }
        int[] dims = new int[sh.size()];
        long elements = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.isIntegralNumber() || d.asLong() <= 0 || d.asLong() > Integer.MAX_VALUE) {
                throw new UserInputException(at + " has an invalid shape " + OneLine.of(sh.toString(), 80));
            }
            dims[i] = d.asInt();
            elements *= dims[i];
            if (elements > Integer.MAX_VALUE) {
                throw new UserInputException(at + " has a shape too large to load: " + OneLine.of(sh.toString(), 80));
            }
        }
        if (!off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber()) {
            throw new UserInputException(at + " has non-integer data_offsets " + OneLine.of(off.toString(), 80));
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw new UserInputException(at + " has invalid data_offsets " + OneLine.of(off.toString(), 80));
        }
        if (end - begin != elements * dtype.bytes) {
            throw new UserInputException(at + ": shape " + OneLine.of(sh.toString(), 80) + " in " + dtype + " needs " + elements * dtype.bytes
                    + " bytes but data_offsets span " + (end - begin));
        }
        Shape shape = dims.length == 0 ? Shape.of(1) : Shape.of(dims);
        return new Entry(name, dtype, shape, begin, end);
    }

    private static void checkOffsets(List<Entry> entries, long dataSize, String where) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin));
        long prevEnd = 0;
        String prevName = null;
        for (Entry e : sorted) {
            if (e.end > dataSize) {
                throw new UserInputException(where + " is truncated: tensor " + OneLine.quoted(e.name, 80) + " ends at byte " + e.end
                        + " of the data section but the file holds only " + dataSize);
            }
            if (e.begin < prevEnd) {
                throw new UserInputException(where + ": tensors " + OneLine.quoted(prevName, 80) + " and " + OneLine.quoted(e.name, 80) + " overlap");
            }
            prevEnd = e.end;
            prevName = e.name;
        }
    }

}
