package layerwise.plot;

import layerwise.experiment.DepthExperiment;
import layerwise.experiment.Scheme;
import layerwise.init.Init;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Real PNGs, written headless into a temporary layerwise.out directory. */
class PlotsPngTest extends WithTempOutput {
    private BufferedImage png(String name) throws IOException {
        Path file = out.resolve(name + ".png");
        assertTrue(Files.isRegularFile(file), file + " exists");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is a PNG");
        return img;
    }

    /** Prints captured while running r. */
    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the test JVM has no display, and plots still save (the suite runs with java.awt.headless=true)")
    void headless() throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless());
        Tensor w = Init.xavierUniform(Tensor.empty(64, 32));
        String printed = stdout(() -> Plots.histogram(w, Init.theory("xavier_uniform", w), "headless hist"));
        assertEquals("saved " + out.resolve("headless-hist.png") + System.lineSeparator(), printed);
        BufferedImage img = png("headless-hist");
        assertEquals(640, img.getWidth());
        assertTrue(img.getHeight() >= 420);
    }

    @Test
    @DisplayName("grids are one PNG: 5 schemes make 2 rows of 3 charts")
    void gridSizes() throws IOException {
        Plots.compareSchemes(new int[] {32, 16}, "grid");
        BufferedImage img = png("grid");
        assertEquals(3 * 420, img.getWidth());
        assertEquals(0, img.getHeight() % 2);
        Plots.depthLines(List.of(DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 2, 16, 8, 0)), "lines");
        assertEquals(2 * 500, png("lines").getWidth());
        Plots.imageGrid(Tensor.randn(8, 1, 3, 3), "kernels");
        BufferedImage kernels = png("kernels");
        assertEquals(new ImageGrid("k", Plots.imageGrid(Tensor.randn(8, 1, 3, 3), "again").parts(), 4, false, "value").width(),
                kernels.getWidth());
        assertTrue(kernels.getWidth() < 1100, "four kernels to a row: " + kernels.getWidth());
        Plots.hiddenState(Tensor.randn(5, 4), "state");
        png("state");
    }

    @Test
    @DisplayName("show saves a chart built by hand, under its title or a given name")
    void showOwnChart() throws IOException {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChart(300, 200);
        chart.setTitle("my curve");
        chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, 1, 4});
        assertEquals(out.resolve("my-curve.png"), Plots.show(chart));
        assertEquals(300, png("my-curve").getWidth());
        assertEquals(out.resolve("named.png"), Plots.show(chart, "named"));
    }

    @Test
    @DisplayName("names become safe file names")
    void fileNames() {
        assertEquals("03-xavier-uniform", Output.fileName("03 xavier/uniform"));
        assertEquals("a.b_c", Output.fileName("a.b_c.png"));
        assertThrows(IllegalArgumentException.class, () -> Output.fileName("///"));
    }

    @Test
    @DisplayName("no fonts: one sentence saying what to install, no stack trace, no file")
    void missingFonts() {
        String printed = stdout(() -> assertNull(Output.saveOrExplain("nofont", path -> {
            throw new InternalError(new RuntimeException("Fontconfig head is null, check your fonts or fonts configuration"));
        })));
        assertEquals(Output.FONT_ADVICE + System.lineSeparator(), printed);
        assertTrue(printed.contains("Install fontconfig and fonts-dejavu-core"), printed);
        assertFalse(Files.exists(out.resolve("nofont.png")));
        assertTrue(Output.isFontProblem(new UnsatisfiedLinkError("libfontconfig.so.1: cannot open shared object file")));
        assertTrue(Output.isFontProblem(new NoClassDefFoundError("Could not initialize class sun.font.SunFontManager")));
    }

    @Test
    @DisplayName("other rendering failures are not hidden")
    void otherFailuresPropagate() {
        assertFalse(Output.isFontProblem(new IllegalStateException("series is empty")));
        assertThrows(IllegalStateException.class, () -> Output.saveOrExplain("broken", path -> {
            throw new IllegalStateException("series is empty");
        }));
    }
}
