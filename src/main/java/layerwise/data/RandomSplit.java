package layerwise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import layerwise.tensor.Generator;
import layerwise.tensor.Nulls;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;

/**
 * PyTorch 1.13's {@code random_split}: one randperm of the whole dataset, cut into consecutive pieces.
 * <pre>
 * fractions f_0..f_k summing to 1:  length_i = floor(n f_i), then the remainder handed out one by one to
 *                                   splits 0, 1, 2, ... (round robin)
 * indices = randperm(n, generator=g);   split i = Subset(indices[offset_i : offset_i + length_i])
 * </pre>
 */
final class RandomSplit {
    private RandomSplit() {
    }

    static List<Subset> byLengths(Dataset dataset, int[] lengths, Generator g) {
        Nulls.require(dataset, "random_split", "dataset", 1, "Dataset");
        Nulls.require(lengths, "random_split", "lengths", 2, "sequence of ints");
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new ValueError("Length of split at index " + i + " is negative: " + lengths[i],
                        "Each length counts the items of one split, so it is 0 or more.",
                        "pass lengths >= 0 that add up to the dataset's size, " + dataset.size() + ".");
            }
            total += lengths[i];
        }
        if (total != dataset.size()) {
            throw new ValueError("Sum of input lengths does not equal the length of the input dataset!",
                    "The lengths " + Arrays.toString(lengths) + " add up to " + total + ", but the dataset has "
                            + dataset.size() + " items; every item goes to exactly one split.",
                    "make the lengths add up to " + dataset.size() + ", or pass fractions that add up to 1, e.g. {0.8, 0.2}.");
        }
        float[] perm = Tensor.randperm(dataset.size(), g).toFloatArray();
        List<Subset> splits = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int k = 0; k < length; k++) indices[k] = (int) perm[offset + k];
            splits.add(new Subset(dataset, indices));
            offset += length;
        }
        return List.copyOf(splits);
    }

    static List<Subset> byFractions(Dataset dataset, double[] fractions, Generator g) {
        Nulls.require(dataset, "random_split", "dataset", 1, "Dataset");
        Nulls.require(fractions, "random_split", "lengths", 2, "sequence of floats");
        double sum = 0;
        for (double f : fractions) sum += f;
        // PyTorch: math.isclose(sum, 1) (relative tolerance 1e-9) and sum <= 1
        if (!(Math.abs(sum - 1) <= 1e-9 * Math.max(1, Math.abs(sum)) && sum <= 1)) {
            throw new ValueError("Sum of input lengths does not equal the length of the input dataset!",
                    "The fractions " + Arrays.toString(fractions) + " add up to " + sum + ", not 1, so they are not a"
                            + " division of the dataset (PyTorch then reads them as lengths, which they are not).",
                    "pass fractions that add up to 1, e.g. {0.8, 0.2}.");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new ValueError("Fraction at index " + i + " is not between 0 and 1",
                        "Fraction " + i + " is " + fractions[i] + "; each is the share of the dataset in one split.",
                        "pass fractions in [0, 1] that add up to 1, e.g. {0.8, 0.2}.");
            }
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < n - assigned; i++) lengths[i % lengths.length]++;
        return byLengths(dataset, lengths, g);
    }
}
