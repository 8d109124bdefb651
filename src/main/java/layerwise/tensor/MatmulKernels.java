package layerwise.tensor;

/**
 * The two matrix-multiply kernels behind one seam. Both compute, for row-major A (m x k), B (k x n) and
 * a zero-filled C (m x n):
 * <pre>
 *   C[i][j] = sum over p of A[i][p] * B[p][j]
 * </pre>
 * adding the products for p = 0, 1, ..., k-1 in that order.
 *
 * <p>{@link #plain} is the triple loop a lesson shows. {@link #fast} is the default, {@link Gemm}: packed,
 * cache-blocked, register-blocked with SIMD fused multiply-adds, on every core. It adds in the same order;
 * with SIMD each step {@code sum + a*b} is one fused multiply-add (rounded once instead of twice), so
 * the two agree to within the rounding bound {@link Gemm} states; without SIMD, bit for bit.
 * {@link Kernels} chooses between them.
 */
final class MatmulKernels {
    private MatmulKernels() {
    }

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

    /** The fast kernel: {@link Gemm}, the packed, blocked, SIMD and multi-threaded product. */
    static void fast(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        Gemm.gemm(m, n, k, a, aOff, k, 1, b, bOff, n, 1, c, cOff, n, false);
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
        float[] t = new float[in * out];
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
