package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fast matrix product against sums written out here ({@link SumOrder}): bit for bit against the same
 * order of fused multiply-adds (SIMD) or of plain adds (scalar fallback, -Dlayerwise.simd=off or no Vector
 * API module), and within the rounding bound of the plain loop either way. Shapes are odd, prime, zero,
 * larger than the cache blocks; operands are transposed and offset views; C has a wider row stride.
 */
class GemmTest {
    private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 16, 17, 20, 31, 32, 33, 47, 64, 97, 131, 257};

    /** One random product, checked element by element. */
    private static void check(Random r, int m, int n, int k, boolean aT, boolean bT, boolean accumulate, String what) {
        int aOff = r.nextInt(3), bOff = r.nextInt(3), cOff = r.nextInt(3), ldc = n + r.nextInt(3);
        float[] a = gaussian(r, aOff + m * k);
        float[] b = gaussian(r, bOff + k * n);
        // A stored row-major (ars = k, acs = 1) or as the transpose of a (k x m) matrix (ars = 1, acs = m).
        int ars = aT ? 1 : k, acs = aT ? m : 1;
        int brs = bT ? 1 : n, bcs = bT ? k : 1;
        float[] c = gaussian(r, cOff + m * ldc);
        float[] c0 = c.clone();
        Gemm.gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        float[] ai = new float[k];
        float[] bj = new float[k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) ai[p] = a[aOff + i * ars + p * acs];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) bj[p] = b[bOff + p * brs + j * bcs];
                float start = accumulate ? c0[cOff + i * ldc + j] : 0f;
                float got = c[cOff + i * ldc + j];
                float want = SumOrder.fast(start, ai, bj);
                if (!SumOrder.same(want, got)) {
                    fail(what + " C[" + i + "][" + j + "] = " + got + ", the same sum in order gives " + want);
                }
                float plain = SumOrder.plain(start, ai, bj);
                double bound = SumOrder.bound(start, ai, bj);
                if (Math.abs(plain - got) > bound) {
                    fail(what + " C[" + i + "][" + j + "] = " + got + " is " + Math.abs(plain - got)
                            + " from the plain loop's " + plain + ", more than rounding allows (" + bound + ")");
                }
            }
            // Outside the n columns of each row, C is untouched.
            for (int j = n; j < ldc; j++) assertEquals(c0[cOff + i * ldc + j], c[cOff + i * ldc + j], what + " padding");
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    @Test
    @DisplayName("random shapes (odd, prime, zero), transposed operands, offsets, accumulate: same sums as written out")
    void randomShapes() {
        Random r = new Random(1);
        for (int trial = 0; trial < 120; trial++) {
            int m = SIZES[r.nextInt(SIZES.length)], n = SIZES[r.nextInt(SIZES.length)], k = SIZES[r.nextInt(SIZES.length)];
            boolean aT = r.nextBoolean(), bT = r.nextBoolean(), acc = r.nextBoolean();
            check(r, m, n, k, aT, bT, acc, "trial " + trial + " (" + m + "x" + k + " @ " + k + "x" + n
                    + (aT ? ", A transposed" : "") + (bT ? ", B transposed" : "") + (acc ? ", C +=" : "") + ")");
        }
    }

    @Test
    @DisplayName("beyond one cache block in every direction (k > 256, m > 120, n > 512) and split over threads")
    void largerThanBlocks() {
        int before = Parallel.threads();
        Parallel.setThreads(2);
        try {
            largerThanBlocksOnTwoThreads();
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static void largerThanBlocksOnTwoThreads() {
        Random r = new Random(2);
        check(r, 130, 70, 600, false, false, false, "130x600 @ 600x70");
        check(r, 3, 2100, 9, false, true, true, "3x9 @ 9x2100");
        check(r, 250, 33, 40, true, false, false, "250x40 @ 40x33 (row split)");
        check(r, 1, 300, 513, false, true, false, "batch 1");
        // Wide enough for column ranges per thread with one shared packed copy of A (more than one block of it).
        check(r, 250, 700, 300, true, false, true, "250x300 @ 300x700, A transposed, C += (shared packed A)");
        check(r, 97, 1030, 513, false, true, false, "97x513 @ 513x1030, B transposed (shared packed A)");
    }

    @Test
    @DisplayName("Inf and NaN land where the plain loop puts them; 0 * Inf is NaN in both")
    void specialValues() {
        Random r = new Random(3);
        int m = 13, n = 37, k = 19;
        float[] a = gaussian(r, m * k);
        float[] b = gaussian(r, k * n);
        a[2 * k + 5] = Float.POSITIVE_INFINITY;   // row 2: Inf times B[5][j]
        b[5 * n + 7] = 0f;                        // ... and 0 in column 7: Inf * 0 = NaN there
        a[4 * k] = Float.NaN;                     // row 4: NaN everywhere
        b[3 * n + 11] = Float.NEGATIVE_INFINITY;  // column 11: -Inf times row i's A[i][3]
        float[] c = new float[m * n];
        Gemm.gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, false);
        float[] plain = new float[m * n];
        MatmulKernels.plain(a, 0, b, 0, plain, 0, m, k, n);
        int specials = 0;
        for (int i = 0; i < m * n; i++) {
            boolean special = Float.isNaN(plain[i]) || Float.isInfinite(plain[i]);
            if (special) {
                specials++;
                assertTrue(SumOrder.same(plain[i], c[i]), "C[" + i / n + "][" + i % n + "]: plain " + plain[i] + ", fast " + c[i]);
            } else {
                assertTrue(Float.isFinite(c[i]), "C[" + i / n + "][" + i % n + "] finite in plain, " + c[i] + " in fast");
            }
        }
        assertTrue(Float.isNaN(c[2 * n + 7]) && Float.isNaN(c[4 * n]) && Float.isInfinite(c[2 * n]), "the planted cases");
        assertTrue(specials > n, "the planted values spread: " + specials);
    }

    @Test
    @DisplayName("B packed once, used for several products: the same results as packing it each time")
    void packedOnce() {
        Random r = new Random(4);
        for (int[] mnk : new int[][] {{32, 1024, 256}, {5, 77, 300}, {1, 33, 1}, {40, 3, 7}, {0, 5, 5}}) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            float[] b = gaussian(r, n * k);                       // stored as W (n x k): B = W^T, a transposed view
            Gemm.PackedB packed = Gemm.pack(k, n, b, 0, 1, k);
            for (int step = 0; step < 2; step++) {
                float[] a = gaussian(r, m * k);
                float[] once = gaussian(r, m * n);
                float[] each = once.clone();
                boolean acc = step == 1;
                Gemm.gemm(m, a, 0, k, 1, packed, once, 0, n, acc);
                Gemm.gemm(m, n, k, a, 0, k, 1, b, 0, 1, k, each, 0, n, acc);
                for (int i = 0; i < m * n; i++) {
                    if (!SumOrder.same(each[i], once[i])) fail(m + "x" + k + " @ " + k + "x" + n + " at " + i + ": " + once[i] + " vs " + each[i]);
                }
            }
        }
    }

    @Test
    @DisplayName("F.linear's fast path: x W^T summed as written out, then + b; leading dims, a transposed weight view")
    void linear() {
        Random r = new Random(5);
        for (int[] dims : new int[][] {{1, 1, 7, 5}, {2, 3, 33, 17}, {4, 1, 1024, 40}, {1, 0, 5, 3}}) {
            int lead = dims[0], rows = dims[1], in = dims[2], out = dims[3];
            Tensor x = Tensor.of(gaussian(r, lead * rows * in), lead, rows, in);
            Tensor w = Tensor.of(gaussian(r, in * out), in, out).t();          // (out, in), not contiguous
            Tensor b = Tensor.of(gaussian(r, out), out);
            float[] y = MatmulKernels.linear(x, w, b).toFloatArray();
            float[] xs = x.toFloatArray(), ws = w.contiguous().toFloatArray(), bs = b.toFloatArray();
            float[] xi = new float[in], wj = new float[in];
            for (int i = 0; i < lead * rows; i++) {
                System.arraycopy(xs, i * in, xi, 0, in);
                for (int j = 0; j < out; j++) {
                    System.arraycopy(ws, j * in, wj, 0, in);
                    float want = SumOrder.fast(0f, xi, wj) + bs[j];
                    assertEquals(want, y[i * out + j], "row " + i + " out " + j);
                }
            }
        }
    }

    @Test
    @DisplayName("zero inner size: C = 0, or C unchanged when accumulating")
    void zeroInner() {
        float[] c = {1, 2, 3, 4};
        Gemm.gemm(2, 2, 0, new float[0], 0, 0, 1, new float[0], 0, 2, 1, c, 0, 2, true);
        assertEquals(4f, c[3]);
        Gemm.gemm(2, 2, 0, new float[0], 0, 0, 1, new float[0], 0, 2, 1, c, 0, 2, false);
        assertEquals(0f, c[0] + c[1] + c[2] + c[3]);
    }
}
