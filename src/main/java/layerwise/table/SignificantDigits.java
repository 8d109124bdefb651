package layerwise.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Prints numbers with four significant digits, plainly between 1e-4 and 1e6 and in scientific notation
 * outside (0.07217, 1.000, 2.2e+10, 1.05e-08): a std column can span twenty orders of magnitude.
 */
final class SignificantDigits extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return to.append(v);
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-4 && a < 1e6)) {
            return to.append(new BigDecimal(v).round(new MathContext(4)).toPlainString());
        }
        return to.append(String.format(Locale.ROOT, "%.3e", v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return to.append(v);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("SignificantDigits only formats");
    }
}
