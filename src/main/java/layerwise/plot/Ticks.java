package layerwise.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * Readable axis labels. XChart picks round tick positions, but prints them with its own pattern
 * (".05" for 0.05) and, when a series' x values are equally spaced (a histogram's bar edges), puts the
 * ticks on those values and prints them in full ("-1.0308206903934"). Here every label is a short
 * number with at most three significant digits: "0.05", "-1", "1.4e10".
 */
final class Ticks {
    private Ticks() {
    }

    /** "0", "0.05", "-1.5", "250", "1e-8", "1.4e10": three significant digits, no trailing zeros. */
    static String label(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        double a = Math.abs(v);
        if (a < 1e-12) return "0";
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(a));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.995) {   // 9.999e4 rounds to 10e4: write 1e5
            mantissa /= 10;
            exponent++;
        }
        String m = new BigDecimal(mantissa).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        return m + "e" + exponent;
    }

    /** Labels only every {@code every}-th integer (0, 5, 10, ...), so 40 time steps do not run together. */
    static Function<Double, String> everyNth(int every) {
        return v -> Math.round(v) % every == 0 ? label(Math.rint(v)) : "";
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts a range of n values into at most about 8 labels. */
    static int integerStep(int n) {
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
            if (n / step <= 8) return step;
        }
        return 1000;
    }
}
