package layerwise.workbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one strict run of a lesson script.
 *
 * @param script   the script that was run
 * @param failure  the first failure, if any; the runner stops there
 * @param snippets how many snippets of the script (and the files it opened) were evaluated
 * @param elapsed  wall-clock time of the run, startup replay included
 */
public record LessonResult(Path script, Optional<Failure> failure, int snippets, Duration elapsed) {

    public boolean ok() {
        return failure.isEmpty();
    }

    /** "ok (2.1 s)" or "FAILED (2.1 s)". */
    public String status() {
        return (ok() ? "ok" : "FAILED") + String.format(Locale.ROOT, " (%.1f s)", elapsed.toMillis() / 1000.0);
    }
}
