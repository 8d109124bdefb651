package layerwise.train;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** History and the mistakes picture, drawing headless into a temporary layerwise.out. */
class HistoryTest {
    @TempDir
    Path out;
    private String previous;

    @BeforeEach
    void useTempDir() {
        previous = System.setProperty("layerwise.out", out.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) System.clearProperty("layerwise.out");
        else System.setProperty("layerwise.out", previous);
    }

    private static History twoEpochs() {
        History h = new History();
        h.step(2.0, 0.25);
        h.step(1.0, 0.75);
        h.epoch(1.5, 0.5);
        h.step(0.5);
        h.step(0.25);
        h.step(0.125);
        h.epoch(0.4, 0.9);
        return h;
    }

    @Test
    @DisplayName("an epoch's train numbers are the means of its steps; the table has a row per epoch")
    void table() {
        History h = twoEpochs();
        var t = h.table();
        assertEquals(2, t.rowCount());
        assertEquals(java.util.List.of("epoch", "steps", "train_loss", "train_accuracy", "test_loss", "test_accuracy"), t.columnNames());
        assertEquals(1.5, t.doubleColumn("train_loss").get(0), 1e-12);
        assertEquals(0.5, t.doubleColumn("train_accuracy").get(0), 1e-12);
        assertEquals(0.875 / 3, t.doubleColumn("train_loss").get(1), 1e-12);
        assertTrue(t.doubleColumn("train_accuracy").isMissing(1), "no accuracy recorded in epoch 2");
        assertEquals(5, t.doubleColumn("steps").get(1), 0);
        assertEquals(0.9, h.testAccuracy(), 0);
        assertEquals(5, h.stepTable().rowCount());
        assertEquals("History(5 steps, 2 epochs, last loss 0.1250, test accuracy 90.0%)", h.toString());
    }

    @Test
    @DisplayName("steps to a target: the first step whose running mean is at or below it, -1 when never")
    void stepsTo() {
        History h = twoEpochs();
        assertArrayEquals(new double[] {2, 1.5, 0.75, 0.375, 0.1875}, h.smoothed(2), 1e-12);
        assertEquals(3, h.stepsTo(1.0, 2));
        assertEquals(1, h.stepsTo(2.0, 1));
        assertEquals(-1, h.stepsTo(0.1, 2));
        History blown = new History();
        blown.step(Double.NaN);
        blown.step(0.0);
        assertEquals(-1, blown.stepsTo(1.0, 2), "a NaN in the window is never below the target");
    }

    @Test
    @DisplayName("plot: the loss and accuracy panels in one PNG, redrawn whole on the next call")
    void plot() throws Exception {
        History h = twoEpochs();
        var f = h.plot("history");
        Path png = out.resolve("history.png");
        assertEquals(png, f.file());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 2 * 600, "two panels side by side: " + img.getWidth());
        assertEquals(2, f.size());
        h.step(0.1);
        h.epoch(0.3, 0.95);
        h.plot("history");
        var loss = (org.knowm.xchart.XYChart) f.get(0);
        assertEquals(6, loss.getSeriesMap().get("train loss, each step").getXData().length, "the same chart, grown");
    }

    @Test
    @DisplayName("an epoch without steps is refused")
    void emptyEpoch() {
        History h = new History();
        assertThrows(IllegalStateException.class, () -> h.epoch(1, 1));
    }

    @Test
    @DisplayName("the confusion matrix draws the samples it got wrong, titled true and predicted")
    void mistakes() throws Exception {
        Tensor images = Tensor.rand(4, 16);
        ConfusionMatrix m = Metrics.confusionMatrix(new int[] {0, 2, 1, 1}, new int[] {0, 1, 1, 3}, 4);
        var f = m.mistakes(images, "wrong");
        assertEquals(2, f.size());
        assertTrue(f.title().startsWith("2 of 4 wrong"), f.title());
        assertTrue(Files.isRegularFile(out.resolve("wrong.png")));
        assertThrows(IllegalArgumentException.class, () -> m.mistakes(Tensor.rand(3, 16), "x"));
        assertThrows(IllegalArgumentException.class, () -> m.mistakes(Tensor.rand(4, 15), "x"));
    }
}
