package layerwise.tensor;

/**
 * The one check for a null where a tensor, a shape, a model or a path is expected, called at each public
 * entry point so a learner gets PyTorch's TypeError line instead of a NullPointerException deep inside:
 * <pre>
 * linear(): argument 'input' (position 1) must be Tensor, not NoneType
 *   'input' is null: a variable declared but never assigned, or a method that returned null.
 *   Fix: ...
 * </pre>
 * The first line is PyTorch's argument-parser text (python_arg_parser.cpp) with the op's name, the
 * argument's name and its position (counted from 1, after self for a method).
 */
public final class Nulls {
    private Nulls() {
    }

    /** PyTorch's name for a tensor argument's type. */
    public static final String TENSOR = "Tensor";
    /** PyTorch's name for a size argument's type. */
    public static final String SHAPE = "tuple of ints";
    /** A model (an nn.Module). */
    public static final String MODULE = "Module";
    /** A file path. */
    public static final String PATH = "str";

    /** Throws {@link TypeError} when {@code value} is null; a Tensor argument. Returns the value. */
    public static <T> T tensor(T value, String op, String arg, int position) {
        return require(value, op, arg, position, TENSOR);
    }

    /** Throws {@link TypeError} when {@code value} is null; {@code expected} as PyTorch names the type. */
    public static <T> T require(T value, String op, String arg, int position, String expected) {
        if (value == null) throw error(op, arg, position, expected);
        return value;
    }

    /**
     * A list of tensors (cat, stack): the list itself, then each element, with PyTorch's text for a None
     * element ({@code expected Tensor as element 1 in argument 0, but got NoneType}).
     */
    public static <L extends java.util.List<?>> L tensors(L list, String op, String arg, int position) {
        require(list, op, arg, position, "tuple of Tensors");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new TypeError("expected Tensor as element " + i + " in argument " + (position - 1)
                        + ", but got NoneType",
                        "element " + i + " of '" + arg + "' is null: a variable declared but never assigned, or a"
                                + " method that returned null.",
                        "give " + op + "() only tensors, e.g. " + example(TENSOR) + "; look at the line that set"
                                + " element " + i + ".");
            }
        }
        return list;
    }

    /** The error for a null {@code arg} of {@code op}, for callers that found the null themselves. */
    public static TypeError error(String op, String arg, int position, String expected) {
        return new TypeError(text(op, arg, position, expected),
                "'" + arg + "' is null: a variable declared but never assigned, or a method that returned null.",
                "give " + op + "() a " + expected + " for '" + arg + "', e.g. " + example(expected)
                        + "; look at the line that set it (a method that returns null when it finds nothing?).");
    }

    /** PyTorch's first line: {@code linear(): argument 'input' (position 1) must be Tensor, not NoneType}. */
    public static String text(String op, String arg, int position, String expected) {
        return op + "(): argument '" + arg + "' (position " + position + ") must be " + expected + ", not NoneType";
    }

    private static String example(String expected) {
        return switch (expected) {
            case TENSOR -> "Tensor x = Tensor.randn(2, 3)";
            case SHAPE -> "new int[] {2, 3}";
            case MODULE -> "new Sequential(new Linear(4, 3), new ReLU())";
            case PATH -> "\"model.safetensors\"";
            default -> "a value assigned before the call";
        };
    }
}
