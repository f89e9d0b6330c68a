package org.spiketc.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.spiketc.common.UserInputException;

/**
 * Fashion-MNIST: the 10,000 test images and the 60,000 training images from Debian's
 * {@code dataset-fashion-mnist} (or any folder with the same file names), or the 2,000-test-image subset
 * committed under {@code assets/data}.
 */
public final class FashionMnist {
    /** Where Debian's package installs the files. */
    public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    /** The committed subset (first 2,000 test images), bundled in the jar from assets/data. */
    static final String SUBSET_RESOURCE = "/org/spiketc/assets/data/fashion-mnist/";

    private FashionMnist() {
    }

    /** The full test set from a folder holding t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz). */
    public static LabelledImages testSet(Path dir) {
        return load(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"), "fashion-mnist test (" + dir + ")");
    }

    /** The 60,000 training images from a folder holding train-images-idx3-ubyte(.gz) and train-labels-idx1-ubyte(.gz). */
    public static LabelledImages trainSet(Path dir) {
        return load(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"), "fashion-mnist train (" + dir + ")");
    }

    /** The committed subset of the first 2,000 test images (shipped inside the jar). */
    public static LabelledImages subset() {
        String images = SUBSET_RESOURCE + "t10k-images-subset-idx3-ubyte.gz";
        String labels = SUBSET_RESOURCE + "t10k-labels-subset-idx1-ubyte.gz";
        if (FashionMnist.class.getResource(images) == null) {
            throw new UserInputException("the Fashion-MNIST subset is missing from this build (" + images + ")");
        }
        return combine(IdxReader.readImages(FashionMnist.class::getResourceAsStream, images),
                IdxReader.readLabels(FashionMnist.class::getResourceAsStream, labels), "fashion-mnist test subset");
    }

    static LabelledImages load(Path imageFile, Path labelFile, String name) {
        return combine(IdxReader.readImages(imageFile), IdxReader.readLabels(labelFile), name);
    }

    private static LabelledImages combine(IdxReader.Images images, byte[] labels, String name) {
        if (images.count() != labels.length) {
            throw new UserInputException(name + ": " + images.count() + " images but " + labels.length + " labels");
        }
        if (images.rows() != images.cols()) {
            throw new UserInputException(name + ": images are " + images.rows() + "x" + images.cols() + ", expected square");
        }
        float[][] px = new float[images.count()][];
        for (int i = 0; i < px.length; i++) {
            byte[] b = images.pixels()[i];
            float[] f = new float[b.length];
            for (int j = 0; j < b.length; j++) {
                f[j] = (b[j] & 0xff) / 255f;
            }
            px[i] = f;
        }
        int[] lab = new int[labels.length];
        for (int i = 0; i < lab.length; i++) {
            lab[i] = labels[i] & 0xff;
        }
        return new LabelledImages(name, 1, images.rows(), px, lab);
    }

    private static Path find(Path dir, String base) {
        for (String candidate : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UserInputException("no " + base + "(.gz) in " + dir);
    }
}
