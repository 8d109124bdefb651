package layerwise.init;

/**
 * erf, its inverse and the normal distribution's density and CDF, in double. The JDK has no erf.
 *
 * <p>Accuracy: {@link #erf} agrees with C's {@code erf} to a few units in the last place (tested), which is
 * far below the float32 rounding every fill ends in. {@link #erfinv} refines an approximation with Halley
 * steps on {@link #erf}, so it is exactly as accurate as erf. PyTorch's float32 {@code erfinv_} kernel
 * rounds differently, which is why {@code truncNormal} is not bit-exact with torch.
 */
final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double SQRT_2 = Math.sqrt(2.0);

    private SpecialFunctions() {
    }

    /**
     * erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, from the series with only positive terms
     * erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)),
     * which has no cancellation. For |x| ≥ 6, erf(x) rounds to ±1 in double.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax >= 6.0) return Math.copySign(1.0, x);
        double term = ax;   // n = 0: 2^0 x^1 / 1
        double sum = term;
        double x2 = ax * ax;
        for (int n = 0; term > sum * 1e-17; n++) {
            term *= 2.0 * x2 / (2 * n + 3);
            sum += term;
        }
        return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
    }

    /**
     * The x with erf(x) = y, for −1 ≤ y ≤ 1 (±∞ at ±1). Winitzki's closed form (relative error about
     * 2e-3) is the start; each Halley step x ← x − Δ/(1 + xΔ), Δ = (erf(x) − y) / erf'(x), triples the
     * correct digits, so three steps reach double precision.
     */
    static double erfinv(double y) {
        if (Double.isNaN(y) || y < -1.0 || y > 1.0) return Double.NaN;
        if (y == 1.0) return Double.POSITIVE_INFINITY;
        if (y == -1.0) return Double.NEGATIVE_INFINITY;
        if (y == 0.0) return y;
        final double a = 0.147;
        double ln = Math.log((1.0 - y) * (1.0 + y));
        double first = 2.0 / (Math.PI * a) + ln / 2.0;
        double x = Math.copySign(Math.sqrt(Math.sqrt(first * first - ln / a) - first), y);
        for (int i = 0; i < 4; i++) {
            double slope = TWO_OVER_SQRT_PI * Math.exp(-x * x);
            if (slope == 0.0) break;
            double delta = (erf(x) - y) / slope;
            x -= delta / (1.0 + x * delta);
        }
        return x;
    }

    /** Φ(x), written as torch's trunc_normal_ writes it: (1 + erf(x/√2)) / 2. */
    static double normalCdf(double x) {
        return (1.0 + erf(x / SQRT_2)) / 2.0;
    }

    /** φ(x) = e^(−x²/2) / √(2π); 0 at ±∞. */
    static double normalPdf(double x) {
        if (Double.isInfinite(x)) return 0.0;
        return Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
    }
}
