package layerwise.workbook;

import java.util.Arrays;
import layerwise.tensor.Tensor;

/**
 * Small helpers for JShell, imported by {@code jshell-scripts/startup.jsh} with
 * {@code import static layerwise.workbook.Repl.*;}: printing without {@code System.out.}, and checks a
 * lesson uses to prove its own expected output. A failed check throws an {@link AssertionError} naming
 * what was checked, so the strict runner fails the lesson at that line.
 */
public final class Repl {
    private Repl() {
    }

    public static void println(Object x) {
        System.out.println(x);
    }

    /** A shape such as {@code x.shape()} prints as {@code [2, 3, 4]}, not as JVM's {@code [I@1b6d3586}. */
    public static void println(int[] shape) {
        System.out.println(Arrays.toString(shape));
    }

    /** Values such as {@code x.toFloatArray()} print as {@code [0.5, 1.0]}. */
    public static void println(float[] values) {
        System.out.println(Arrays.toString(values));
    }

    public static void println() {
        System.out.println();
    }

    public static void print(Object x) {
        System.out.print(x);
    }

    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * Throws when {@code ok} is false.
     *
     * @param what what should hold, e.g. {@code "x.shape() is [2, 3]"}; it is the message of the error
     */
    public static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError("check failed: " + what);
    }

    /** Throws unless {@code t.shape()} equals {@code expected}, naming both shapes. */
    public static void checkShape(Tensor t, int... expected) {
        int[] actual = t.shape();
        if (!Arrays.equals(actual, expected)) {
            throw new AssertionError("check failed: shape is " + Arrays.toString(actual) + ", expected "
                    + Arrays.toString(expected));
        }
    }

    /** Throws unless {@code |actual - expected| <= tol}; NaN never passes. */
    public static void checkClose(float actual, float expected, float tol, String what) {
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError("check failed: " + what + ": got " + actual + ", expected " + expected
                    + " +/- " + tol);
        }
    }
}
