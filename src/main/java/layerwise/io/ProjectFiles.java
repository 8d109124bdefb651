package layerwise.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the workbook's own files are, relative to the project root (the working directory of every command),
 * and the imports JShell's DEFAULT startup gives a session: one home for what the launcher's JShell, the lesson
 * runner and the grader must agree on.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The startup file of the workbook's JShell: its imports and the banner. */
    public static final Path STARTUP = Path.of("jshell-scripts", "startup.jsh");

    /** The exercise files as shipped: {@code NN-topic.jsh}. */
    public static final Path EXERCISES = Path.of("jshell-scripts", "exercises");

    /** The packages the {@code jshell} tool's DEFAULT startup imports, in its order. */
    public static final List<String> JSHELL_DEFAULT_PACKAGES = List.of(
            "java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
            "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");
}
