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
 * over p and j so a tile of B stays in cache, and split by rows across the cores for large products.
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

    /** Rows from..to-1 of C, blocked over j and p; within a block: for i, for p, C[i][j..] += A[i][p] * B[p][j..]. */
    private static void rows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int from, int to, int k, int n) {
        for (int j0 = 0; j0 < n; j0 += BLOCK_J) {
            int j1 = Math.min(n, j0 + BLOCK_J);
            for (int p0 = 0; p0 < k; p0 += BLOCK_P) {
                int p1 = Math.min(k, p0 + BLOCK_P);
                for (int i = from; i < to; i++) {
                    int ci = cOff + i * n;
                    int ai = aOff + i * k;
                    for (int p = p0; p < p1; p++) {
                        float aip = a[ai + p];
                        int bp = bOff + p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += aip * b[bp + j];
                        }
                    }
                }
            }
        }
    }
}
