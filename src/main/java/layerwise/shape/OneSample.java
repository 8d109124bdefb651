package layerwise.shape;

import java.util.Arrays;

/**
 * A proposal is checked on one sample of its input: every size but the batch follows from the sample's, and
 * the batch size N passes through a layer unchanged, so a batch of a million costs what a batch of one does.
 */
final class OneSample {
    private OneSample() {
    }

    /** {@code shape} with each of {@code batchDims} set to 1. */
    static int[] of(int[] shape, int... batchDims) {
        int[] one = shape.clone();
        for (int d : batchDims) one[d] = 1;
        return one;
    }

    /** {@code shape} with its leading {@code count} dims (the rows a Linear keeps) set to 1. */
    static int[] rows(int[] shape, int count) {
        int[] one = shape.clone();
        Arrays.fill(one, 0, count, 1);
        return one;
    }

    /** {@code shape} with dim {@code d} set back to the input's batch size {@code n}. */
    static int[] withBatch(int[] shape, int d, int n) {
        int[] s = shape.clone();
        s[d] = n;
        return s;
    }

    /** The check as a proposal prints it: "ran on zeros [1, 8] → [1, 4] (one sample: ...)". */
    static String checked(int[] sample, int[] got, int[] input) {
        String ran = "ran on zeros " + Names.shape(sample) + " → " + Names.shape(got);
        return Arrays.equals(sample, input) ? ran : ran + " (one sample: the batch size N passes through)";
    }
}
