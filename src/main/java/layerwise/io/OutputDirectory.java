package layerwise.io;

import java.nio.file.Path;

/**
 * The one place that reads where the workbook writes its files (plots, CSV tables): the system property
 * {@value #PROPERTY}, default {@code out}. The launchers set it; the tests point it into the build directory.
 */
public final class OutputDirectory {
    /** The system property naming the directory. */
    public static final String PROPERTY = "layerwise.out";

    private OutputDirectory() {
    }

    /** The directory, as the property says now (a test may change it). */
    public static Path path() {
        return Path.of(System.getProperty(PROPERTY, "out"));
    }
}
