package layerwise.workbook;

import java.nio.file.Path;

/**
 * Paths typed on the command line, resolved against the directory the user ran {@code ./workbook} from.
 * The launcher runs Java from the project root (lessons, {@code /open} paths and {@code out/} are relative
 * to it) and passes the caller's directory in {@value #PROPERTY}; without it, the working directory is
 * the caller's.
 */
final class CallerPaths {
    /** System property with the directory {@code ./workbook} was started from. */
    static final String PROPERTY = "layerwise.callerDir";

    private CallerPaths() {
    }

    /** {@code typed} as the user meant it: absolute as is, relative against the caller's directory. */
    static Path resolve(String typed) {
        Path p = Path.of(typed);
        String caller = System.getProperty(PROPERTY);
        if (caller == null || caller.isBlank() || p.isAbsolute()) return p;
        return Path.of(caller).resolve(p).normalize();
    }
}
