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
    @DisplayName("per-layer histograms name their run over the grid: the init scheme and the activation")
    void depthHistogramsNameTheScheme() throws IOException {
        var run = DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 2, 16, 8, 0);
        Figure<org.knowm.xchart.XYChart> fig = Plots.depthHistograms(run, "layers-kaiming");
        assertEquals("kaiming_normal + relu: each layer's relu output (mlp of 2 layers, width 16)", fig.title());
        BufferedImage img = png("layers-kaiming");
        int chartHeight = fig.parts().stream().mapToInt(c -> c.getHeight()).max().orElseThrow();
        assertEquals(Output.GRID_TITLE + chartHeight, img.getHeight(), "a title band over the one row of charts");
        boolean ink = false;
        for (int x = 0; x < img.getWidth() && !ink; x++) {
            for (int y = 0; y < Output.GRID_TITLE; y++) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink = true;
        }
        assertTrue(ink, "the title is drawn in the band");
    }

    @Test
    @DisplayName("imageGridOwnScales: a 1/9 blur beside Sobel's ±2 is drawn full strength on its own ±0.12 bar")
    void ownScales() throws IOException {
        Tensor k = Tensor.of(new float[] {-1, 0, 1, -2, 0, 2, -1, 0, 1,
            1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9}, 2, 1, 3, 3);
        Figure<ImagePanel> fig = Plots.imageGridOwnScales(k, "kernels", List.of("Sobel x", "blur"), "own");
        ImageGrid grid = new ImageGrid("kernels", fig.parts(), 2, false, "value", true);
        assertEquals(2.0, grid.scale(0));
        assertEquals(0.12, grid.scale(1), 1e-12);
        assertEquals(List.of("-0.12", "-0.06", "0", "0.06", "0.12"), ImageGrid.colourBarLabels(grid.scale(1)));
        BufferedImage img = png("own");
        assertEquals(grid.width(), img.getWidth());
        java.awt.Rectangle blur = grid.imageArea(1);
        java.awt.Color drawn = new java.awt.Color(img.getRGB(blur.x + blur.width / 2, blur.y + blur.height / 2));
        assertTrue(drawn.getGreen() < 120 && drawn.getRed() > 150, "the blur is a strong red on its own scale: " + drawn);
        assertTrue(grid.colourBar(1).x > blur.x + blur.width, "its bar is beside it");
        // the shared scale, for contrast: the same blur is pale
        ImageGrid shared = new ImageGrid("kernels", fig.parts(), 2, false, "value");
        assertEquals(2.0, shared.scale(1));
    }

    @Test
    @DisplayName("layerShapes: one point per layer, named, with features, channels and positions after each")
    void layerShapes() throws IOException {
        var cnn = new layerwise.nn.Sequential(new layerwise.nn.Conv2d(3, 16, 3, layerwise.nn.Conv2d.options().padding(1)),
                new layerwise.nn.MaxPool2d(2), new layerwise.nn.Flatten(), new layerwise.nn.Linear(16 * 16 * 16, 10));
        var fig = Plots.layerShapes(layerwise.shape.Summary.of(cnn, 1, 3, 32, 32), "shapes");
        var chart = fig.get(0);
        assertEquals("shape at every layer of Sequential, input [1, 3, 32, 32]", chart.getTitle());
        assertEquals("layer (its output)", chart.getXAxisTitle());
        var features = chart.getSeriesMap().get("features C·H·W (F once flat)");
        assertEquals(List.of("input", "(0) Conv2d", "(1) MaxPool2d", "(2) Flatten", "(3) Linear"), features.getXData());
        assertEquals(List.of(3072.0, 16384.0, 4096.0, 4096.0, 10.0), features.getYData());
        assertEquals(java.util.Arrays.asList(3.0, 16.0, 16.0, null, null), chart.getSeriesMap().get("channels C").getYData());
        assertEquals(java.util.Arrays.asList(1024.0, 1024.0, 256.0, null, null), chart.getSeriesMap().get("positions H·W").getYData());
        assertTrue(png("shapes").getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> Plots.layerShapes(layerwise.shape.Summary.of(cnn), "none"));
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
