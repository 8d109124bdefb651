package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson script, {@code jshell-scripts/NN-*.jsh}, runs clean under the strict runner, each in a
 * fresh JShell after the learner's startup; and it comes with its prose and does not end the session.
 */
class LessonsTest {

    @TestFactory
    Stream<DynamicTest> everyLessonRunsClean() {
        List<Lesson> lessons = Lesson.all();
        assertFalse(lessons.isEmpty(), "no lessons found in " + Lesson.SCRIPTS.toAbsolutePath());
        LessonRunner runner = new LessonRunner();
        return lessons.stream().map(lesson -> DynamicTest.dynamicTest(lesson.name(), lesson.script().toUri(), () -> {
            assertTrue(Files.isRegularFile(lesson.prose()), lesson.name() + " needs its prose in " + lesson.prose());
            assertFalse(endsWithExit(lesson.script()),
                    lesson.script() + " ends with /exit, which would quit the learner's session when /open-ed");
            LessonResult result = runner.run(lesson.script());
            assertTrue(result.ok(), () -> "\n" + result.failure().get());
        }));
    }

    private static boolean endsWithExit(Path script) throws IOException {
        List<String> code = Files.readAllLines(script).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return !code.isEmpty() && code.get(code.size() - 1).startsWith("/exit");
    }
}
