package layerwise.data;

import java.util.List;
import layerwise.tensor.Generator;

/**
 * Datasets ready to train on, with nothing downloaded, and {@code random_split}.
 * <ul>
 * <li>{@link #digits()}: the UCI handwritten digits, 1,797 8x8 images (scikit-learn's load_digits).
 * <li>{@link #spirals}, {@link #moons}: 2-D points in classes that no straight line separates.
 * <li>{@link #parity}: bit sequences labelled by their parity, a task for recurrent networks.
 * <li>{@link #randomSplit}: train/test splits in PyTorch's exact order.
 * </ul>
 * Labels are float32 class indices (0, 1, ...), as CrossEntropyLoss takes them here. A generated set draws
 * from a generator seeded with {@code seed} (not the default one), so the same seed gives the same set.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * sklearn.datasets.load_digits(): x [1797, 64], the 8x8 images row by row with pixels 0..16 (divide by
     * 16 to scale to [0, 1]; {@code x.reshape(-1, 1, 8, 8)} for a Conv2d), and y [1797], the digits 0-9. Data:
     * E. Alpaydin and C. Kaynak, UCI ML repository (see layerwise/data/DIGITS-LICENSE.md).
     */
    public static TensorDataset digits() {
        return Digits.load();
    }

    /** {@code classes} spiral arms of {@code perClass} points each: x [perClass*classes, 2], y [perClass*classes]. */
    public static TensorDataset spirals(int perClass, int classes, long seed) {
        return PointClouds.spirals(perClass, classes, seed);
    }

    /** sklearn's make_moons(n, noise=noise) recipe: x [n, 2], y [n] with labels 0 and 1, shuffled. */
    public static TensorDataset moons(int n, double noise, long seed) {
        return PointClouds.moons(n, noise, seed);
    }

    /** n bit sequences of the given length, x [n, length, 1], and their parities y [n] (0 even, 1 odd). */
    public static TensorDataset parity(int n, int length, long seed) {
        return Parity.make(n, length, seed);
    }

    /**
     * random_split(dataset, lengths, generator): splits of the given sizes, which must add up to the
     * dataset's size. A null generator means the default one, as in PyTorch.
     */
    public static List<Subset> randomSplit(Dataset dataset, int[] lengths, Generator generator) {
        return RandomSplit.byLengths(dataset, lengths, generator);
    }

    /**
     * random_split(dataset, fractions, generator): {@code randomSplit(data, new double[] {0.8, 0.2},
     * new Generator().manualSeed(42))} gives PyTorch's train and test indices for the same call.
     */
    public static List<Subset> randomSplit(Dataset dataset, double[] fractions, Generator generator) {
        return RandomSplit.byFractions(dataset, fractions, generator);
    }
}
