package org.spiketc.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketc.common.UserInputException;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

class SafetensorsReaderTest {
    @TempDir
    Path dir;

    /** A file with the given JSON header followed by the given data bytes. */
    Path file(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path p = dir.resolve("w.safetensors");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void roundTripsFloat32ThroughTheWriter() throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("a", Tensor.of(Shape.of(2, 3), new float[] {1, -2, 3.5f, 0, 1e-7f, -0f}));
        t.put("b", Tensor.of(Shape.of(1), new float[] {42}));
        Path p = dir.resolve("x.safetensors");
        SafetensorsWriter.write(p, t);
        WeightSet w = SafetensorsReader.read(p);
        assertThat(w.tensors().keySet()).containsExactly("a", "b");
        assertThat(w.tensors().get("a").data()).containsExactly(1, -2, 3.5f, 0, 1e-7f, -0f);
        assertThat(w.tensors().get("a").shape()).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void decodesHalfAndBfloat16() throws IOException {
        // F16: 1.0 = 0x3c00, -2.0 = 0xc000, 2^-24 (smallest subnormal) = 0x0001; BF16: 1.0 = 0x3f80, -0.5 = 0xbf00
        ByteBuffer d = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001).putShort((short) 0x3f80)
                .putShort((short) 0xbf00);
        Path p = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[6,10]},\"__metadata__\":{\"format\":\"pt\"}}", d.array());
        WeightSet w = SafetensorsReader.read(p);
        assertThat(w.tensors().get("h").data()).containsExactly(1f, -2f, (float) Math.pow(2, -24));
        assertThat(w.tensors().get("b").data()).containsExactly(1f, -0.5f);
    }

    @Test
    void rejectsAHeaderLengthBeyondTheFileWithoutAllocatingIt() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
        Path p = dir.resolve("huge.safetensors");
        Files.write(p, b.array());
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("header length").hasMessageContaining("does not fit the file's 16 bytes");
    }

    @Test
    void rejectsEachKindOfCorruptionWithOneMessage() throws IOException {
        byte[] four = new byte[4];
        assertThatThrownBy(() -> SafetensorsReader.read(file("{not json", four)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("header is not valid JSON");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"t\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8])))
                .hasMessageContaining("tensor 't' has unsupported dtype I64 (supported: F32, F16, BF16)");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", four)))
                .hasMessageContaining("needs 8 bytes but data_offsets span 4");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", four)))
                .hasMessageContaining("is truncated: tensor 't' ends at byte 8");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", four)))
                .hasMessageContaining("tensors 'a' and 'b' overlap");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"t\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", four)))
                .hasMessageContaining("invalid shape");
        assertThatThrownBy(() -> SafetensorsReader.read(file("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", four)))
                .hasMessageContaining("invalid data_offsets");
        Path tiny = dir.resolve("tiny");
        Files.write(tiny, new byte[3]);
        assertThatThrownBy(() -> SafetensorsReader.read(tiny)).hasMessageContaining("is truncated: 3 bytes");
        assertThatThrownBy(() -> SafetensorsReader.read(dir.resolve("missing"))).hasMessageContaining("weights file not found");
    }

    @Test
    void nonFiniteWeightsAreRejectedNamingTheTensorUnlessAllowed() throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("ok", Tensor.of(Shape.of(2), new float[] {1, 2}));
        t.put("block.0.mlp.fc1_linear.weight", Tensor.of(Shape.of(4), new float[] {Float.NaN, 1, Float.POSITIVE_INFINITY, 0}));
        Path p = dir.resolve("nan.safetensors");
        SafetensorsWriter.write(p, t);
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage("weights " + p + ": tensor 'block.0.mlp.fc1_linear.weight' (2 of 4 values) holds NaN or infinite"
                        + " values; they would corrupt the model's outputs silently (--allow-nonfinite loads them anyway)");
        assertThat(SafetensorsReader.read(p, true).tensors().get("block.0.mlp.fc1_linear.weight").data()[0]).isNaN();

        t.put("head.bias", Tensor.of(Shape.of(1), new float[] {Float.NEGATIVE_INFINITY}));
        SafetensorsWriter.write(p, t);
        assertThatThrownBy(() -> SafetensorsReader.read(p))
                .hasMessage("weights " + p + ": 2 tensors hold NaN or infinite values: 'block.0.mlp.fc1_linear.weight'"
                        + " (2 of 4 values), 'head.bias' (1 of 1 values); they would corrupt the model's outputs silently"
                        + " (--allow-nonfinite loads them anyway)");
    }

    @Test
    void namesFromTheFileStayOnOneLine() throws IOException {
        Path p = file("{\"a\\nb\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        assertThatThrownBy(() -> SafetensorsReader.read(p))
                .hasMessage("weights " + p + ": tensor 'a\\nb' has unsupported dtype F64 (supported: F32, F16, BF16)");
    }
}
