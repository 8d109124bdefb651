package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both conv2d backward kernels against the sums written out here, element by element, from the forward's
 * formula (every output (n, o, i, j) and tap (c, u, v) sends g·W to the input it read and g·x to the weight):
 * <ul>
 *   <li>dW and db: the products of each element in the order n, i, j. The loops give their plain sum
 *       bit for bit ({@link SumOrder#plain}), the GEMM kernel their fused multiply-add sum (or the plain
 *       one without SIMD), bit for bit;</li>
 *   <li>dx: the GEMM kernel groups its products differently (over o first, then over the taps), so each
 *       kernel is held to the rounding bound of a k-term sum, gamma_k·Σ|g·W| (see {@link SumOrder}),
 *       around the exact sum computed in double; they differ from each other by at most twice that.</li>
 * </ul>
 */
class Conv2dBackwardTest {
    private static final double U = Math.scalb(1.0, -24);

    private static Tensor gaussian(Random r, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return Tensor.of(v, shape);
    }

    /** Runs both kernels on one problem (pads {left, right, top, bottom}) and checks them against the sums. */
    private static void check(Tensor x, Tensor w, int[] stride, int[] pads, int[] dilation, int groups, Tensor g,
                              String what) {
        Conv2dGeometry geo = Conv2dGeometry.of(x, w, null, stride, pads, dilation, groups, null);
        assertArrayEquals(new int[] {geo.batch(), geo.outChannels(), geo.outH(), geo.outW()}, g.shape(), what + ": g's shape");
        Tensor[] plain = Conv2dBackward.loops(g, x, w, geo, true, true, true);
        Tensor[] fast = Conv2dBackward.fast(g, x, w, geo, true, true, true);
        assertArrayEquals(x.shape(), fast[0].shape(), what);
        assertArrayEquals(w.shape(), fast[1].shape(), what);
        assertArrayEquals(new int[] {w.size(0)}, fast[2].shape(), what);
        for (int k = 0; k < 3; k++) assertArrayEquals(plain[k].shape(), fast[k].shape(), what);

        int[] xs = x.shape(), ws = w.shape(), os = g.shape();
        int cg = ws[1], kH = ws[2], kW = ws[3], og = ws[0] / groups;
        float[] xv = x.toFloatArray(), wv = w.toFloatArray(), gv = g.toFloatArray();
        double[] dxExact = new double[xv.length], dxMass = new double[xv.length];
        int[] dxTerms = new int[xv.length];
        int taps = os[0] * os[2] * os[3];
        float[][] dwG = new float[wv.length][taps], dwX = new float[wv.length][taps];
        int[] dwCount = new int[wv.length];
        float[][] dbG = new float[os[1]][os[0] * os[2] * os[3]];
        int[] dbCount = new int[os[1]];
        // Scatter every product to the element it belongs to, in the order n, o, i, j, c, u, v.
        for (int n = 0; n < os[0]; n++) {
            for (int o = 0; o < os[1]; o++) {
                for (int i = 0; i < os[2]; i++) {
                    for (int j = 0; j < os[3]; j++) {
                        float gnoij = gv[((n * os[1] + o) * os[2] + i) * os[3] + j];
                        dbG[o][dbCount[o]++] = gnoij;
                        for (int c = 0; c < cg; c++) {
                            int ch = o / og * cg + c;
                            for (int u = 0; u < kH; u++) {
                                for (int v = 0; v < kW; v++) {
                                    int row = i * stride[0] - pads[2] + u * dilation[0];
                                    int col = j * stride[1] - pads[0] + v * dilation[1];
                                    if (row < 0 || row >= xs[2] || col < 0 || col >= xs[3]) continue;
                                    int xi = ((n * xs[1] + ch) * xs[2] + row) * xs[3] + col;
                                    int wi = ((o * cg + c) * kH + u) * kW + v;
                                    double product = (double) gnoij * wv[wi];
                                    dxExact[xi] += product;
                                    dxMass[xi] += Math.abs(product);
                                    dxTerms[xi]++;
                                    dwG[wi][dwCount[wi]] = gnoij;
                                    dwX[wi][dwCount[wi]++] = xv[xi];
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] dxPlain = plain[0].toFloatArray(), dxFast = fast[0].toFloatArray();
        for (int e = 0; e < xv.length; e++) {
            int k = dxTerms[e] + 1;
            double bound = k * U / (1 - k * U) * dxMass[e] + Float.MIN_VALUE;
            if (Math.abs(dxPlain[e] - dxExact[e]) > bound) fail(what + " dx[" + e + "] loops " + dxPlain[e] + ", exact " + dxExact[e]);
            if (Math.abs(dxFast[e] - dxExact[e]) > bound) fail(what + " dx[" + e + "] fast " + dxFast[e] + ", exact " + dxExact[e]);
        }
        float[] dwPlain = plain[1].toFloatArray(), dwFast = fast[1].toFloatArray();
        for (int e = 0; e < wv.length; e++) {
            float[] a = java.util.Arrays.copyOf(dwG[e], dwCount[e]), b = java.util.Arrays.copyOf(dwX[e], dwCount[e]);
            if (!SumOrder.same(SumOrder.plain(0f, a, b), dwPlain[e])) fail(what + " dW[" + e + "] loops " + dwPlain[e]);
            if (!SumOrder.same(SumOrder.fast(0f, a, b), dwFast[e])) fail(what + " dW[" + e + "] fast " + dwFast[e]);
        }
        float[] dbPlain = plain[2].toFloatArray(), dbFast = fast[2].toFloatArray();
        for (int o = 0; o < os[1]; o++) {
            float[] ones = new float[dbCount[o]];
            java.util.Arrays.fill(ones, 1f);
            float expected = SumOrder.plain(0f, dbG[o], ones);
            assertTrue(SumOrder.same(expected, dbPlain[o]) && SumOrder.same(expected, dbFast[o]),
                    what + " db[" + o + "]: " + expected + ", loops " + dbPlain[o] + ", fast " + dbFast[o]);
        }
    }

    private static void check(Tensor x, Tensor w, int s, int p, int d, int groups, Random r, String what) {
        Conv2dGeometry geo = Conv2dGeometry.of(x, w, null, new int[] {s, s}, new int[] {p, p, p, p}, new int[] {d, d}, groups, null);
        check(x, w, new int[] {s, s}, new int[] {p, p, p, p}, new int[] {d, d}, groups,
                gaussian(r, geo.batch(), geo.outChannels(), geo.outH(), geo.outW()), what);
    }

    @Test
    @DisplayName("random shapes: groups, depthwise, strides past the kernel, dilations, uneven padding, batch and channels 0 and 1")
    void randomShapes() {
        Random r = new Random(21);
        int[] sizes = {1, 2, 3, 5, 7};
        for (int trial = 0; trial < 200; trial++) {
            int groups = 1 + r.nextInt(3);
            int cg = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(3), og = 1 + r.nextInt(3);
            int kH = 1 + r.nextInt(3), kW = 1 + r.nextInt(3);
            int[] s = {1 + r.nextInt(3), 1 + r.nextInt(3)}, d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
            int[] pads = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
            int h = Math.max(0, d[0] * (kH - 1) + 1 - pads[2] - pads[3]) + sizes[r.nextInt(sizes.length)] - 1;
            int w = Math.max(0, d[1] * (kW - 1) + 1 - pads[0] - pads[1]) + sizes[r.nextInt(sizes.length)] - 1;
            int batch = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(3);
            Tensor x = gaussian(r, batch, groups * cg, h, w);
            Tensor weight = gaussian(r, groups * og, cg, kH, kW);
            Conv2dGeometry geo = Conv2dGeometry.of(x, weight, null, s, pads, d, groups, null);
            Tensor g = gaussian(r, geo.batch(), geo.outChannels(), geo.outH(), geo.outW());
            check(x, weight, s, pads, d, groups, g, "trial " + trial);
        }
    }

    @Test
    @DisplayName("non-contiguous x and g (a transposed view, an expanded gradient), odd and prime sizes")
    void views() {
        Random r = new Random(22);
        Tensor wide = gaussian(r, 2, 3, 11, 13).transpose(2, 3);                // (2, 3, 13, 11)
        Tensor w = gaussian(r, 4, 3, 3, 3);
        Tensor g = gaussian(r, 2, 4, 11, 13).transpose(2, 3);                   // (2, 4, 13, 11), 'same' output
        check(wide, w, new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1, g, "transposed x and g");
        Tensor expanded = Tensor.of(new float[] {0.5f}, 1, 1, 1, 1).expand(2, 4, 13, 11);   // stride 0: y.sum()'s gradient
        check(wide, w, new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1, expanded, "expanded g");
        check(gaussian(r, 1, 5, 7, 11), gaussian(r, 5, 1, 2, 2), 3, 0, 1, 5, r, "depthwise, stride 3 past a 2x2 kernel");
        check(gaussian(r, 3, 6, 13, 7), gaussian(r, 9, 2, 3, 5), 2, 2, 2, 3, r, "groups 3, 3x5 kernel, dilation 2");
    }

    @Test
    @DisplayName("large enough to run on every thread: several chunks per image, one image, many images; thread count changes nothing")
    void threadsAndChunks() {
        Random r = new Random(23);
        int rowsPerChunk = Conv2dIm2col.SCRATCH_FLOATS / (8 * 9 * 300);
        assertTrue(rowsPerChunk < 20, "the case spans several chunks");
        check(gaussian(r, 2, 8, 20, 300), gaussian(r, 5, 8, 3, 3), 1, 1, 1, 1, r, "chunked");
        check(gaussian(r, 1, 16, 17, 19), gaussian(r, 12, 16, 3, 3), 1, 1, 1, 1, r, "one image");
        check(gaussian(r, 7, 6, 12, 12), gaussian(r, 10, 3, 3, 3), 2, 1, 1, 2, r, "seven images, two groups");
        check(gaussian(r, 2, 3, 40, 40), gaussian(r, 16, 3, 5, 5), 1, 2, 1, 1, r, "three input channels (blocks of output channels)");

        Tensor x = gaussian(r, 3, 16, 21, 23), w = gaussian(r, 24, 8, 3, 3);
        Tensor g = gaussian(r, 3, 24, 21, 23);
        int before = Kernels.threads();
        try {
            Kernels.setThreads(1);
            Tensor[] one = Kernels.conv2dBackward(g, x, w, new int[] {1}, new int[] {1}, new int[] {1}, 2, true, true, true,
                    Kernels.Kind.FAST);
            Kernels.setThreads(2);
            Tensor[] two = Kernels.conv2dBackward(g, x, w, new int[] {1}, new int[] {1}, new int[] {1}, 2, true, true, true,
                    Kernels.Kind.FAST);
            for (int k = 0; k < 3; k++) assertArrayEquals(one[k].toFloatArray(), two[k].toFloatArray(), "gradient " + k);
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    @DisplayName("Kernels.conv2dBackward: unbatched input, only the gradients asked for, a gradient of the wrong shape refused")
    void publicSeam() {
        Random r = new Random(24);
        Tensor x = gaussian(r, 3, 6, 6), w = gaussian(r, 4, 3, 3, 3), g = gaussian(r, 4, 3, 3);
        for (Kernels.Kind kind : Kernels.Kind.values()) {
            Tensor[] d = Kernels.conv2dBackward(g, x, w, new int[] {2}, new int[] {1}, new int[] {1}, 1, true, false, true, kind);
            assertArrayEquals(new int[] {3, 6, 6}, d[0].shape(), kind.toString());
            assertNull(d[1], kind.toString());
            assertArrayEquals(new int[] {4}, d[2].shape(), kind.toString());
            Tensor[] batched = Kernels.conv2dBackward(g.unsqueeze(0), x.unsqueeze(0), w, new int[] {2}, new int[] {1},
                    new int[] {1}, 1, true, true, true, kind);
            assertArrayEquals(batched[0].squeeze(0).toFloatArray(), d[0].toFloatArray(), kind.toString());
        }
        ShapeError e = org.junit.jupiter.api.Assertions.assertThrows(ShapeError.class, () -> Kernels.conv2dBackward(
                gaussian(r, 4, 2, 2), x, w, new int[] {2}, new int[] {1}, new int[] {1}, 1, true, true, true, Kernels.Kind.FAST));
        assertEquals("Expected grad_output of size [4, 3, 3], but got [4, 2, 2]", e.getMessage().lines().findFirst().orElse(""));
        TypeError none = org.junit.jupiter.api.Assertions.assertThrows(TypeError.class, () -> Kernels.conv2dBackward(
                null, x, w, new int[] {2}, new int[] {1}, new int[] {1}, 1, true, true, true, Kernels.Kind.FAST));
        assertTrue(none.getMessage().contains("grad_output"), none.getMessage());
    }
}
