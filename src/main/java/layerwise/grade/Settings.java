package layerwise.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import layerwise.io.ProjectFiles;

/**
 * The grading run's settings, passed to the grading tests as JUnit configuration parameters so that the
 * same classes grade the learner's folder from {@code ./workbook grade} and the reference, stub and hostile
 * files from the test suite.
 */
record Settings(Path dir, Function<String, Optional<Path>> fileOverride, long seed, Limits limits, List<String> imports) {
    static final String DIR = "layerwise.grade.dir";
    /** {@code layerwise.grade.file.02=path}: grade this file for lesson 02 instead of DIR/02-....jsh. */
    static final String FILE_PREFIX = "layerwise.grade.file.";
    static final String SEED = "layerwise.grade.seed";
    static final String TIMEOUT = "layerwise.grade.timeoutSeconds";
    static final String MEMORY = "layerwise.grade.memoryMegabytes";
    /** A startup file whose import lines the learner's JShell also had (default jshell-scripts/startup.jsh). */
    static final String STARTUP = "layerwise.grade.startup";

    static Settings from(Function<String, Optional<String>> config) {
        Path dir = config.apply(DIR).map(Path::of).orElse(ProjectFiles.EXERCISES);
        long seed = config.apply(SEED).map(Long::parseLong).orElse(0L);
        Limits limits = new Limits(
                config.apply(TIMEOUT).map(s -> Duration.ofMillis(Math.round(1000 * Double.parseDouble(s)))).orElse(Limits.DEFAULT.timeout()),
                config.apply(MEMORY).map(Integer::parseInt).orElse(Limits.DEFAULT.heapMegabytes()));
        Path startup = config.apply(STARTUP).map(Path::of).orElse(ProjectFiles.STARTUP);
        return new Settings(dir, lesson -> config.apply(FILE_PREFIX + lesson).map(Path::of), seed, limits, imports(startup));
    }

    /** The learner's file for an exercise file name such as "02-linear.jsh". */
    Path file(String name) {
        return fileOverride.apply(name.substring(0, 2)).orElse(dir.resolve(name));
    }

    /**
     * The startup file's import lines: the learner's JShell had exactly these. Without the file there is no
     * telling which names the learner's file may use, so grading stops with a clear message instead of guessing.
     */
    private static List<String> imports(Path startup) {
        if (!Files.isRegularFile(startup)) {
            throw new IllegalStateException("the workbook's startup file " + startup + " is missing: grade from the workbook's "
                    + "folder (./workbook grade), whose JShell the learner's file was written for");
        }
        try {
            return Files.readAllLines(startup).stream().map(String::trim).filter(l -> l.startsWith("import ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
