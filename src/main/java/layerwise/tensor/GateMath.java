package layerwise.tensor;

/**
 * sigmoid and tanh for the fused recurrent gates, as one recipe that the SIMD kernel ({@link SimdGates})
 * runs on vectors and this class runs on single values, operation for operation, so the two agree bit
 * for bit. Both work in double and round to float once at the end:
 * <pre>
 *   exp(x)     = 2^k · e^r, k = round(x·log2 e), r = x − k·ln 2 (in two parts, |r| ≤ ln2/2),
 *                e^r by its Taylor series to r^12 (remainder &lt; 2e-16), x clamped to [−708, 709]
 *   sigmoid(x) = 1 / (1 + exp(−x))
 *   tanh(x)    = sign(x) · (1 − e) / (1 + e), e = exp(−2|x|);   for |x| &lt; 1/32 the odd series
 *                x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925 (no cancellation)
 * </pre>
 * The double result is within about 1e-15 of the exact value, so after rounding it is the float that
 * {@code (float) Math.tanh(x)} and {@link Elementwise#sigmoid} give, except when the exact value lies
 * within about 1e-15 of a halfway point between two floats: then the two may differ by one unit in the
 * last place (tested). Inf, NaN, ±0 and saturation give exactly what the plain ops give.
 */
final class GateMath {
    private GateMath() {
    }

    static final double LOG2E = 1.4426950408889634;
    /** 1.5·2^52: adding it rounds a double below 2^51 to an integer, which then sits in the low mantissa bits. */
    static final double SHIFTER = 6755399441055744.0;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double MIN_X = -708.0;
    static final double MAX_X = 709.0;
    /** 1/n! for n = 12 down to 2, the Horner order. */
    static final double[] EXP_TAYLOR = {
        1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5};
    static final double TANH_SERIES_BELOW = 0.03125;
    /** tanh's series coefficients for x³ .. x¹¹, the Horner order reversed: −1382/155925 first. */
    static final double[] TANH_TAYLOR = {-1382.0 / 155925, 62.0 / 2835, -17.0 / 315, 2.0 / 15, -1.0 / 3};

    static double exp(double x) {
        double xc = Math.min(Math.max(x, MIN_X), MAX_X);
        double t = Math.fma(xc, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) p = Math.fma(p, r, EXP_TAYLOR[i]);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long twoK = (Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(SHIFTER) + 1023) << 52;
        return p * Double.longBitsToDouble(twoK);
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + exp(-(double) x)));
    }

    static float tanh(float x) {
        double d = x;
        double a = Math.abs(d);
        if (a < TANH_SERIES_BELOW) {
            double x2 = d * d;
            double p = TANH_TAYLOR[0];
            for (int i = 1; i < TANH_TAYLOR.length; i++) p = Math.fma(p, x2, TANH_TAYLOR[i]);
            return (float) (d * Math.fma(x2, p, 1.0));   // x·(1 + x²p) keeps the sign of ±0
        }
        double e = exp(-2.0 * a);
        double t = (1.0 - e) / (1.0 + e);
        return (float) (d < 0 ? -t : t);
    }
}
