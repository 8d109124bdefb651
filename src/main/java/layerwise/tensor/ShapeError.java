package layerwise.tensor;

/**
 * A shape mistake, explained. Every op and layer that rejects a shape throws this one type, built here.
 *
 * <p>The message has three parts, so a learner who knows PyTorch recognises the mistake at once and a
 * learner who does not is told what to do:
 * <pre>
 * mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)        &lt;- PyTorch 1.13's own text
 *   Linear(in_features=20, out_features=5) expects the last input dim to be 20, got 10.
 *   Fix: build Linear(10, 5), or reshape the input so its last dim is 20.
 * </pre>
 * {@link #torchMessage()} returns the first line alone, which tests compare with PyTorch's text.
 */
public class ShapeError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;

    /**
     * @param torchMessage PyTorch's message for the same mistake, verbatim (the first line)
     * @param explanation  what the mistake means for these shapes; may be null
     * @param fix          how to fix it, naming the parameter and a value that works; may be null
     */
    public ShapeError(String torchMessage, String explanation, String fix) {
        super(compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
    }

    /** PyTorch's text for this mistake: the first line of {@link #getMessage()}. */
    public String torchMessage() {
        return torchMessage;
    }

    /**
     * Joins the three parts into one message. Used here, for index errors (not IllegalArgumentExceptions),
     * and by any other mistake that is not about shapes but should read the same way.
     */
    public static String compose(String torchMessage, String explanation, String fix) {
        StringBuilder sb = new StringBuilder(torchMessage);
        if (explanation != null && !explanation.isBlank()) sb.append("\n  ").append(explanation);
        if (fix != null && !fix.isBlank()) sb.append("\n  Fix: ").append(fix);
        return sb.toString();
    }

    /**
     * An index or dimension out of range, with PyTorch's IndexError text as the first line.
     * (PyTorch raises IndexError here, so this is an IndexOutOfBoundsException, not a ShapeError.)
     */
    public static IndexOutOfBoundsException indexError(String torchMessage, String explanation, String fix) {
        return new IndexOutOfBoundsException(compose(torchMessage, explanation, fix));
    }

    /**
     * Formats a number the way PyTorch's C++ messages print it: integral values without a decimal point
     * ({@code 1}, {@code -3}), others with 6 significant digits and no trailing zeros ({@code 0.125}).
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e") || !s.contains(".")) return s;
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Formats a shape the way PyTorch prints a size: {@code [2, 3]}. */
    public static String shapeString(int... shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }
}
