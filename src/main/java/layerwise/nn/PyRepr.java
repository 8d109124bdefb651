package layerwise.nn;

import java.math.BigDecimal;

/** Python's spelling of values inside module reprs. */
final class PyRepr {
    private PyRepr() {
    }

    /**
     * A double as Python's repr prints it: the shortest digits that round-trip ("0.5", "0.01"), in
     * scientific notation ("1e-05") below 1e-4 and from 1e16 up.
     */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e16) {
            String s = d.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return (v < 0 ? "-" : "") + mantissa + "e" + exp;
    }

    /** An int-or-pair size as torch prints it: "2" for one value, "(2, 3)" for two. */
    static String size(int[] v) {
        return v.length == 1 ? String.valueOf(v[0]) : "(" + v[0] + ", " + v[1] + ")";
    }
}
