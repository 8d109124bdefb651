package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import layerwise.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped stubs score zero, every exercise "not started", and each names a lesson section that exists. */
class StubsGradingTest {
    private static final Pattern SECTION = Pattern.compile("see (lessons/[\\w-]+\\.md)#([\\w-]+)");
    private static Report report;

    @BeforeAll
    static void gradeStubs() {
        report = GradeRuns.grade(GradeRuns.EXERCISES, List.of(), Limits.DEFAULT);
    }

    @Test
    @DisplayName("every stub is 'not started' with its own message, and the total is zero")
    void everyStubNotStarted() {
        assertEquals(67, report.results().size());
        for (ExerciseResult r : report.results()) {
            assertEquals(Status.NOT_STARTED, r.status(), r.file() + ", exercise " + r.id() + " is not the shipped stub (" + r.message()
                    + "). The suite grades the stubs as shipped: grade your own answers with ./workbook grade, "
                    + "and git checkout jshell-scripts/exercises before running the tests");
            assertTrue(r.message().startsWith("Exercise " + r.id() + ": "), r.message());
        }
        assertEquals(0, report.points());
        assertEquals(146, report.max());
    }

    @Test
    @DisplayName("each stub's message points at a heading of its lesson (GitHub's anchor of it)")
    void sectionsExist() throws IOException {
        for (ExerciseResult r : report.results()) {
            Matcher m = SECTION.matcher(r.message());
            assertTrue(m.find(), r.message());
            List<String> anchors = Files.readAllLines(Path.of(m.group(1))).stream().filter(l -> l.startsWith("#"))
                    .map(StubsGradingTest::anchor).toList();
            assertTrue(anchors.contains(m.group(2)), r.id() + ": no heading #" + m.group(2) + " in " + m.group(1) + ", only " + anchors);
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    @DisplayName("grade.json and the JUnit XML report carry every exercise")
    void reportsWritten(@TempDir Path dir) throws IOException {
        List<Path> written = Grader.write(report, dir);
        Map<String, Object> json = Json.parseObject(written.get(0));
        assertEquals(GradeRuns.SEED, ((Number) json.get("seed")).longValue());
        assertEquals(0L, ((Number) json.get("points")).longValue());
        List<?> exercises = (List<?>) json.get("exercises");
        assertEquals(67, exercises.size());
        Map<?, ?> first = (Map<?, ?>) exercises.get(0);
        assertEquals("1.1", first.get("id"));
        assertEquals("not started", first.get("status"));
        assertEquals(1L, ((Number) first.get("max")).longValue());
        String xml = Files.readString(written.get(1));
        assertEquals(67, xml.split("<testcase ", -1).length - 1, xml);
        assertEquals(67, xml.split("<skipped ", -1).length - 1, xml);
        assertTrue(xml.contains("<testsuite name=\"jshell-scripts/exercises/02-linear.jsh\" tests=\"5\""), xml);
    }
}
