package org.spiketc.compiler.codegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.spiketc.common.UserInputException;

/**
 * Reads and validates a {@code .nxe} file: magic, version, declared size against the real size
 * (truncation), section bounds, and the CRC32C. Every failure is one {@link UserInputException}
 * that says what is wrong.
 */
public final class BinaryReader {
    private BinaryReader() {
    }

    public static BinaryImage read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new UserInputException("binary " + file + " is larger than 2 GB");
            }
            return read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), "binary " + file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("binary not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read binary " + file + ": " + e.getMessage());
        }
    }

    private static BinaryImage read(ByteBuffer whole, String what) {
        ByteBuffer b = whole.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long size = b.capacity();
        if (size < BinaryFormat.HEADER_SIZE) {
            throw new UserInputException(what + " is truncated: " + size + " bytes, shorter than the "
                    + BinaryFormat.HEADER_SIZE + "-byte header");
        }
        byte[] magic = new byte[8];
        b.get(0, magic);
        if (!Arrays.equals(magic, BinaryFormat.MAGIC)) {
            throw new UserInputException(what + " is not a Spike-Transformer-Compiler binary (bad magic)");
        }
        int version = b.getShort(8) & 0xffff;
        if (version != BinaryFormat.VERSION) {
            throw new UserInputException(what + " has format version " + version + "; this build reads version "
                    + BinaryFormat.VERSION);
        }
        long declared = b.getLong(16);
        if (declared != size) {
            throw new UserInputException(what + (declared > size ? " is truncated" : " has trailing bytes") + ": header says "
                    + declared + " bytes, file has " + size);
        }
        long crc = b.getInt(24) & 0xffffffffL;
        int count = b.getInt(28);
        long tableEnd = BinaryFormat.HEADER_SIZE + (long) count * BinaryFormat.SECTION_ENTRY_SIZE;
        if (count < 0 || count > BinaryFormat.MAX_SECTIONS || tableEnd > size) {
            throw new UserInputException(what + " is corrupt: section table of " + count + " entries does not fit");
        }
        CRC32C actual = new CRC32C();
        ByteBuffer body = b.duplicate();
        body.position(BinaryFormat.HEADER_SIZE);
        actual.update(body);
        if (actual.getValue() != crc) {
            throw new UserInputException(what + " is corrupt: checksum mismatch (CRC32C " + Long.toHexString(actual.getValue())
                    + ", header says " + Long.toHexString(crc) + ")");
        }
        byte[] pid = new byte[16];
        b.get(32, pid);
        String profile = new String(pid, StandardCharsets.US_ASCII).replace("\0", "");
        List<BinaryImage.Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = BinaryFormat.HEADER_SIZE + i * BinaryFormat.SECTION_ENTRY_SIZE;
            long off = b.getLong(at + 8);
            long len = b.getLong(at + 16);
            if (off < tableEnd || len < 0 || off + len > size) {
                throw new UserInputException(what + " is corrupt: section " + i + " lies outside the file");
            }
            sections.add(new BinaryImage.Section(BinaryFormat.sectionName(b.getInt(at)), off, len));
        }
        return new BinaryImage(version, profile, b.getInt(48), b.getInt(52), b.getInt(56), size, crc, sections);
    }

    /**
     * Validates the file as {@link #read} does, then decodes every section for execution and checks everything
     * the chip emulator relies on (counts against bytes and limits, indices, shapes; see binary-format.md).
     */
    public static BinaryProgram load(Path file) {
        try {
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw new UserInputException("binary " + file + " is larger than 2 GB");
            }
            return load(Files.readAllBytes(file), "binary " + file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("binary not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read binary " + file + ": " + e.getMessage());
        }
    }

    /** Validates and decodes a binary held in memory. */
    public static BinaryProgram load(byte[] bytes, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        BinaryImage image = read(b, what);
        try {
            return BinaryDecoder.decode(image, b);
        } catch (CorruptBinary e) {
            throw new UserInputException(what + " is corrupt: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The decoder checks every field it reads; should one slip through, the user still gets one line in
            // their words (the cause stays attached for a stack trace, not in the message).
            throw new UserInputException(what + " is corrupt: its sections are inconsistent", e);
        }
    }
}
