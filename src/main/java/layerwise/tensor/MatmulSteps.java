package layerwise.tensor;

/**
 * Lesson 12's matrix product, C = A B for square row-major n x n float arrays, in the five steps that take it
 * from a textbook loop to the workbook's fast kernel. Each step computes the same C (the last two with
 * fused multiply-adds when SIMD is on); what changes is how well it uses the machine.
 */
public final class MatmulSteps {
    private MatmulSteps() {
    }

    /** Step 1, the formula: C[i][j] = sum_p A[i][p] B[p][j]. The inner loop walks B down a column: a cache miss per step. */
    public static void tripleLoop(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < n; p++) sum += a[i * n + p] * b[p * n + j];
                c[i * n + j] = sum;
            }
        }
    }

    /**
     * Step 2, loop order i-p-j: the inner loop walks a row of B and a row of C, contiguous, and its steps are
     * independent. C2 still runs it one float at a time: c and b could be the same array as far as it can prove,
     * and then C's row at i*n and B's row at p*n could overlap (it vectorises such a loop only when every array
     * is indexed by the same j).
     */
    public static void loopOrder(float[] a, float[] b, float[] c, int n) {
        java.util.Arrays.fill(c, 0, n * n, 0f);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                float aip = a[i * n + p];
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
            }
        }
    }

    /** Block side for step 3: a 64 x 64 tile of B is 16 KiB and stays in the L1 cache. */
    public static final int BLOCK = 64;

    /**
     * Step 3, blocked: the i-p-j loops over one tile of B at a time, so B is read from cache, not memory, for
     * every row of A. At lesson 12's size this buys nothing: scalar code is not waiting for memory, and B fits
     * in the L2 cache anyway. Blocking pays once the arithmetic is fast (step 4 blocks too).
     */
    public static void blocked(float[] a, float[] b, float[] c, int n) {
        java.util.Arrays.fill(c, 0, n * n, 0f);
        for (int p0 = 0; p0 < n; p0 += BLOCK) {
            for (int j0 = 0; j0 < n; j0 += BLOCK) {
                int p1 = Math.min(n, p0 + BLOCK), j1 = Math.min(n, j0 + BLOCK);
                for (int i = 0; i < n; i++) {
                    for (int p = p0; p < p1; p++) {
                        float aip = a[i * n + p];
                        for (int j = j0; j < j1; j++) c[i * n + j] += aip * b[p * n + j];
                    }
                }
            }
        }
    }

    /**
     * Step 4, vectorised and register-blocked on one core: {@link Gemm}'s packed panels and its micro-kernel,
     * which keeps a 12 x 32 tile of C in vector registers and does 24 fused multiply-adds of 16 floats per
     * step (the scalar fallback's blocked loops when the Vector API module is absent).
     */
    public static void vectorised(float[] a, float[] b, float[] c, int n) {
        Gemm.range(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
    }

    /** Step 5, the same kernel on every core ({@link Kernels#threads()}): each thread takes a range of columns of C. */
    public static void allCores(float[] a, float[] b, float[] c, int n) {
        Gemm.gemm(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
    }

    /** Floats per vector register the fast kernels use: 16 with AVX-512, 8 with AVX2; 1 without SIMD. */
    public static int vectorLanes() {
        return Simd.ACTIVE ? SimdGemm.NR / 2 : 1;
    }
}
