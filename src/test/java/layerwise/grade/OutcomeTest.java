package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The probe's answer for one call, read back: which status each kind of outcome earns. */
class OutcomeTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static GradeFailure fail(String text) {
        return assertThrows(GradeFailure.class, () -> Outcome.parse(text).valueOrFailure("case 1", "f", null, Limits.DEFAULT));
    }

    @Test
    @DisplayName("a value comes back decoded")
    void value() {
        Value v = Outcome.parse("\"RT2x1:3f800000,40000000;M;T;P0\"").valueOrFailure("c", "f", null, Limits.DEFAULT);
        assertEquals("tensor [2, 1]", v.describe());
        assertEquals(2f, v.floats()[1]);
    }

    @Test
    @DisplayName("the stub's exception is 'not started' with the stub's own message")
    void notStarted() {
        GradeFailure f = fail("Xjava.lang.UnsupportedOperationException," + b64("Exercise 2.3: loops") + "," + b64("f") + ";M;T;P0");
        assertEquals(Status.NOT_STARTED, f.status());
        assertEquals("Exercise 2.3: loops", f.getMessage());
    }

    @Test
    @DisplayName("other UnsupportedOperationExceptions are errors, naming the method that threw")
    void otherUnsupported() {
        GradeFailure f = fail("Xjava.lang.UnsupportedOperationException," + b64("no") + "," + b64("helper") + ";M;T;P0");
        assertEquals(Status.ERROR, f.status());
        assertEquals("case 1: f threw UnsupportedOperationException: no (in helper)", f.getMessage());
    }

    @Test
    @DisplayName("threads left running, printing over the limit and changed arguments each cost the exercise")
    void sideEffects() {
        assertEquals(Status.ERROR, fail("RN;M;T" + b64("t1") + ";P0").status());
        GradeFailure printed = fail("RN;M;T;P" + (3 << 20));
        assertEquals(Status.ERROR, printed.status());
        assertEquals("case 1: f printed 3.0 MB (the limit is 1 MB). An exercise returns its answer; printing that much is a loop that prints.",
                printed.getMessage());
        GradeFailure changed = fail("RN;M0,2;T;P0");
        assertEquals(Status.WRONG_ANSWER, changed.status());
        assertEquals("case 1: f changed its argument #1 and #3 in place. A layer reads its input and weights; it must not write into them.",
                changed.getMessage());
    }
}
