package layerwise.plot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** For plot tests: each test writes its pictures into a fresh temporary layerwise.out, restored afterwards. */
abstract class WithTempOutput {
    @TempDir
    Path out;
    private String previousOut;

    @BeforeEach
    void useTempDir() {
        previousOut = System.setProperty("layerwise.out", out.toString());
    }

    @AfterEach
    void restore() {
        if (previousOut == null) System.clearProperty("layerwise.out");
        else System.setProperty("layerwise.out", previousOut);
    }
}
