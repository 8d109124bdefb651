package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Long arrays and lists at the prompt: a preview with the count, as PyTorch summarizes a tensor; every other value whole. */
class ValuePreviewTest {
    /** A float[] as JShell's engine formats it: float[n] { 0.0, 1.0, ... }. */
    private static String floats(int n) {
        return "float[" + n + "] { " + IntStream.range(0, n).mapToObj(i -> i + ".0").collect(Collectors.joining(", ")) + " }";
    }

    @Test
    @DisplayName("an array of more than 1000 numbers: its length, three items at each end")
    void longArray() {
        assertEquals("float[2000] { 0.0, 1.0, 2.0, ..., 1997.0, 1998.0, 1999.0 }", ValuePreview.of(floats(2000)));
        String exactly = floats(1000);
        assertSame(exactly, ValuePreview.of(exactly), "1000 numbers are shown whole, as torch's threshold");
        assertEquals("float[5] { 0.0, 1.0, 2.0, 3.0, 4.0 }", ValuePreview.of(floats(5)));
    }

    @Test
    @DisplayName("nested arrays: every level keeps three at each end once there are more than 1000 numbers in all")
    void nested() {
        String row = "int[40] { " + "0, ".repeat(39) + "0 }";
        String matrix = "int[50][] { " + String.join(", ", java.util.Collections.nCopies(50, row)) + " }";
        String small = "int[3] { 0, 0, 0 }";
        assertEquals("int[50][] { " + String.join(", ", java.util.Collections.nCopies(3, "int[40] { 0, 0, 0, ..., 0, 0, 0 }"))
                + ", ..., " + String.join(", ", java.util.Collections.nCopies(3, "int[40] { 0, 0, 0, ..., 0, 0, 0 }")) + " }",
                ValuePreview.of(matrix));
        String strings = "String[1500] { " + String.join(", ", java.util.Collections.nCopies(1500, "\"a, b\"")) + " }";
        assertEquals("String[1500] { \"a, b\", \"a, b\", \"a, b\", ..., \"a, b\", \"a, b\", \"a, b\" }", ValuePreview.of(strings),
                "commas inside quotes are not separators");
        assertSame(small, ValuePreview.of(small));
    }

    @Test
    @DisplayName("a list of more than 1000 elements: three at each end and the count")
    void longList() {
        String list = IntStream.range(0, 2000).boxed().toList().toString();
        assertEquals("[0, 1, 2, ..., 1997, 1998, 1999] (2000 elements)", ValuePreview.of(list));
        String tensors = IntStream.range(0, 1200).mapToObj(i -> "tensor([" + i + "., 1.])").collect(Collectors.joining(", ", "[", "]"));
        assertTrue(ValuePreview.of(tensors).endsWith("tensor([1199., 1.])] (1200 elements)"), ValuePreview.of(tensors));
    }

    @Test
    @DisplayName("a value the engine cut: JDK 17 keeps the start, later JDKs the start and end joined by \" ... \"")
    void cutByTheEngine() {
        String whole = floats(100_000);
        String jdk17 = whole.substring(0, ValuePreview.ENGINE_LIMIT);
        assertEquals("float[100000] { 0.0, 1.0, 2.0, ... }   (the last items are not shown: JShell sends at most 21,844 characters of a value)",
                ValuePreview.of(jdk17));
        int end = ValuePreview.ENGINE_LIMIT / 3, start = ValuePreview.ENGINE_LIMIT - 5 - end;
        String later = whole.substring(0, start) + " ... " + whole.substring(whole.length() - end);
        assertEquals("float[100000] { 0.0, 1.0, 2.0, ..., 99997.0, 99998.0, 99999.0 }", ValuePreview.of(later));
        String list = IntStream.range(0, 100_000).boxed().toList().toString().substring(0, ValuePreview.ENGINE_LIMIT);
        String shown = ValuePreview.of(list);
        assertTrue(shown.startsWith("[0, 1, 2, ... (more than 3,"), shown);
        assertTrue(shown.endsWith(" elements: JShell sends at most 21,844 characters of a value; size() gives the count)"), shown);
    }

    @Test
    @DisplayName("summaries, traces, tables, tensors and long strings stay whole")
    void othersWhole() {
        for (String v : List.of("Summary of Sequential on input [1, 3, 32, 32]\n" + "layer   input\n".repeat(400),
                "tensor([" + "0.1000, ".repeat(800) + "])", "\"" + "x".repeat(5000) + "\"",
                "{" + IntStream.range(0, 2000).mapToObj(i -> i + "=" + i).collect(Collectors.joining(", ")) + "}")) {
            assertSame(v, ValuePreview.of(v));
        }
    }
}
