package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
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
        report = GradeRuns.grade(GradeRuns.HOSTILE, List.of("01", "02", "05", "07", "08"), GradeRuns.tight());
    }

    @ParameterizedTest(name = "{0}: {1}, \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "1.1 | ERROR            | numel printed 6.0 MB (the limit is 1 MB)",
            "1.2 | ERROR            | contiguousStrides threw IllegalStateException: boom",
            "1.3 | ERROR            | broadcastShape left a thread running (never-ends)",
            "1.4 | WRONG_ANSWER     | matmul changed its argument #1 in place",
            "1.5 | DOES_NOT_COMPILE | sumDim does not compile: incompatible types: int cannot be converted to java.lang.String",
            "2.1 | TIMED_OUT        | linearWeightShape did not return within 3 s (the limit per exercise)",
            "2.2 | ERROR            | linearBiasShape overflowed the stack",
            "2.3 | WRONG_ANSWER     | (x [",
            "2.4 | ERROR            | linearMatmul ended the grading VM (System.exit, or a crash)",
            "2.5 | ERROR            | linearParameterCount ran out of memory (Java heap space; the limit is 128 MB)",
            "5.1 | DOES_NOT_COMPILE | the grader calls conv2dWeightShape(int, int, int, int) and JShell says: cannot find symbol",
            "5.2 | WRONG_ANSWER     | case 1 of 5 (size ",
            "5.3 | WRONG_ANSWER     | expected a tensor of shape [",
            "5.4 | WRONG_ANSWER     | im2col changed its argument #1 in place",
            "7.1 | TIMED_OUT        | rnnParameterShape did not return within 3 s",
            "8.3 | WRONG_ANSWER     | (x [",
            "8.4 | WRONG_ANSWER     | (x [",
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
        assertEquals(26, report.results().size());
    }
}
