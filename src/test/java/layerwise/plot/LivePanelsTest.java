package layerwise.plot;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Panels of curves: saved headless, points that cannot be drawn left out, redrawn as they grow. */
class LivePanelsTest extends WithTempOutput {
    private static final double[] X = {0, 1, 2, 3};

    @Test
    @DisplayName("panels side by side in one PNG, without a window (headless)")
    void saved() throws Exception {
        var f = Plots.panels("two panels", "step", List.of(
                Panel.log("loss", "loss", List.of(new Curve("a", X, new double[] {2, 1, 0.5, 0.25}))),
                Panel.of("accuracy", "fraction", List.of(new Curve("b", X, new double[] {0.1, 0.5, 0.7, 0.9})))), "panels");
        BufferedImage img = ImageIO.read(out.resolve("panels.png").toFile());
        assertEquals(2 * 640, img.getWidth());
        assertEquals(2, f.size());
        assertTrue(((XYChart) f.get(0)).getStyler().isYAxisLogarithmic());
    }

    @Test
    @DisplayName("NaN, values not above 0 on a log axis and values above the cap are left out of the line")
    void leftOut() {
        var live = Plots.livePanels("t", "step", List.of(
                Panel.log("loss", "loss", List.of(new Curve("a", X, new double[] {Double.NaN, 0, 1e30, 0.5}))).upTo(20)));
        double[] y = live.charts().get(0).getSeriesMap().get("a").getYData();
        assertArrayEquals(new double[] {0.5}, y);
        assertFalse(live.showing(), "headless: no window");
    }

    @Test
    @DisplayName("update redraws the same panels grown; another number of panels is refused")
    void update() {
        var live = Plots.livePanels("t", "step", List.of(Panel.of("p", "y", List.of(new Curve("a", new double[] {0}, new double[] {1})))));
        live.update(List.of(Panel.of("p", "y", List.of(new Curve("a", X, new double[] {1, 2, 3, 4}), new Curve("b", X, X)))));
        var series = live.charts().get(0).getSeriesMap();
        assertEquals(4, series.get("a").getXData().length);
        assertTrue(series.containsKey("b"), "a curve that appears later is added");
        assertThrows(IllegalArgumentException.class, () -> live.update(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Curve("c", X, new double[] {1}));
    }
}
