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

    /**
     * F.linear's product and bias with the fast kernel: y = x W^T, then y + b row by row. W^T is W read
     * through swapped strides (no transposed copy: the packing reads each row of W once); the bias is
     * added after the sum, as the plain path's {@code matmul(...).add(bias)} adds it, so the two differ
     * only as the matrix products do.
     */
    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor x = input.contiguous();
        int in = weight.dims[1], out = weight.dims[0];
        int rows = Shapes.numel(java.util.Arrays.copyOf(input.dims, input.dims.length - 1));
        int[] shape = input.dims.clone();
        shape[shape.length - 1] = out;
        float[] y = Storage.allocate(shape);                       // a ShapeError when it exceeds one tensor or the heap
        Gemm.gemm(rows, out, in, x.storage, x.offset, in, 1, weight.storage, weight.offset, weight.strides[1], weight.strides[0],
                y, 0, out, false);
        if (bias != null) {
            float[] b = bias.contiguous().toFloatArray();
            for (int r = 0, at = 0; r < rows; r++) {
                for (int j = 0; j < out; j++, at++) y[at] = y[at] + b[j];
            }
        }
        return new Tensor(y, shape, Shapes.contiguousStrides(shape), 0);
    }
}
