package layerwise.grade;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Grading runs for the tests: a folder of exercise files, a fixed seed, progress lines swallowed. */
final class GradeRuns {
    static final Path EXERCISES = Path.of("jshell-scripts", "exercises");
    static final Path SOLUTIONS = Path.of("src", "test", "resources", "solutions");
    static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");
    static final long SEED = 20261201;

    private GradeRuns() {
    }

    static Report grade(Path dir, List<String> lessons, Limits limits) {
        return Grader.grade(new Grader.Request(dir, Map.of(), lessons, SEED, limits, Path.of("jshell-scripts", "startup.jsh"),
                new PrintStream(OutputStream.nullOutputStream())));
    }

    /**
     * Skips the calling test when {@code dir}, a folder of answers, is absent: a learner's copy made with
     * ./workbook handout leaves the reference solutions and the hostile answers out, and its tests still pass.
     */
    static void assumePresent(Path dir, String what) {
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "the " + what + " are not in a learner's copy (./workbook handout leaves them out): " + dir + " is absent");
    }

    /** Short limits, so the hostile files' loops and hoards cost seconds. */
    static Limits tight() {
        return new Limits(Duration.ofSeconds(3), 128);
    }
}
