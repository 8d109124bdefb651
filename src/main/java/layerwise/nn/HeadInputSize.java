package layerwise.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The input size a classifier head was built for: when a Linear after a conv/pool stack and a Flatten
 * gets too few features, the same stack on a larger image may give exactly its in_features (a network
 * built for 32×32 given 8×8). The sizes are worked out by the layers' formulas, nothing is run.
 */
final class HeadInputSize {
    private HeadInputSize() {
    }

    /** The largest input size tried when looking for the one a head was built for. */
    private static final int MAX_IMAGE_SIDE = 1024;

    /**
     * "32×32": the smallest larger input (square for a square input, else both sides times the same
     * factor) for which the layers before the Flatten give {@code features}; null when none does or a
     * layer's sizes cannot be worked out by formula.
     */
    static String find(List<NetworkErrors.Step> steps, NetworkErrors.Step flatten, int features) {
        int[] in = steps.get(0).input();
        int r = in.length;
        if (r != 4 && r != 3) return null;
        int h = in[r - 2];
        int w = in[r - 1];
        int channels = flatten.input()[1];
        // A square input: every larger side; otherwise both sides times the same factor.
        for (int f = 2, side = h + 1; h == w ? side <= MAX_IMAGE_SIDE : (long) Math.max(h, w) * f <= MAX_IMAGE_SIDE; f++, side++) {
            int hh = h == w ? side : h * f;
            int ww = h == w ? side : w * f;
            int[] got = sizesAt(steps, steps.indexOf(flatten), hh, ww);
            if (got == null) return null;
            if ((long) channels * got[0] * got[1] == features) return hh + "×" + ww;
        }
        return null;
    }

    /** H and W reaching step {@code to} for an input of hh×ww, by the layers' formulas; null if a layer has none. */
    private static int[] sizesAt(List<NetworkErrors.Step> steps, int to, int hh, int ww) {
        int[] hw = {hh, ww};
        for (int j = 0; j < to; j++) {
            Module m = steps.get(j).module();
            if (m instanceof Conv2d c) {
                if ("same".equals(c.paddingString())) continue;
                int[] p = c.paddingString() == null ? c.padding() : new int[] {0, 0};
                for (int i = 0; i < 2; i++) hw[i] = outSize(hw[i], c.kernelSize()[i], c.stride()[i], p[i], c.dilation()[i], false);
            } else if (m instanceof Pool2d pool) {
                int[] d = pool instanceof MaxPool2d max ? max.dilation() : new int[] {1};
                if (pool.kernelSize().length == 0 || pool.stride().length == 0 || pool.padding().length == 0 || d.length == 0) {
                    return null;
                }
                for (int i = 0; i < 2; i++) {
                    hw[i] = outSize(hw[i], at(pool.kernelSize(), i), at(pool.stride(), i), at(pool.padding(), i), at(d, i),
                            pool.ceilMode());
                }
            } else if (!Arrays.equals(steps.get(j).input(), steps.get(j + 1).input())) {
                return null;                                   // a layer that changes the shape some other way
            }
            if (hw[0] < 1 || hw[1] < 1) return new int[] {0, 0};
        }
        return hw;
    }

    /** Dim i of a pool's size, given as one value for both dims or as {height, width}. */
    private static int at(int[] size, int i) {
        return size.length == 1 ? size[0] : size[i];
    }

    /** PyTorch's output size of a conv or pool; with ceil_mode the last window must start inside the input or left padding. */
    private static int outSize(int size, int k, int s, int p, int d, boolean ceil) {
        int numerator = size + 2 * p - d * (k - 1) - 1;
        if (numerator < 0) return 0;
        int out = (ceil ? (numerator + s - 1) / s : numerator / s) + 1;
        if (ceil && (out - 1) * s >= size + p) out--;
        return out;
    }
}
