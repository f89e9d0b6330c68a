package org.spiketc.data;

import java.util.Arrays;

/**
 * A labelled image set, pixels as float in [0, 1] (uint8 / 255, as the training tool feeds PyTorch).
 *
 * @param name     where it came from
 * @param channels image channels
 * @param size     height = width
 * @param pixels   per image, channels*size*size values
 * @param labels   class per image
 */
public record LabelledImages(String name, int channels, int size, float[][] pixels, int[] labels) {
    public int count() {
        return labels.length;
    }

    public LabelledImages first(int n) {
        int k = Math.min(n, count());
        return new LabelledImages(name, channels, size, Arrays.copyOf(pixels, k), Arrays.copyOf(labels, k));
    }

    /**
     * {@code n} images: this set's images in order, starting over at the first when it runs out (a long
     * run on a small set, for example a GUI responsiveness measurement); named as repeated when it does.
     */
    public LabelledImages repeated(int n) {
        if (n <= count()) {
            return first(n);
        }
        float[][] p = new float[n][];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = pixels[i % count()];
            l[i] = labels[i % count()];
        }
        return new LabelledImages(name + " (" + count() + " images repeated to " + n + ")", channels, size, p, l);
    }
}
