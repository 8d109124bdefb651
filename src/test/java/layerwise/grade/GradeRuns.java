package layerwise.grade;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /** Short limits, so the hostile files' loops and hoards cost seconds. */
    static Limits tight() {
        return new Limits(Duration.ofSeconds(3), 128);
    }
}
