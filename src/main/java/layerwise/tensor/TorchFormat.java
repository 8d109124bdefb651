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
