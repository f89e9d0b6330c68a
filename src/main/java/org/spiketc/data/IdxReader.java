package org.spiketc.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.spiketc.common.UserInputException;

/**
 * Reads IDX files (the MNIST family's format), gzipped or not: a big-endian magic (0x0803 for
 * uint8 images n x rows x cols, 0x0801 for uint8 labels n), the dimensions, then the bytes.
 * A wrong magic, a truncated body or implausible dimensions give one clear error.
 */
public final class IdxReader {
    static final int IMAGES = 0x0803;
    static final int LABELS = 0x0801;
    private static final int MAX_ITEMS = 10_000_000;

    private IdxReader() {
    }

    /** Images as [n][rows*cols] unsigned bytes, with their dimensions. */
    public record Images(int count, int rows, int cols, byte[][] pixels) {
    }

    /** Opens a named stream (a file or a class-path resource). */
    @FunctionalInterface
    public interface Source {
        InputStream open(String name) throws IOException;
    }

    public static Images readImages(Path file) {
        return readImages(name -> Files.newInputStream(Path.of(name)), file.toString());
    }

    public static byte[] readLabels(Path file) {
        return readLabels(name -> Files.newInputStream(Path.of(name)), file.toString());
    }

    public static Images readImages(Source source, String file) {
        try (DataInputStream in = open(source, file)) {
            int magic = in.readInt();
            if (magic != IMAGES) {
                throw new UserInputException(file + " is not an IDX image file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x803)");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n < 0 || n > MAX_ITEMS || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
                throw new UserInputException(file + " has implausible dimensions " + n + " x " + rows + " x " + cols);
            }
            byte[][] px = new byte[n][rows * cols];
            for (int i = 0; i < n; i++) {
                in.readFully(px[i]);
            }
            return new Images(n, rows, cols, px);
        } catch (EOFException e) {
            throw new UserInputException(file + " is truncated: fewer images than its header declares");
        } catch (NoSuchFileException e) {
            throw new UserInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static byte[] readLabels(Source source, String file) {
        try (DataInputStream in = open(source, file)) {
            int magic = in.readInt();
            if (magic != LABELS) {
                throw new UserInputException(file + " is not an IDX label file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x801)");
            }
            int n = in.readInt();
            if (n < 0 || n > MAX_ITEMS) {
                throw new UserInputException(file + " declares an implausible " + n + " labels");
            }
            byte[] labels = new byte[n];
            in.readFully(labels);
            return labels;
        } catch (EOFException e) {
            throw new UserInputException(file + " is truncated: fewer labels than its header declares");
        } catch (NoSuchFileException e) {
            throw new UserInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static DataInputStream open(Source source, String file) throws IOException {
        InputStream stream = source.open(file);
        if (stream == null) {
            throw new NoSuchFileException(file);
        }
        InputStream raw = new BufferedInputStream(stream, 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(new BufferedInputStream(gz ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
    }
}
