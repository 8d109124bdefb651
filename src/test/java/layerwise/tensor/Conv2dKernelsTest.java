package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both conv2d kernels against the formula written out here, output by output: the bias, then the products
 * in the order c, u, v, padding taps multiplying 0 ({@link SumOrder}). The loops and the depthwise kernel
 * must give that plain sum bit for bit; the matrix-product kernels give its fused multiply-add version
 * bit for bit (the plain sum without SIMD), and stay within the rounding bound of the plain sum.
 */
class Conv2dKernelsTest {

    private static Tensor gaussian(Random r, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return Tensor.of(v, shape);
    }

    /** Checks both kernels on one problem; returns the fast output. */
    private static Tensor check(Tensor x, Tensor w, Tensor b, int s, int p, int d, int groups, String what) {
        int[] st = {s}, pd = {p}, dl = {d};
        Tensor fast = Kernels.conv2d(x, w, b, st, pd, dl, groups, Kernels.Kind.FAST);
        Tensor plain = Kernels.conv2d(x, w, b, st, pd, dl, groups, Kernels.Kind.PLAIN);
        assertArrayEquals(plain.shape(), fast.shape(), what);
        int[] xs = x.shape(), ws = w.shape(), os = fast.shape();
        int cg = ws[1], kH = ws[2], kW = ws[3], og = ws[0] / groups;
        boolean depthwise = cg == 1 && groups > 1;
        float[] xv = x.toFloatArray(), wv = w.toFloatArray(), bv = b == null ? null : b.toFloatArray();
        float[] f = fast.toFloatArray(), pl = plain.toFloatArray();
        float[] taps = new float[cg * kH * kW], weights = new float[cg * kH * kW];
        int at = 0;
        for (int n = 0; n < os[0]; n++) {
            for (int o = 0; o < os[1]; o++) {
                for (int i = 0; i < os[2]; i++) {
                    for (int j = 0; j < os[3]; j++, at++) {
                        int q = 0;
                        for (int c = 0; c < cg; c++) {
                            for (int u = 0; u < kH; u++) {
                                for (int v = 0; v < kW; v++, q++) {
                                    int row = i * s + u * d - p, col = j * s + v * d - p;
                                    boolean in = row >= 0 && row < xs[2] && col >= 0 && col < xs[3];
                                    taps[q] = in ? xv[((n * xs[1] + o / og * cg + c) * xs[2] + row) * xs[3] + col] : 0f;
                                    weights[q] = wv[((o * cg + c) * kH + u) * kW + v];
                                }
                            }
                        }
                        float start = bv == null ? 0f : bv[o];
                        float plainSum = SumOrder.plain(start, weights, taps);
                        float fastSum = depthwise ? plainSum : SumOrder.fast(start, weights, taps);
                        String where = what + " out[" + n + "," + o + "," + i + "," + j + "]";
                        if (!SumOrder.same(plainSum, pl[at])) fail(where + ": loops " + pl[at] + ", formula " + plainSum);
                        if (!SumOrder.same(fastSum, f[at])) fail(where + ": fast " + f[at] + ", formula " + fastSum);
                        if (Math.abs(f[at] - pl[at]) > SumOrder.bound(start, weights, taps)) fail(where + " beyond rounding");
                    }
                }
            }
        }
        return fast;
    }

    @Test
    @DisplayName("random shapes, groups (depthwise too), strides, dilations, paddings, batch 0 and 1, no bias")
    void randomShapes() {
        Random r = new Random(11);
        for (int trial = 0; trial < 150; trial++) {
            int groups = 1 + r.nextInt(3);
            int cg = 1 + r.nextInt(3), og = 1 + r.nextInt(3);
            int k = 1 + r.nextInt(3), s = 1 + r.nextInt(2), d = 1 + r.nextInt(2), p = r.nextInt(3);
            int h = d * (k - 1) + 1 + r.nextInt(7), w = d * (k - 1) + 1 + r.nextInt(7);
            Tensor x = gaussian(r, r.nextInt(3), groups * cg, h, w);
            Tensor weight = gaussian(r, groups * og, cg, k, k);
            Tensor bias = r.nextBoolean() ? gaussian(r, groups * og) : null;
            check(x, weight, bias, s, p, d, groups, "trial " + trial);
        }
    }

    @Test
    @DisplayName("1x1 convolutions are a matrix product; non-contiguous input; chunks of output rows bigger than one")
    void pointwiseViewsAndChunks() {
        Random r = new Random(12);
        check(gaussian(r, 2, 13, 5, 7), gaussian(r, 17, 13, 1, 1), gaussian(r, 17), 1, 0, 1, 1, "1x1");
        check(gaussian(r, 1, 6, 5, 7), gaussian(r, 9, 2, 1, 1), null, 1, 0, 1, 3, "1x1 grouped");
        Tensor wide = gaussian(r, 1, 3, 9, 11).transpose(2, 3);            // (1, 3, 11, 9), not contiguous
        check(wide, gaussian(r, 4, 3, 3, 3), gaussian(r, 4), 1, 1, 1, 1, "transposed view");
        // Kernels wider than the image, whole rows of taps in the padding.
        check(gaussian(r, 1, 3, 3, 3), gaussian(r, 8, 3, 7, 7), gaussian(r, 8), 1, 2, 1, 1, "7x7 kernel on 3x3, padding 2");
        check(gaussian(r, 2, 2, 4, 2), gaussian(r, 3, 2, 5, 5), null, 2, 3, 1, 1, "5x5 kernel, stride 2, padding 3");
        check(gaussian(r, 1, 2, 2, 2), gaussian(r, 2, 1, 3, 3), null, 1, 2, 2, 2, "depthwise, dilation 2, padding 2");
        // 72 rows x 300 columns per output row: several chunks of rows per image, over two images.
        int rowsPerChunk = Conv2dIm2col.SCRATCH_FLOATS / (8 * 9 * 300);
        assertTrue(rowsPerChunk < 20, "the case spans several chunks");
        check(gaussian(r, 2, 8, 20, 300), gaussian(r, 5, 8, 3, 3), gaussian(r, 5), 1, 1, 1, 1, "chunked");
    }

    @Test
    @DisplayName("an Inf weight meets the zero padding: NaN at the border in every kernel, Inf inside")
    void infWeightAndPadding() {
        Tensor x = Tensor.ones(1, 2, 4, 4);
        Tensor w = Tensor.ones(2, 2, 3, 3);
        w.set(Float.POSITIVE_INFINITY, 0, 0, 0, 0);
        Tensor dense = check(x, w, null, 1, 1, 1, 1, "dense");
        assertTrue(Float.isNaN(dense.get(0, 0, 0, 0)) && Float.isInfinite(dense.get(0, 0, 1, 1)), dense.toString());
        Tensor dw = Tensor.ones(2, 1, 3, 3);
        dw.set(Float.POSITIVE_INFINITY, 0, 0, 0, 0);
        Tensor depthwise = check(x, dw, null, 1, 1, 1, 2, "depthwise");
        assertTrue(Float.isNaN(depthwise.get(0, 0, 0, 3)) && depthwise.get(0, 1, 0, 0) == 4f, depthwise.toString());
        Tensor nanInput = Tensor.ones(1, 2, 4, 4);
        nanInput.set(Float.NaN, 0, 1, 2, 2);
        Tensor spread = check(nanInput, Tensor.ones(3, 2, 3, 3), Tensor.zeros(3), 1, 1, 1, 1, "NaN input");
        assertEquals(9 * 3, countNaN(spread), "a NaN reaches the 3x3 outputs around it in each channel");
    }

    private static int countNaN(Tensor t) {
        int count = 0;
        for (float v : t.toFloatArray()) if (Float.isNaN(v)) count++;
        return count;
    }
}
