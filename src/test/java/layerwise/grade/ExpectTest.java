package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a wrong answer's message says: the shape first, then the first differing value by its index. */
class ExpectTest {
    private static Value floats(float... v) {
        return Value.decode("F" + v.length + ":" + hex(v));
    }

    private static String hex(float... v) {
        StringBuilder sb = new StringBuilder();
        for (float f : v) sb.append(sb.length() == 0 ? "" : ",").append(Integer.toHexString(Float.floatToRawIntBits(f)));
        return sb.toString();
    }

    @Test
    @DisplayName("the first differing value, with its multi-index and how many differ")
    void firstDifference() {
        GradeFailure f = assertThrows(GradeFailure.class, () -> Expect.floats("case 1 of 3", new int[] {2, 2},
                new float[] {1, 2, 3, 4}, floats(1, 2, 3.5f, 5)));
        assertEquals(Status.WRONG_ANSWER, f.status());
        assertEquals("case 1 of 3: at [1, 0] expected 3.00000, got 3.50000 (2 of 4 values differ).", f.getMessage());
    }

    @Test
    @DisplayName("a wrong length or shape is reported before any value")
    void shapeFirst() {
        GradeFailure f = assertThrows(GradeFailure.class, () -> Expect.floats("c", new int[] {2, 3}, new float[6], floats(1, 2)));
        assertEquals("c: expected 6 values (shape [2, 3]), got float[2].", f.getMessage());
        Value tensor = Value.decode("T3x2:" + hex(0, 0, 0, 0, 0, 0));
        f = assertThrows(GradeFailure.class, () -> Expect.floats("c", new int[] {2, 3}, new float[6], tensor));
        assertEquals("c: expected a tensor of shape [2, 3], got shape [3, 2].", f.getMessage());
        f = assertThrows(GradeFailure.class, () -> Expect.floats("c", new int[] {2}, new float[2], Value.decode("N")));
        assertEquals("c: expected float values of shape [2], got null.", f.getMessage());
    }

    @Test
    @DisplayName("values within ATOL + RTOL * |expected| pass; NaN never does")
    void tolerance() {
        assertDoesNotThrow(() -> Expect.floats("c", new int[] {2}, new float[] {1, 100}, floats(1.00005f, 100.05f)));
        assertThrows(GradeFailure.class, () -> Expect.floats("c", new int[] {1}, new float[] {1}, floats(1.002f)));
        assertThrows(GradeFailure.class, () -> Expect.floats("c", new int[] {1}, new float[] {1}, floats(Float.NaN)));
    }

    @Test
    @DisplayName("int arrays and integers compare exactly, other numbers to 1e-6 relative")
    void intsAndNumbers() {
        GradeFailure f = assertThrows(GradeFailure.class, () -> Expect.ints("c", new int[] {8, 20}, Value.decode("I2:20,8")));
        assertEquals("c: expected [8, 20], got [20, 8].", f.getMessage());
        assertDoesNotThrow(() -> Expect.number("c", 168, Value.decode("D" + Long.toHexString(Double.doubleToRawLongBits(168)))));
        f = assertThrows(GradeFailure.class, () -> Expect.number("c", 168, Value.decode("D" + Long.toHexString(Double.doubleToRawLongBits(160)))));
        assertEquals("c: expected 168, got 160.", f.getMessage());
        double a = 0.2236068;
        assertDoesNotThrow(() -> Expect.number("c", a, Value.decode("D" + Long.toHexString(Double.doubleToRawLongBits(a * (1 + 1e-9))))));
    }
}
