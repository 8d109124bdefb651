package layerwise.workbook;

import java.nio.file.Path;

/**
 * Why a lesson script failed: where, what kind of failure, and the snippet that failed.
 *
 * <p>{@link #toString()} is the report the launcher prints and the tests assert on:
 * <pre>
 * jshell-scripts/01-tensors.jsh:12: threw java.lang.IllegalArgumentException: ...
 *     &gt; var y = x.matmul(w);
 * </pre>
 *
 * @param file   the script (as given, relative to the working directory when it is below it)
 * @param line   1-based line of the failing code in {@code file}
 * @param kind   which of the failure kinds this is
 * @param reason one readable sentence (several lines for exceptions whose message has several)
 * @param source the failing snippet's source, or the command line; empty when there is none
 */
public record Failure(Path file, int line, Kind kind, String reason, String source) {

    /** The ways a script can fail under the strict runner. */
    public enum Kind {
        /** The snippet does not compile (JShell status REJECTED). */
        COMPILE_ERROR,
        /** The snippet threw an exception. */
        EXCEPTION,
        /** A declaration refers to a name that does not exist (RECOVERABLE), or code used one. */
        UNRESOLVED,
        /** The snippet ran past the time limit and was stopped. */
        TIMEOUT,
        /** A JShell command the runner cannot run (anything but /open and /exit), or a missing /open file. */
        COMMAND,
        /** The script called /exit with a non-zero status. */
        EXIT_STATUS,
        /** The script file cannot be read as UTF-8 text. */
        UNREADABLE
    }

    /** {@code file:line: reason}, then the snippet, each line prefixed with {@code "    > "}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(location()).append(": ").append(reason);
        for (String l : source.strip().split("\n", -1)) {
            if (!l.isBlank()) sb.append("\n    > ").append(l.stripTrailing());
        }
        return sb.toString();
    }

    /** {@code file:line}, with forward slashes on every platform. */
    public String location() {
        return location(file, line);
    }

    static String location(Path file, int line) {
        return file.toString().replace('\\', '/') + ":" + line;
    }
}
