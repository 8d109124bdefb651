package layerwise.plot;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A fresh JVM with no DISPLAY and java.awt.headless=true draws a plot: it saves the PNG and opens nothing. */
class HeadlessProcessTest {

    @Test
    @DisplayName("a JVM without a display saves the PNG and exits normally")
    void noDisplay(@TempDir Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true",
                "-Dlayerwise.out=" + out, "-cp", System.getProperty("java.class.path"), HeadlessMain.class.getName()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM ends by itself: no window keeps it alive");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("saved " + out.resolve("no-display.png")), output);
        assertTrue(output.contains("headless=true"), output);
        assertTrue(Files.size(out.resolve("no-display.png")) > 1000);
    }
}
