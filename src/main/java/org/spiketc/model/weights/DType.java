package org.spiketc.model.weights;

import java.nio.ByteBuffer;

/** The safetensors element types we read, and how each becomes float32. */
enum DType {
    F32(4), F16(2), BF16(2);

    final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    static DType parse(String s) {
        for (DType d : values()) {
            if (d.name().equals(s)) {
                return d;
            }
        }
        return null;
    }

    /** Reads {@code n} little-endian values starting at the buffer's position. */
    float[] decode(ByteBuffer b, int n) {
        float[] out = new float[n];
        switch (this) {
            case F32 -> b.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = halfToFloat(b.getShort(b.position() + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((b.getShort(b.position() + 2 * i) & 0xffff) << 16);
                }
            }
        }
        return out;
    }

    /** IEEE 754 binary16 to binary32, including subnormals, infinities and NaN. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mant / 1024f * (1f / 16384f); // 2^-14 * mant/2^10
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
