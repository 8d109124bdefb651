package layerwise.tensor;

/**
 * Independent references for the fast kernels' sums, written out in the test. The fast kernels add each
 * output's products in the same order as the plain loops; with SIMD every step is one fused multiply-add:
 * <pre>
 *   plain:  s = s + a*b      (the product rounded to float, then the sum)
 *   SIMD:   s = fma(a, b, s) (a*b + s rounded once)
 * </pre>
 * So a SIMD result equals {@link #fma} of the same sequence bit for bit, and a scalar-fallback result
 * equals {@link #plain} bit for bit. Between the two: each is within gamma_k·(|s0| + Σ|a·b|) of the
 * exact sum (Higham, Accuracy and Stability of Numerical Algorithms, 3.1), gamma_k = k·u/(1 − k·u),
 * u = 2^-24, k = number of products; so they differ by at most twice that, {@link #bound}.
 */
final class SumOrder {
    private SumOrder() {
    }

    private static final double U = Math.scalb(1.0, -24);

    /** s0 + a[0]*b[0] + ... in order, rounded as the plain loop does. */
    static float plain(float s0, float[] a, float[] b) {
        float s = s0;
        for (int p = 0; p < a.length; p++) s += a[p] * b[p];
        return s;
    }

    /** The same sequence, each step one fused multiply-add. */
    static float fma(float s0, float[] a, float[] b) {
        float s = s0;
        for (int p = 0; p < a.length; p++) s = Math.fma(a[p], b[p], s);
        return s;
    }

    /** What the fast kernel must give for this sequence: {@link #fma} with SIMD on, {@link #plain} without. */
    static float fast(float s0, float[] a, float[] b) {
        return Simd.ACTIVE ? fma(s0, a, b) : plain(s0, a, b);
    }

    /** 2·gamma_k·(|s0| + Σ|a·b|), the largest |plain − fma| rounding allows for k products. */
    static double bound(float s0, float[] a, float[] b) {
        int k = a.length + 1;
        double gamma = k * U / (1 - k * U);
        double mass = Math.abs((double) s0);
        for (int p = 0; p < a.length; p++) mass += Math.abs((double) a[p] * b[p]);
        return 2 * gamma * mass + Float.MIN_VALUE;
    }

    /** True when x and y are the same float, NaN equal to NaN (as Float.compare, but +0 == -0 too). */
    static boolean same(float x, float y) {
        return x == y || (Float.isNaN(x) && Float.isNaN(y));
    }
}
