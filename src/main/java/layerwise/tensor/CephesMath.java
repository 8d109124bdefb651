package layerwise.tensor;

/**
 * Single-precision log, sin and cos exactly as torch's AVX2 random-normal kernel computes them: the
 * Cephes polynomials of avx_mathfun.h, with a fused multiply-add (one rounding, Math.fma) wherever the
 * compiler fused a multiplication into the addition that uses it. This is what makes randn of 16 or more
 * elements match torch bit for bit; the answers differ from Math.log/sin/cos in the last bit now and then.
 */
final class CephesMath {
    private CephesMath() {
    }

    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float[] LOG_P = {7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f,
        1.4249322787E-1f, -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f};
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    /**
     * ln(x) for x &gt; 0 (NaN otherwise). x = m · 2^e with m in [sqrt(1/2), sqrt(2)); then
     * ln(x) = (m - 1) + P(m - 1) + e·ln 2, with ln 2 split into q2 + q1 for accuracy.
     */
    static float log(float x) {
        if (!(x > 0)) return Float.NaN;
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));   // mantissa in [0.5, 1)
        if (x < SQRT_HALF) {
            e -= 1f;
            x = x - 1f + x;
        } else {
            x = x - 1f;
        }
        float z = x * x;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) y = Math.fma(y, x, LOG_P[i]);
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        return Math.fma(e, LOG_Q2, x + y);
    }

    private static final float FOUR_OVER_PI = 1.27323954473516f;
    private static final float DP1 = -0.78515625f;
    private static final float DP2 = -2.4187564849853515625e-4f;
    private static final float DP3 = -3.77489497744594108e-8f;
    private static final float[] COS_P = {2.443315711809948E-005f, -1.388731625493765E-003f, 4.166664568298827E-002f};
    private static final float[] SIN_P = {-1.9515295891E-4f, 8.3321608736E-3f, -1.6666654611E-1f};

    /**
     * sin(x) into out[0] and cos(x) into out[1]. x is reduced to [-pi/4, pi/4] by the octant j (rounded up
     * to even) with pi/4 split in three parts; a polynomial for cos and one for sin are evaluated and the
     * octant picks which is which and the signs.
     */
    static void sincos(float x, float[] out) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        int j = ((int) (x * FOUR_OVER_PI) + 1) & ~1;
        float y = (float) j;
        signSin ^= (j & 4) << 29;
        int signCos = (~(j - 2) & 4) << 29;
        boolean sinIsSinPoly = (j & 2) == 0;
        x = Math.fma(y, DP1, x);
        x = Math.fma(y, DP2, x);
        x = Math.fma(y, DP3, x);
        float z = x * x;

        float c = Math.fma(COS_P[0], z, COS_P[1]);
        c = Math.fma(c, z, COS_P[2]);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f)) + 1f;

        float s = Math.fma(SIN_P[0], z, SIN_P[1]);
        s = Math.fma(s, z, SIN_P[2]);
        s = s * z;
        s = Math.fma(s, x, x);

        float sin = sinIsSinPoly ? s : c;
        float cos = sinIsSinPoly ? c : s;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
    }
}
