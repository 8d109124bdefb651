package layerwise.plot;

import layerwise.experiment.DepthExperiment;
import layerwise.experiment.DepthStats;
import layerwise.experiment.Scheme;
import layerwise.init.Init;
import layerwise.init.Theory;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Every plot kind: a title that says what it shows, labelled axes, short round tick labels, a legend when needed. */
class PlotLabelsTest extends WithTempOutput {
    @Test
    @DisplayName("tick labels: at most three significant digits, a leading 0, no float noise, short exponents")
    void tickLabels() {
        assertEquals("0.05", Ticks.label(0.05));
        assertEquals("-1.03", Ticks.label(-1.0308206903934));
        assertEquals("0.3", Ticks.label(0.30000000000000004));
        assertEquals("0", Ticks.label(-1e-17));
        assertEquals("-0.5", Ticks.label(-0.5));
        assertEquals("250", Ticks.label(250));
        assertEquals("1e-8", Ticks.label(1e-8));
        assertEquals("1.4e10", Ticks.label(1.4e10));
        assertEquals("2.5e5", Ticks.label(2.5e5));
        assertEquals(5, Ticks.integerStep(40));
        assertEquals(2, Ticks.integerStep(16));
        assertEquals(1, Ticks.integerStep(8));
    }

    /** The chart's labels are short and its axes named; a legend is shown exactly when there are two series or more. */
    private static void readable(XYChart chart) {
        assertFalse(chart.getTitle().isBlank(), "title");
        assertFalse(chart.getXAxisTitle().isBlank(), chart.getTitle() + ": x axis title");
        assertFalse(chart.getYAxisTitle().isBlank(), chart.getTitle() + ": y axis title");
        Function<Double, String> x = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        assertNotNull(x, chart.getTitle() + ": x ticks are formatted");
        assertEquals("-1.03", x.apply(-1.0308206903934), chart.getTitle());
        if (chart.getSeriesMap().size() > 1) assertTrue(chart.getStyler().isLegendVisible(), chart.getTitle() + ": legend");
    }

    /** No series has only equally spaced x values unless they are whole numbers (XChart would put ticks on them). */
    private static void ticksNotOnData(XYChart chart) {
        List<Double> xs = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) for (double v : s.getXData()) if (!xs.contains(v)) xs.add(v);
        xs.sort(Double::compare);
        boolean equal = true;
        for (int i = 2; i < xs.size(); i++) {
            equal &= Math.abs((xs.get(i) - xs.get(i - 1)) - (xs.get(1) - xs.get(0))) < 1e-9;
        }
        boolean whole = xs.stream().allMatch(v -> v == Math.rint(v));
        assertTrue(!equal || whole, chart.getTitle() + ": x values " + xs.subList(0, Math.min(4, xs.size())));
    }

    @Test
    @DisplayName("histogram: named after the init scheme, value/density axes, samples and theory in the legend")
    void histogram() {
        Tensor w = Init.xavierUniform(Tensor.empty(64, 32));
        XYChart c = Plots.histogram(w, Init.theory("xavier_uniform", w), "h").get(0);
        readable(c);
        ticksNotOnData(c);
        assertEquals("value", c.getXAxisTitle());
        assertEquals("density", c.getYAxisTitle());
        XYChart plain = Plots.histogram(Tensor.randn(500), "h2").get(0);
        readable(plain);
        ticksNotOnData(plain);
    }

    @Test
    @DisplayName("compareSchemes and depthHistograms: every panel readable")
    void grids() {
        Plots.compareSchemes(new int[] {32, 16}, "g").parts().forEach(PlotLabelsTest::readable);
        DepthStats relu = DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 3, 32, 16, 0);
        for (XYChart c : Plots.depthHistograms(relu, "d").parts()) {
            readable(c);
            ticksNotOnData(c);
            assertEquals("relu output", c.getXAxisTitle());
        }
    }

    @Test
    @DisplayName("forwardOutputs: both panels readable, the bars' x values never equally spaced")
    void forwardOutputs() {
        Tensor pre = Tensor.randn(2000);
        for (XYChart c : Plots.forwardOutputs(pre, pre.tanh(), "tanh", Theory.normal(0, 1), "f").parts()) {
            readable(c);
            ticksNotOnData(c);
        }
    }

    @Test
    @DisplayName("depthLines: titles, layer axis, std axis says log scale")
    void depthLines() {
        DepthStats a = DepthExperiment.mlp(Scheme.xavierUniform(), "tanh", 3, 32, 16, 0);
        List<XYChart> charts = Plots.depthLines(List.of(a), "l").parts();
        assertEquals("std of activations by layer", charts.get(0).getTitle());
        assertEquals("std (log scale)", charts.get(0).getYAxisTitle());
        assertEquals("saturated units (|output| > 0.99)", charts.get(1).getTitle());
        charts.forEach(PlotLabelsTest::readable);
    }

    @Test
    @DisplayName("lines: one curve has no legend, several have one")
    void lines() {
        XYChart one = Plots.line("y = x²", new double[] {0, 1, 2}, new double[] {0, 1, 4}, "one").get(0);
        readable(one);
        assertFalse(one.getStyler().isLegendVisible());
        Map<String, double[]> ys = new LinkedHashMap<>();
        ys.put("a", new double[] {1, 2});
        ys.put("b", new double[] {2, 1});
        readable(Plots.lines("two curves", "step", "loss", new double[] {0, 1}, ys, "two").get(0));
    }

    @Test
    @DisplayName("at the prompt a figure shows the file it wrote and what it is")
    void figurePrintsItsFile() {
        Figure<XYChart> f = Plots.histogram(Tensor.randn(100), "shown");
        assertEquals(out.resolve("shown.png") + " (histogram of shown)", f.toString());
        assertEquals(out.resolve("shown.png"), f.file());
    }
}
