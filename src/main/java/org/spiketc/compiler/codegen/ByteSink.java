package org.spiketc.compiler.codegen;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for building sections. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink() {
        this(4096);
    }

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("section larger than 2 GB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    ByteSink u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink u16(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    ByteSink u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ByteSink u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** Unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
    ByteSink varint(long v) {
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7fL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    ByteSink f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xffffffffL);
    }

    ByteSink bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    ByteSink string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("string too long for the binary: " + s.substring(0, 40));
        }
        u16(b.length);
        return bytes(b);
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }
}
