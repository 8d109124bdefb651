package layerwise.shape;

import java.text.NumberFormat;
import java.util.Locale;

import layerwise.nn.Module;

/** How the shape tools print layers, shapes and counts. */
final class Names {
    private Names() {
    }

    /** A module's repr on one line: a container prints as its class name, e.g. "Sequential". */
    static String oneLine(Module m) {
        String s = m.toString();
        return s.contains("\n") ? m.getClass().getSimpleName() : s;
    }

    /** PyTorch's size spelling, "[1, 3, 32, 32]"; "-" for none. */
    static String shape(int[] s) {
        if (s == null) return "-";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) sb.append(i > 0 ? ", " : "").append(s[i]);
        return sb.append(']').toString();
    }

    /** A count with thousands separators, "1,234,567", as torchinfo prints it. */
    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** Bytes as B, KB or MB (powers of 1000, as torchinfo). */
    static String bytes(long b) {
        if (b < 1000) return b + " B";
        if (b < 1_000_000) return String.format(Locale.ROOT, "%.2f KB", b / 1e3);
        return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }

    static long numel(int[] s) {
        long n = 1;
        for (int d : s) n *= d;
        return n;
    }

    /** "16×16×16". */
    static String product(int[] s, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.append(i > from ? "×" : "").append(s[i]);
        return sb.toString();
    }
}
