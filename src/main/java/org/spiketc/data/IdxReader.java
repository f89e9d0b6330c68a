package org.spiketc.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.spiketc.common.UserInputException;

/**
 * Reads IDX files (the MNIST family's format), gzipped or not: a big-endian magic (0x0803 for
 * uint8 images n x rows x cols, 0x0801 for uint8 labels n), the dimensions, then the bytes.
 *
 * <p>The header is checked against the documented limits ({@link #MAX_ITEMS} items, sides up to
 * {@link #MAX_SIDE}, at most {@link #MAX_BODY_BYTES} bytes of pixels) and nothing is sized from it:
 * the body is read into a buffer that grows only as bytes actually arrive (a gzipped file's size is
 * unknown up front), so a header that claims more than the file holds costs no more memory than the
 * file and ends in one "truncated" error naming how much is there.
 */
public final class IdxReader {
    static final int IMAGES = 0x0803;
    static final int LABELS = 0x0801;
    /** Most images or labels in one file (Fashion-MNIST's training set has 60,000). */
    static final int MAX_ITEMS = 10_000_000;
    /** Largest image side in pixels. */
    static final int MAX_SIDE = 4096;
    /** Most pixel (or label) bytes in one file: 1 GiB, which the data set holds as 4 GiB of floats. */
    static final long MAX_BODY_BYTES = 1L << 30;
    /** First size of the body buffer; it doubles as data arrives, up to the declared size. */
    private static final int FIRST_CHUNK = 1 << 16;

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
        try (InputStream in = open(source, file)) {
            int magic = header(in, file, "magic number");
            if (magic != IMAGES) {
                throw new UserInputException(file + " is not an IDX image file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x803)");
            }
            int n = header(in, file, "image count");
            int rows = header(in, file, "row count");
            int cols = header(in, file, "column count");
            if (n < 0 || n > MAX_ITEMS) {
                throw new UserInputException(file + ": header field 'image count' is " + n + ", must be 0.." + MAX_ITEMS);
            }
            if (rows <= 0 || rows > MAX_SIDE || cols <= 0 || cols > MAX_SIDE) {
                throw new UserInputException(file + ": header declares images of " + rows + " x " + cols
                        + " pixels, each side must be 1.." + MAX_SIDE);
            }
            int perImage = rows * cols;
            long declared = (long) n * perImage;
            if (declared > MAX_BODY_BYTES) {
                throw new UserInputException(file + ": header declares " + n + " images of " + rows + " x " + cols
                        + " pixels (" + declared + " bytes), more than the limit of " + MAX_BODY_BYTES + " bytes");
            }
            byte[] body = body(in, (int) declared);
            if (body.length < declared) {
                throw new UserInputException(file + " is truncated: its header declares " + n + " images of " + rows
                        + " x " + cols + " pixels but it holds " + body.length / perImage + " ("
                        + body.length + " of " + declared + " pixel bytes)");
            }
            byte[][] px = new byte[n][];
            for (int i = 0; i < n; i++) {
                px[i] = Arrays.copyOfRange(body, i * perImage, (i + 1) * perImage);
            }
            return new Images(n, rows, cols, px);
        } catch (NoSuchFileException e) {
            throw new UserInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static byte[] readLabels(Source source, String file) {
        try (InputStream in = open(source, file)) {
            int magic = header(in, file, "magic number");
            if (magic != LABELS) {
                throw new UserInputException(file + " is not an IDX label file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x801)");
            }
            int n = header(in, file, "label count");
            if (n < 0 || n > MAX_ITEMS) {
                throw new UserInputException(file + ": header field 'label count' is " + n + ", must be 0.." + MAX_ITEMS);
            }
            byte[] labels = body(in, n);
            if (labels.length < n) {
                throw new UserInputException(file + " is truncated: its header declares " + n + " labels but it holds "
                        + labels.length);
            }
            return labels;
        } catch (NoSuchFileException e) {
            throw new UserInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static UserInputException unreadable(String file, IOException e) {
        String detail = e.getMessage() == null ? "read error" : e.getMessage().lines().findFirst().orElse("read error");
        if (e instanceof ZipException || e instanceof EOFException) {
            return new UserInputException(file + " is a corrupt or truncated gzip file (" + detail + ")");
        }
        return new UserInputException("cannot read " + file + ": " + detail);
    }

    /** One big-endian header int; a file that ends inside the header is named as such. */
    private static int header(InputStream in, String file, String field) throws IOException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw new UserInputException(file + " is truncated: it ends inside the header (field '" + field + "')");
            }
            v = v << 8 | b;
        }
        return v;
    }

    /**
     * Up to {@code declared} bytes, as many as the stream holds; the buffer starts small and doubles
     * only when it is full, so memory follows the bytes present, not the header's claim.
     */
    private static byte[] body(InputStream in, int declared) throws IOException {
        byte[] buf = new byte[Math.min(declared, FIRST_CHUNK)];
        int len = 0;
        while (len < declared) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(declared, 2L * buf.length));
            }
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                break;
            }
            len += r;
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    private static InputStream open(Source source, String file) throws IOException {
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
        return gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }
}
