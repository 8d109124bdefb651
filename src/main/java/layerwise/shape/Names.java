package layerwise.shape;

import java.text.NumberFormat;
import java.util.Locale;

import layerwise.nn.Module;
import layerwise.tensor.TorchFormat;

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
        return s == null ? "-" : TorchFormat.shapeString(s);
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
}
