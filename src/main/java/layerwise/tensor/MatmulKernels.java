package layerwise.tensor;

import java.util.stream.IntStream;

/**
 * The two matrix-multiply kernels behind one seam. Both compute, for row-major A (m x k), B (k x n) and
 * a zero-filled C (m x n):
 * <pre>
 *   C[i][j] = sum over p of A[i][p] * B[p][j]
 * </pre>
 * adding the products for p = 0, 1, ..., k-1 in that order, so the two give bit-identical results.
 *
 * <p>{@link #plain} is the triple loop a lesson shows. {@link #fast} is the default: i-p-j loop order
 * (the inner loop walks B and C along rows, which the CPU cache and the JIT's vectoriser like), blocked
 * over p and j so a tile of B stays in cache, four rows of C at a time, and split by rows across the
 * cores for large products.
 * {@link Kernels} chooses between them.
 */
final class MatmulKernels {
    private MatmulKernels() {
    }

    /** Products below this many multiply-adds run on one thread. */
    private static final long PARALLEL_WORK = 1L << 18;
    private static final int BLOCK_P = 128;
    private static final int BLOCK_J = 512;

    /** C = A B with the chosen kernel. */
    static void mm(Kernels.Kind kind, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if (kind == Kernels.Kind.PLAIN) {
            plain(a, aOff, b, bOff, c, cOff, m, k, n);
        } else {
            fast(a, aOff, b, bOff, c, cOff, m, k, n);
        }
    }

    /** The teaching kernel: C[i][j] = sum_p A[i][p] * B[p][j], one dot product per output element. */
    static void plain(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = sum;
            }
        }
    }

    /** The fast kernel: same sums in the same order, cache-blocked and multi-threaded. */
    static void fast(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if ((long) m * k * n < PARALLEL_WORK || m < 2) {
            rows(a, aOff, b, bOff, c, cOff, 0, m, k, n);
            return;
        }
        int tasks = Math.min(m, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int from = (int) ((long) m * task / tasks);
            int to = (int) ((long) m * (task + 1) / tasks);
            rows(a, aOff, b, bOff, c, cOff, from, to, k, n);
        });
    }

    /**
     * Rows from..to-1 of C, blocked over j and p so a BLOCK_P x BLOCK_J tile of B stays in cache.
     * Within a tile, four rows of C take two steps of p at once: each B element loaded serves four rows,
     * and each C element is loaded and stored once per two products. The products are still added one
     * by one in increasing p, so the result is the plain kernel's, bit for bit.
     */
    private static void rows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int from, int to, int k, int n) {
        for (int j0 = 0; j0 < n; j0 += BLOCK_J) {
            int j1 = Math.min(n, j0 + BLOCK_J);
            for (int p0 = 0; p0 < k; p0 += BLOCK_P) {
                int p1 = Math.min(k, p0 + BLOCK_P);
                int i = from;
                for (; i + 4 <= to; i += 4) {
                    fourRows(a, aOff + i * k, k, b, bOff, c, cOff + i * n, n, p0, p1, j0, j1);
                }
                for (; i < to; i++) {
                    oneRow(a, aOff + i * k, b, bOff, c, cOff + i * n, n, p0, p1, j0, j1);
                }
            }
        }
    }

    /** C[i][j] += A[i][p] * B[p][j] for one row i, p in p0..p1-1, j in j0..j1-1. */
    private static void oneRow(float[] a, int ai, float[] b, int bOff, float[] c, int ci, int n,
                               int p0, int p1, int j0, int j1) {
        for (int p = p0; p < p1; p++) {
            float aip = a[ai + p];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[ci + j] += aip * b[bp + j];
            }
        }
    }

    /** The same for rows i..i+3 (A rows start at a0, C rows at c0), two values of p per pass. */
    private static void fourRows(float[] a, int a0, int k, float[] b, int bOff, float[] c, int c0, int n,
                                 int p0, int p1, int j0, int j1) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        int p = p0;
        for (; p + 2 <= p1; p += 2) {
            float x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
            float y0 = a[a0 + p + 1], y1 = a[a1 + p + 1], y2 = a[a2 + p + 1], y3 = a[a3 + p + 1];
            int bp = bOff + p * n;
            int bq = bp + n;
            for (int j = j0; j < j1; j++) {
                float bx = b[bp + j];
                float by = b[bq + j];
                c[c0 + j] = c[c0 + j] + x0 * bx + y0 * by;
                c[c1 + j] = c[c1 + j] + x1 * bx + y1 * by;
                c[c2 + j] = c[c2 + j] + x2 * bx + y2 * by;
                c[c3 + j] = c[c3 + j] + x3 * bx + y3 * by;
            }
        }
        for (; p < p1; p++) {
            float x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                float bx = b[bp + j];
                c[c0 + j] += x0 * bx;
                c[c1 + j] += x1 * bx;
                c[c2 + j] += x2 * bx;
                c[c3 + j] += x3 * bx;
            }
        }
    }

    /** The side of the square tiles {@link #transposedCopy} copies: a 32x32 float tile is 4 KiB, two fit in L1. */
    static final int TRANSPOSE_TILE = 32;

    /**
     * W^T as a new contiguous (in, out) tensor for W (out, in), copied tile by tile so that both the rows
     * read and the columns written stay in cache. The fast path multiplies by this copy.
     */
    static Tensor transposedCopy(Tensor weight) {
        Tensor w = weight.contiguous();
        int out = w.shape[0], in = w.shape[1];
        float[] t = Storage.allocate(in, out);
        for (int o0 = 0; o0 < out; o0 += TRANSPOSE_TILE) {
            for (int k0 = 0; k0 < in; k0 += TRANSPOSE_TILE) {
                for (int o = o0; o < Math.min(out, o0 + TRANSPOSE_TILE); o++) {
                    int src = w.offset + o * in;
                    for (int k = k0; k < Math.min(in, k0 + TRANSPOSE_TILE); k++) t[k * out + o] = w.storage[src + k];
                }
            }
        }
        return new Tensor(t, new int[] {in, out}, new int[] {out, 1}, 0);
    }
}
