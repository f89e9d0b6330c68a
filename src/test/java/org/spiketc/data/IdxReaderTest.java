package org.spiketc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.spiketc.common.UserInputException;

class IdxReaderTest {
    static byte[] images(int n, int rows, int cols, int bodyBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + bodyBytes).putInt(IdxReader.IMAGES).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < bodyBytes; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    static byte[] labels(int n, int bodyBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + bodyBytes).putInt(IdxReader.LABELS).putInt(n);
        for (int i = 0; i < bodyBytes; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    static IdxReader.Images readImages(byte[] file) {
        return IdxReader.readImages(name -> new ByteArrayInputStream(file), "x.idx");
    }

    static byte[] readLabels(byte[] file) {
        return IdxReader.readLabels(name -> new ByteArrayInputStream(file), "y.idx");
    }

    @Test
    void readsImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] file = images(3, 2, 2, 12);
        for (byte[] f : new byte[][] {file, gzip(file)}) {
            IdxReader.Images im = readImages(f);
            assertThat(im.count()).isEqualTo(3);
            assertThat(im.pixels()[2]).containsExactly(8, 9, 10, 11);
        }
        assertThat(readLabels(gzip(labels(5, 5)))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void theShippedSubsetStillLoads() {
        LabelledImages s = FashionMnist.subset();
        assertThat(s.count()).isEqualTo(2000);
        assertThat(s.size()).isEqualTo(28);
    }

    @Test
    void aHeaderClaimingMoreImagesThanTheFileHoldsIsTruncatedNotAllocated() {
        // 1,000,000 images of 28 x 28 claimed (784 MB), 3 present: named as truncated with what is there
        long before = allocated();
        assertThatThrownBy(() -> readImages(images(1_000_000, 28, 28, 3 * 784 + 5)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("x.idx is truncated: its header declares 1000000 images of 28 x 28 pixels but it holds 3"
                        + " (2357 of 784000000 pixel bytes)");
        assertThat(allocated() - before).isLessThan(8L << 20);
    }

    @Test
    void headerFieldsOutsideTheDocumentedLimitsAreNamed() {
        assertThatThrownBy(() -> readImages(images(20_000_000, 1, 1, 0)))
                .hasMessage("x.idx: header field 'image count' is 20000000, must be 0..10000000");
        assertThatThrownBy(() -> readImages(images(1, 5000, 2, 0)))
                .hasMessage("x.idx: header declares images of 5000 x 2 pixels, each side must be 1..4096");
        assertThatThrownBy(() -> readImages(images(100_000, 4096, 4096, 0)))
                .hasMessage("x.idx: header declares 100000 images of 4096 x 4096 pixels (1677721600000 bytes),"
                        + " more than the limit of 1073741824 bytes");
        assertThatThrownBy(() -> readLabels(labels(-1, 0)))
                .hasMessage("y.idx: header field 'label count' is -1, must be 0..10000000");
    }

    @Test
    void aSmallLabelFileClaimingManyLabelsAllocatesOnlyWhatItHolds() {
        assertThatThrownBy(() -> readLabels(labels(10_000_000, 40)))
                .hasMessage("y.idx is truncated: its header declares 10000000 labels but it holds 40");
    }

    @Test
    void aFileEndingInsideTheHeaderOrACorruptGzipIsOneLine() throws IOException {
        assertThatThrownBy(() -> readImages(new byte[] {0, 0, 8, 3, 0, 0}))
                .hasMessage("x.idx is truncated: it ends inside the header (field 'image count')");
        byte[] gz = gzip(images(3, 2, 2, 12));
        assertThatThrownBy(() -> readImages(Arrays.copyOf(gz, gz.length - 12)))
                .hasMessageStartingWith("x.idx is a corrupt or truncated gzip file (");
        assertThatThrownBy(() -> readLabels(images(1, 1, 1, 1)))
                .hasMessage("y.idx is not an IDX label file (magic 0x803, expected 0x801)");
    }
}
