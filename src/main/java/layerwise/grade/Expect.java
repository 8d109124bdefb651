package layerwise.grade;

import java.util.Arrays;
import java.util.Locale;

/**
 * Compares what a learner's method returned with the reference, and fails with the first difference a learner
 * can act on: the shape first, then the first differing value by index.
 *
 * <p>Tolerance: |actual - expected| &lt;= ATOL + RTOL * |expected|, the float32 tolerance of the parity tests
 * loosened tenfold, since a learner's loop may add in another order than the library's kernel.
 */
public final class Expect {
    public static final double ATOL = 1e-4;
    public static final double RTOL = 1e-3;

    private Expect() {
    }

    /** A float[] of {@code shape.length}'s product, or a tensor of that shape, close to {@code expected}. */
    public static void floats(String where, int[] shape, float[] expected, Value got) {
        switch (got.kind()) {
            case "Tensor" -> {
                if (!Arrays.equals(shape, got.shape())) {
                    throw GradeFailure.wrong(where + ": expected a tensor of shape " + Arrays.toString(shape)
                            + ", got shape " + Arrays.toString(got.shape()) + ".");
                }
            }
            case "float[]" -> {
                if (got.length() != expected.length) {
                    throw GradeFailure.wrong(where + ": expected " + expected.length + " values (shape "
                            + Arrays.toString(shape) + "), got float[" + got.length() + "].");
                }
            }
            default -> throw GradeFailure.wrong(where + ": expected float values of shape " + Arrays.toString(shape)
                    + ", got " + got.describe() + ".");
        }
        if (got.floats().length < expected.length) {
            throw new GradeFailure(Status.ERROR, where + ": the answer has more values than the grader reads ("
                    + GradeProbe.MAX_VALUES + "); expected " + expected.length + ".");
        }
        int first = -1;
        int differ = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!close(got.floats()[i], expected[i])) {
                differ++;
                if (first < 0) first = i;
            }
        }
        if (first >= 0) {
            throw GradeFailure.wrong(String.format(Locale.ROOT, "%s: at %s expected %.6g, got %.6g (%d of %d values differ).",
                    where, index(first, shape), expected[first], got.floats()[first], differ, expected.length));
        }
    }

    /** An int[] equal to {@code expected}: a shape, a stride list, a pair of fans. */
    public static void ints(String where, int[] expected, Value got) {
        if (!got.kind().equals("int[]")) {
            throw GradeFailure.wrong(where + ": expected the int[] " + Arrays.toString(expected) + ", got " + got.describe() + ".");
        }
        if (!Arrays.equals(expected, got.ints())) {
            throw GradeFailure.wrong(where + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(got.ints()) + ".");
        }
    }

    /** A boolean equal to {@code expected}: a yes/no verdict such as "these outputs agree". */
    public static void bool(String where, boolean expected, Value got) {
        if (!got.kind().equals("boolean")) {
            throw GradeFailure.wrong(where + ": expected the boolean " + expected + ", got " + got.describe() + ".");
        }
        if ((got.number() == 1) != expected) {
            throw GradeFailure.wrong(where + ": expected " + expected + ", got " + !expected + ".");
        }
    }

    /** A number close to {@code expected} (relative 1e-6, or exact for integers). */
    public static void number(String where, double expected, Value got) {
        if (!got.kind().equals("number")) {
            throw GradeFailure.wrong(where + ": expected the number " + expected + ", got " + got.describe() + ".");
        }
        boolean ok = expected == Math.rint(expected) && Math.abs(expected) < 1e15
                ? got.number() == expected
                : Math.abs(got.number() - expected) <= 1e-6 * Math.abs(expected) + 1e-12;
        if (!ok) {
            throw GradeFailure.wrong(String.format(Locale.ROOT, "%s: expected %s, got %s.", where, show(expected), show(got.number())));
        }
    }

    private static String show(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.8g", d);
    }

    private static boolean close(float actual, float expected) {
        return Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected);
    }

    /** The multi-index of flat position i in a row-major tensor of this shape: [1, 0, 3]. */
    static String index(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? flat : flat / shape[d];
        }
        return Arrays.toString(idx);
    }
}
