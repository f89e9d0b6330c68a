package org.spiketc.compiler.codegen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one section of a binary with every read checked against the bytes the section holds, so that a
 * count is compared with what is present before anything is sized from it. Failures are
 * {@link CorruptBinary} with the section and the field in the user's words.
 */
final class SectionCursor {
    private final String section;
    private final ByteBuffer b;

    SectionCursor(String section, ByteBuffer slice) {
        this.section = section;
        this.b = slice.order(ByteOrder.LITTLE_ENDIAN);
    }

    String section() {
        return section;
    }

    int remaining() {
        return b.remaining();
    }

    /** Fails unless {@code bytes} more bytes are present for {@code field}. */
    void need(long bytes, String field) {
        if (bytes > b.remaining()) {
            throw fail(field + " needs " + bytes + " bytes at offset " + b.position() + ", the section has " + b.remaining()
                    + " left");
        }
    }

    int u8(String field) {
        need(1, field);
        return b.get() & 0xff;
    }

    int i8(String field) {
        need(1, field);
        return b.get();
    }

    int u16(String field) {
        need(2, field);
        return b.getShort() & 0xffff;
    }

    int i16(String field) {
        need(2, field);
        return b.getShort();
    }

    int i32(String field) {
        need(4, field);
        return b.getInt();
    }

    long u32(String field) {
        return i32(field) & 0xffffffffL;
    }

    long i64(String field) {
        need(8, field);
        return b.getLong();
    }

    float f32(String field) {
        need(4, field);
        return b.getFloat();
    }

    void skip(int bytes, String field) {
        need(bytes, field);
        b.position(b.position() + bytes);
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] a = new byte[n];
        b.get(a);
        return a;
    }

    /**
     * A u32 count of records of at least {@code minBytes} each: at most {@code limit}, and no more than the
     * section's remaining bytes can hold.
     */
    int count(String field, long minBytes, long limit) {
        long n = u32(field);
        if (n > limit) {
            throw fail(field + " " + n + " exceeds the limit of " + limit);
        }
        if (n * minBytes > b.remaining()) {
            throw fail(field + " " + n + " needs at least " + n * minBytes + " bytes, the section has " + b.remaining()
                    + " left");
        }
        return (int) n;
    }

    /** Unsigned LEB128, at most 64 bits. */
    long varint(String field) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = u8(field);
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw fail(field + " is a varint longer than 64 bits");
    }

    /** Fails if the section holds bytes its records did not use (a count or length that disagrees with it). */
    void end() {
        if (b.hasRemaining()) {
            throw fail(b.remaining() + " bytes after the last record");
        }
    }

    CorruptBinary fail(String detail) {
        return new CorruptBinary(section + " section: " + detail);
    }
}
