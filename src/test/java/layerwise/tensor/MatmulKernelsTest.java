package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fast kernel adds the same products in the same order as the plain one: bit for bit the plain sum
 * without SIMD, and with SIMD the same sequence of fused multiply-adds ({@link SumOrder}).
 */
class MatmulKernelsTest {
    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    private static void assertSame(int m, int k, int n, Random r) {
        float[] a = random(r, m * k);
        float[] b = random(r, k * n);
        float[] plain = new float[m * n];
        float[] fast = new float[m * n];
        MatmulKernels.plain(a, 0, b, 0, plain, 0, m, k, n);
        MatmulKernels.fast(a, 0, b, 0, fast, 0, m, k, n);
        float[] row = new float[k], col = new float[k];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * k, row, 0, k);
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) col[p] = b[p * n + j];
                String where = m + "x" + k + " @ " + k + "x" + n + " at [" + i + "][" + j + "]";
                assertEquals(SumOrder.plain(0f, row, col), plain[i * n + j], where + " plain");
                assertEquals(SumOrder.fast(0f, row, col), fast[i * n + j], where + " fast");
            }
        }
    }

    @Test
    @DisplayName("plain and fast add in the same order on random shapes, including zero-size dims")
    void randomShapes() {
        Random r = new Random(42);
        int[] sizes = {0, 1, 2, 3, 7, 16, 33, 130, 515};
        for (int i = 0; i < 60; i++) {
            assertSame(sizes[r.nextInt(sizes.length)], sizes[r.nextInt(sizes.length)], sizes[r.nextInt(sizes.length)], r);
        }
    }

    @Test
    @DisplayName("plain and fast agree above the multi-threading threshold and across blocks")
    void largeShapes() {
        Random r = new Random(7);
        assertSame(200, 300, 600, r);
        assertSame(129, 257, 1030, r);
        assertSame(2, 1000, 1000, r);
    }

    @Test
    @DisplayName("offsets address a sub-array, as batched matmul uses them")
    void offsets() {
        Random r = new Random(3);
        float[] a = random(r, 3 + 4 * 5);
        float[] b = random(r, 2 + 5 * 6);
        float[] plain = new float[1 + 4 * 6];
        float[] fast = new float[1 + 4 * 6];
        MatmulKernels.plain(a, 3, b, 2, plain, 1, 4, 5, 6);
        MatmulKernels.fast(a, 3, b, 2, fast, 1, 4, 5, 6);
        float[] expected = new float[1 + 4 * 6];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                float s = 0;
                for (int p = 0; p < 5; p++) s += a[3 + i * 5 + p] * b[2 + p * 6 + j];
                expected[1 + i * 6 + j] = s;
            }
        }
        assertArrayEquals(expected, plain);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                float[] row = new float[5], col = new float[5];
                for (int p = 0; p < 5; p++) {
                    row[p] = a[3 + i * 5 + p];
                    col[p] = b[2 + p * 6 + j];
                }
                assertEquals(SumOrder.fast(0f, row, col), fast[1 + i * 6 + j], "fast [" + i + "][" + j + "]");
            }
        }
        assertEquals(0f, fast[0], "the element before C's offset is untouched");
    }
}
