package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The grader under attack: src/test/resources/hostile holds answers that loop, recurse, hoard memory, exit,
 * throw, print megabytes, leave threads running, write into their inputs, do not compile, or are wrong in
 * the classic ways. Each costs its own exercise, with the status and reason asserted here, and the exercises
 * around it are still graded.
 */
class HostileGradingTest {
    private static Report report;

    @BeforeAll
    static void gradeHostile() {
        if (!Files.isDirectory(GradeRuns.HOSTILE)) return;
        report = GradeRuns.grade(GradeRuns.HOSTILE, List.of("01", "02", "05", "06", "07", "08", "09", "10", "11", "12"), GradeRuns.tight());
    }

    /** Per test, not in gradeHostile: a class skipped in @BeforeAll shows as 0 tests run, without the reason. */
    @BeforeEach
    void needsTheHostileAnswers() {
        GradeRuns.assumePresent(GradeRuns.HOSTILE, "hostile answers");
    }

    @ParameterizedTest(name = "{0}: {1}, \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "1.1 | ERROR            | numel printed 6.0 MB (the limit is 1 MB)",
            "1.2 | ERROR            | contiguousStrides threw IllegalStateException: boom",
            "1.3 | REFUSED          | java.lang.Thread.new is not allowed in graded code: graded code may not start threads",
            "1.4 | WRONG_ANSWER     | matmul changed its argument #1 in place",
            "1.5 | DOES_NOT_COMPILE | sumDim does not compile: incompatible types: int cannot be converted to java.lang.String",
            "2.1 | TIMED_OUT        | linearWeightShape did not return within 3 s (the limit per exercise)",
            "2.2 | ERROR            | linearBiasShape overflowed the stack",
            "2.3 | WRONG_ANSWER     | (x [",
            "2.4 | REFUSED          | java.lang.System.exit is not allowed in graded code",
            "2.5 | ERROR            | linearParameterCount ran out of memory (Java heap space; the limit is 128 MB)",
            "5.1 | DOES_NOT_COMPILE | the grader calls conv2dWeightShape(int, int, int, int) and JShell says: cannot find symbol",
            "5.2 | WRONG_ANSWER     | case 1 of 5 (size ",
            "5.3 | WRONG_ANSWER     | expected a tensor of shape [",
            "5.4 | WRONG_ANSWER     | im2col changed its argument #1 in place",
            "6.1 | WRONG_ANSWER     | (input [",
            "6.2 | WRONG_ANSWER     | classes ",
            "6.3 | WRONG_ANSWER     | is out of range: kernel 1..11, stride 1..8, padding 0..kernel-1",
            "7.1 | REFUSED          | java.lang.Thread.onSpinWait is not allowed in graded code",
            "8.3 | WRONG_ANSWER     | (x [",
            "8.4 | WRONG_ANSWER     | (x [",
            "9.1 | WRONG_ANSWER     | values differ",
            "9.3 | WRONG_ANSWER     | (h_n [",
            "9.4 | WRONG_ANSWER     | expected a tensor of shape [",
            "10.1 | DOES_NOT_COMPILE | the grader calls lstmParameterShape(String, int, int, int, boolean)",
            "10.2 | WRONG_ANSWER    | values differ",
            "10.3 | WRONG_ANSWER    | values differ",
            "10.4 | WRONG_ANSWER    | expected true, got false",
            "11.2 | WRONG_ANSWER    | values differ",
            "11.3 | WRONG_ANSWER    | values differ",
            "11.6 | WRONG_ANSWER    | (logits [",
            "11.7 | WRONG_ANSWER    | values (shape [",
            "11.8 | WRONG_ANSWER    | conv2dWeightGrad changed its argument #1 in place",
            "11.9 | REFUSED         | lstmStepBackward uses layerwise.tensor.Tensor.of, which this exercise does not allow",
            "12.1 | WRONG_ANSWER    | values differ",
            "12.2 | WRONG_ANSWER    | case 2 of 5 (A [",
            "12.3 | WRONG_ANSWER    | (cores ",
            "12.4 | WRONG_ANSWER    | stride ",
    })
    @DisplayName("a hostile or wrong answer scores zero, with its status and reason")
    void scoresZeroWithReason(String id, Status status, String reason) {
        ExerciseResult r = report.result(id).orElseThrow(() -> new AssertionError("exercise " + id + " was not graded"));
        assertEquals(status, r.status(), id + ": " + r.message());
        assertEquals(0, r.points(), id);
        assertTrue(r.message().contains(reason), id + ": expected the reason to contain \"" + reason + "\", got: " + r.message());
    }

    @Test
    @DisplayName("a transposed weight and off-by-one sizes show the first differing value or shape")
    void wrongAnswersShowTheFirstDifference() {
        assertTrue(report.result("2.3").orElseThrow().message().matches("(?s)case 1 of 3 \\(x \\[\\d+, \\d+\\], weight \\[\\d+, \\d+\\], bias \\[\\d+\\]\\): "
                + "at \\[0, 0\\] expected -?[\\d.]+, got -?[\\d.]+ \\(\\d+ of \\d+ values differ\\)\\."), report.result("2.3").orElseThrow().message());
        String size = report.result("5.2").orElseThrow().message();
        Matcher m = Pattern.compile("expected (\\d+), got (\\d+)\\.").matcher(size);
        assertTrue(m.find(), size);
        assertEquals(Integer.parseInt(m.group(1)) + 1, Integer.parseInt(m.group(2)), size);
        String conv = report.result("5.3").orElseThrow().message();
        assertTrue(conv.matches("(?s).*expected a tensor of shape \\[\\d+, \\d+, \\d+, \\d+\\], got shape \\[\\d+, \\d+, \\d+, \\d+\\]\\."), conv);
        // the stack's sizes without the formula's "+ 1": the batch and channels right, H and W one short
        String stack = report.result("6.1").orElseThrow().message();
        Matcher s = Pattern.compile("expected \\[(\\d+), (\\d+), (\\d+), (\\d+)\\], got \\[(\\d+), (\\d+), (-?\\d+), (-?\\d+)\\]\\.").matcher(stack);
        assertTrue(s.find(), stack);
        assertEquals(s.group(1), s.group(5), stack);
        assertEquals(s.group(2), s.group(6), stack);
        assertTrue(Integer.parseInt(s.group(7)) < Integer.parseInt(s.group(3)) || Integer.parseInt(s.group(8)) < Integer.parseInt(s.group(4)), stack);
        // the classifier's weight written (in, out): the right numbers the wrong way round
        String classifier = report.result("6.2").orElseThrow().message();
        Matcher w = Pattern.compile("expected \\[(\\d+), (\\d+)\\], got \\[(\\d+), (\\d+)\\]\\.").matcher(classifier);
        assertTrue(w.find(), classifier);
        assertEquals(w.group(1) + "," + w.group(2), w.group(4) + "," + w.group(3), classifier);
        // a weight handed back untransposed: (in, out) where (out, in) is expected
        String weight = report.result("9.4").orElseThrow().message();
        Matcher t = Pattern.compile("expected a tensor of shape \\[(\\d+), (\\d+)\\], got shape \\[(\\d+), (\\d+)\\]\\.").matcher(weight);
        assertTrue(t.find(), weight);
        assertEquals(t.group(1) + "," + t.group(2), t.group(4) + "," + t.group(3), weight);
        // the peak with an FMA counted as one flop: exactly half
        String peak = report.result("12.3").orElseThrow().message();
        Matcher g = Pattern.compile("expected ([\\d.]+), got ([\\d.]+)\\.").matcher(peak);
        assertTrue(g.find(), peak);
        assertEquals(Double.parseDouble(g.group(1)) / 2, Double.parseDouble(g.group(2)), 1e-6 * Double.parseDouble(g.group(1)), peak);
    }

    @Test
    @DisplayName("a compile error names the file and the line where the method starts")
    void compileErrorNamesTheLine() throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(GradeRuns.HOSTILE.resolve("01-tensors.jsh"));
        int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("float[] sumDim(")).findFirst().orElseThrow()) + 1;
        String message = report.result("1.5").orElseThrow().message();
        assertTrue(message.startsWith("01-tensors.jsh:" + line + ": sumDim does not compile"), message);
    }

    @Test
    @DisplayName("right answers next to hostile ones still pass, after a killed VM and in a file with missing methods")
    void othersStillGraded() {
        assertEquals(Status.PASSED, report.result("5.5").orElseThrow().status(), report.result("5.5").orElseThrow().message());
        assertEquals(Status.PASSED, report.result("7.2").orElseThrow().status(), report.result("7.2").orElseThrow().message());
        assertEquals(Status.PASSED, report.result("7.5").orElseThrow().status(), report.result("7.5").orElseThrow().message());
        assertEquals(Status.PASSED, report.result("6.4").orElseThrow().status(), report.result("6.4").orElseThrow().message());
        assertEquals(Status.PASSED, report.result("9.2").orElseThrow().status(), report.result("9.2").orElseThrow().message());
        assertEquals(51, report.results().size());
    }
}
