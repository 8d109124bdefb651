package layerwise.grade;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One argument the grader passes to a learner's method, written as Java source for the learner's JShell:
 * its declared type (for the cast in the call) and an expression that rebuilds the value exactly.
 * Floats are written as their bit patterns, so the learner's method sees the grader's numbers bit for bit.
 * An argument not marked {@link #writable()} (see {@link #inPlace()}) must come back unchanged.
 */
public record Arg(String type, String source, String shape, boolean inPlace) {

    Arg(String type, String source, String shape) {
        this(type, source, shape, false);
    }

    /** The same argument, which the exercise is meant to fill in place (an init's {@code uniform_}). */
    public Arg writable() {
        return new Arg(type, source, shape, true);
    }

    public static Arg of(int value) {
        return new Arg("int", Integer.toString(value), Integer.toString(value));
    }

    public static Arg of(double value) {
        return new Arg("double", "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(value)) + "L)",
                String.format(Locale.ROOT, "%.4g", value));
    }

    public static Arg of(boolean value) {
        return new Arg("boolean", Boolean.toString(value), Boolean.toString(value));
    }

    public static Arg of(String value) {
        if (!value.matches("[\\w ]*")) throw new IllegalArgumentException("a plain word is expected, got " + value);
        return new Arg("String", "\"" + value + "\"", "\"" + value + "\"");
    }

    public static Arg of(int[] values) {
        return new Arg("int[]", "new int[] {" + Arrays.stream(values).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")) + "}", Arrays.toString(values));
    }

    /** Raw bytes, such as a file's contents: {@code new byte[] {16, -1, ...}}. */
    public static Arg of(byte[] values) {
        StringBuilder sb = new StringBuilder("new byte[] {");
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(values[i]);
        return new Arg("byte[]", sb.append('}').toString(), "byte[" + values.length + "]");
    }

    /** A float[] of the given logical shape (the report names the shape, the learner gets the flat array). */
    public static Arg of(float[] values, int... shape) {
        return new Arg("float[]", floats(values), "float[" + values.length + "] " + Arrays.toString(shape));
    }

    /** A {@code layerwise.tensor.Tensor} of the given shape, contiguous. */
    public static Arg tensor(float[] values, int... shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return new Arg("layerwise.tensor.Tensor", "layerwise.tensor.Tensor.of(" + floats(values)
                + (dims.isEmpty() ? "" : ", " + dims) + ")", "tensor " + Arrays.toString(shape));
    }

    private static String floats(float[] values) {
        StringBuilder sb = new StringBuilder("layerwise.grade.GradeProbe.floats(\"");
        for (float v : values) sb.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(',');
        return sb.append("\")").toString();
    }
}
