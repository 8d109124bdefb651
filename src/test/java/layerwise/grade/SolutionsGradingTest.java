package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference solutions earn full marks on every exercise, checked against the library and reference code. */
class SolutionsGradingTest {
    private static Report report;

    @BeforeAll
    static void gradeSolutions() {
        if (Files.isDirectory(GradeRuns.SOLUTIONS)) report = GradeRuns.grade(GradeRuns.SOLUTIONS, List.of(), Limits.DEFAULT);
    }

    /** Per test, not in gradeSolutions: a class skipped in @BeforeAll shows as 0 tests run, without the reason. */
    @BeforeEach
    void needsTheSolutions() {
        GradeRuns.assumePresent(GradeRuns.SOLUTIONS, "reference solutions");
    }

    @Test
    @DisplayName("every exercise with hints is graded, and every one passes")
    void everyExercisePasses() {
        List<String> graded = report.results().stream().map(ExerciseResult::id).toList();
        assertEquals(new Hints(java.nio.file.Path.of("target", "no-hints-shown")).ids(), graded);
        for (ExerciseResult r : report.results()) {
            assertEquals(Status.PASSED, r.status(), r.id() + " " + r.title() + ": " + r.message());
            assertEquals(r.max(), r.points(), r.id());
        }
    }

    @Test
    @DisplayName("at least 30 exercises over the thirteen exercise files, full marks in total")
    void fullMarks() {
        assertTrue(report.results().size() >= 30, "only " + report.results().size() + " exercises");
        assertEquals(13, report.results().stream().map(ExerciseResult::file).distinct().count());
        assertEquals(report.max(), report.points());
        assertTrue(report.max() >= 60, "max " + report.max());
    }
}
