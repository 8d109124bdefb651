package layerwise.tensor;

import java.util.Locale;

/** Numbers and shapes printed the way PyTorch's messages print them. */
public final class TorchFormat {
    private TorchFormat() {
    }

    /**
     * A number as PyTorch's C++ messages print it: integral values without a decimal point
     * ({@code 1}, {@code -3}), others with 6 significant digits and no trailing zeros ({@code 0.125}).
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || !s.contains(".")) return s;
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * A double as Python's repr prints it: the shortest digits that round-trip ("0.5", "0.01", "1.0"), in
     * scientific notation ("1e-05") below 1e-4 and from 1e16 up. For module and optimizer reprs.
     */
    public static String pythonRepr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
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

    /** A shape as PyTorch prints a size: {@code [2, 3]}. */
    public static String shapeString(int... shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /** The sizes of dims from..to-1 as a product, {@code 16×32×32}, as the shape explanations write it. */
    public static String product(int[] shape, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.append(i > from ? "×" : "").append(shape[i]);
        return sb.toString();
    }
}
