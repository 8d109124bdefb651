package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JShell helpers: checks fail with a message naming what failed; the banner lists the lessons. */
class ReplTest {

    @Test
    @DisplayName("check passes silently when true and names what failed when false")
    void check() {
        Repl.check(true, "never shown");
        AssertionError e = assertThrows(AssertionError.class, () -> Repl.check(1 + 1 == 3, "1 + 1 is 3"));
        assertEquals("check failed: 1 + 1 is 3", e.getMessage());
    }

    @Test
    @DisplayName("checkClose accepts |actual - expected| <= tol and rejects more, and NaN")
    void checkClose() {
        Repl.checkClose(1.0005f, 1.0f, 1e-3f, "close");
        AssertionError e = assertThrows(AssertionError.class, () -> Repl.checkClose(1.01f, 1.0f, 1e-3f, "mean"));
        assertEquals("check failed: mean: got 1.01, expected 1.0 +/- 0.001", e.getMessage());
        assertThrows(AssertionError.class, () -> Repl.checkClose(Float.NaN, 1.0f, 1e-3f, "nan"));
    }

    @Test
    @DisplayName("println shows a shape as [2, 3, 4] and float values as a list, not as [I@1b6d3586")
    void printlnArrays() {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Repl.println(Tensor.zeros(2, 3, 4).shape());
            Repl.println(new float[] {0.5f, 1f});
        } finally {
            System.setOut(saved);
        }
        assertEquals("[2, 3, 4]" + System.lineSeparator() + "[0.5, 1.0]" + System.lineSeparator(),
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("checkShape names both shapes")
    void checkShape() {
        Tensor t = Tensor.zeros(2, 3);
        Repl.checkShape(t, 2, 3);
        AssertionError e = assertThrows(AssertionError.class, () -> Repl.checkShape(t, 3, 2));
        assertEquals("check failed: shape is [2, 3], expected [3, 2]", e.getMessage());
    }

    @Test
    @DisplayName("the banner lists the lessons, says how to open the first one, and stays short")
    void banner() {
        List<Lesson> lessons = List.of(
                new Lesson("00", "00-welcome", Path.of("jshell-scripts", "00-welcome.jsh")),
                new Lesson("01", "01-tensors", Path.of("jshell-scripts", "01-tensors.jsh")));
        String text = Banner.text(lessons);
        assertEquals(6, text.lines().count(), text);
        assertTrue(text.lines().toList().get(5).startsWith("Kernels:  SIMD "), text);
        assertEquals("Lessons:  00-welcome  01-tensors", text.lines().toList().get(1));
        assertEquals("Start:    /open jshell-scripts/00-welcome.jsh   (prose: lessons/00-welcome.md)",
                text.lines().toList().get(2));
    }

    @Test
    @DisplayName("lesson scripts are NN-topic.jsh; their prose is lessons/NN-topic.md")
    void lessonNames() {
        Lesson l = Lesson.fromScript(Path.of("jshell-scripts", "07-rnn.jsh")).orElseThrow();
        assertEquals("07", l.number());
        assertEquals("07-rnn", l.name());
        assertEquals(Path.of("lessons", "07-rnn.md"), l.prose());
        assertEquals(java.util.Optional.empty(), Lesson.fromScript(Path.of("jshell-scripts", "startup.jsh")));
    }
}
