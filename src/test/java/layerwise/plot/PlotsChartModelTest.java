package layerwise.plot;

import layerwise.experiment.DepthExperiment;
import layerwise.experiment.DepthStats;
import layerwise.experiment.Scheme;
import layerwise.experiment.SchemeSample;
import layerwise.init.Init;
import layerwise.init.Theory;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The charts' models: series, bins, overlay values and axis ranges (the PNGs are tested in PlotsPngTest). */
class PlotsChartModelTest extends WithTempOutput {
    private static List<String> names(XYChart chart) {
        return new ArrayList<>(chart.getSeriesMap().keySet());
    }

    private static XYSeries series(XYChart chart, int i) {
        return new ArrayList<>(chart.getSeriesMap().values()).get(i);
    }

    /** Area under a polyline by the trapezoid rule. */
    private static double area(XYSeries s) {
        double[] x = s.getXData(), y = s.getYData();
        double a = 0;
        for (int i = 1; i < x.length; i++) a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return a;
    }

    @Test
    @DisplayName("Bins: counts by hand, the last edge is inclusive, density integrates to 1")
    void bins() {
        float[] v = {0f, 0.1f, 0.5f, 0.99f, 1f, 2f};
        Bins b = Bins.of(v, 4, 0, 1);
        assertArrayEquals(new int[] {2, 0, 1, 2}, b.counts());
        assertEquals(1, b.outside());
        assertEquals(0.25, b.width(), 0);
        double integral = 0;
        for (int i = 0; i < b.size(); i++) integral += b.density(i) * b.width();
        assertEquals(5.0 / 6, integral, 1e-12);   // the one value outside is not in a bin
        Bins constant = Bins.of(new float[] {3f, 3f}, 10);
        assertEquals(2, java.util.Arrays.stream(constant.counts()).sum());
    }

    @Test
    @DisplayName("histogram: bars as a 50-bin outline of area 1, a flat theory at 1/(2·bound), axis past the bounds")
    void uniformHistogram() {
        Tensor.manualSeed(0);
        Tensor w = Init.xavierUniform(Tensor.empty(256, 128));
        XYChart chart = Plots.histogram(w, Init.theory("xavier_uniform", w), "uniform").get(0);
        assertEquals(List.of(names(chart).get(0), "theory: U(-0.125, 0.125)"), names(chart));
        assertTrue(names(chart).get(0).startsWith("samples (n=32768, std 0.07"), names(chart).get(0));
        XYSeries bars = series(chart, 0);
        assertEquals(2 * Plots.BINS + 4, bars.getXData().length);
        // the outline runs on the baseline half a bin past the bars, so the x values are not equally spaced
        assertEquals(bars.getXData()[2] - Bins.of(w.toFloatArray(), Plots.BINS).width() / 2, bars.getXData()[0], 1e-12);
        assertEquals(1.0, area(bars), 1e-9);
        XYSeries theory = series(chart, 1);
        double top = java.util.Arrays.stream(theory.getYData()).max().orElseThrow();
        assertEquals(1 / (2 * 0.125), top, 1e-9);
        assertEquals(1.0, area(theory), 1e-9);
        assertTrue(chart.getStyler().getXAxisMin() < -0.125 && chart.getStyler().getXAxisMin() > -0.2);
        assertTrue(chart.getStyler().getXAxisMax() > 0.125 && chart.getStyler().getXAxisMax() < 0.2);
        assertEquals("xavier_uniform_(gain=1)", chart.getTitle());
    }

    @Test
    @DisplayName("histogram: a normal theory peaks at 1/(std·sqrt(2π)) and the axis spans mean ± 4.5 std")
    void normalHistogram() {
        Tensor.manualSeed(1);
        Tensor w = Init.kaimingNormal(Tensor.empty(256, 128));
        Theory th = Init.theory("kaiming_normal", w);
        XYChart chart = Plots.histogram(w, th, "normal").get(0);
        XYSeries theory = series(chart, 1);
        double std = Math.sqrt(2.0 / 128);
        double peak = java.util.Arrays.stream(theory.getYData()).max().orElseThrow();
        assertEquals(1 / (std * Math.sqrt(2 * Math.PI)), peak, 1e-9);
        assertTrue(chart.getStyler().getXAxisMin() <= -4.5 * std);
        assertTrue(chart.getStyler().getXAxisMax() >= 4.5 * std);
        assertEquals(1.0, area(theory), 1e-4);
    }

    @Test
    @DisplayName("histogram without theory: one series, titled by its name")
    void plainHistogram() {
        XYChart chart = Plots.histogram(Tensor.arange(100), "plain").get(0);
        assertEquals(1, chart.getSeriesMap().size());
        assertEquals("histogram of plain", chart.getTitle());
        assertEquals(0.0, chart.getStyler().getYAxisMin());
    }

    @Test
    @DisplayName("compareSchemes: the classic five, each with its theory and its std in the title")
    void compareSchemes() {
        List<XYChart> charts = Plots.compareSchemes(new int[] {64, 32}, "schemes").parts();
        assertEquals(5, charts.size());
        List<String> titles = charts.stream().map(XYChart::getTitle).toList();
        assertTrue(titles.get(0).startsWith("default: std "), titles.toString());
        assertTrue(titles.get(1).startsWith("xavier_uniform: std "));
        assertTrue(titles.get(2).startsWith("kaiming_uniform: std "));
        assertTrue(titles.get(3).startsWith("N(0, 1²): std "));
        assertTrue(titles.get(4).startsWith("U(-1, 1): std "));
        for (XYChart c : charts) assertEquals(2, c.getSeriesMap().size(), c.getTitle());
        // default = U(±1/sqrt(fan_in)) with fan_in 32
        assertEquals("theory: U(-0.1768, 0.1768)", names(charts.get(0)).get(1));
    }

    @Test
    @DisplayName("forwardOutputs: the fitted normal is labelled fitted, a derived one derived; tanh's output spans [-1, 1]")
    void forwardOutputs() {
        Tensor.manualSeed(2);
        Tensor pre = Tensor.randn(1000);
        List<XYChart> charts = Plots.forwardOutputs(pre, pre.tanh(), "tanh", "forward").parts();
        assertEquals(List.of("before tanh", "after tanh"), charts.stream().map(XYChart::getTitle).toList());
        assertEquals(2, charts.get(0).getSeriesMap().size());
        assertTrue(names(charts.get(0)).get(1).startsWith("fitted: N("), names(charts.get(0)).toString());
        assertEquals(1, charts.get(1).getSeriesMap().size());
        assertTrue(charts.get(1).getStyler().getXAxisMin() < -1 && charts.get(1).getStyler().getXAxisMin() > -1.1);
        assertTrue(charts.get(1).getStyler().getXAxisMax() > 1 && charts.get(1).getStyler().getXAxisMax() <= 1.1);
        assertEquals("pre-activation value", charts.get(0).getXAxisTitle());
        assertEquals("tanh output", charts.get(1).getXAxisTitle());

        List<XYChart> derived = Plots.forwardOutputs(pre, pre.relu(), "relu", Theory.normal(0, 1), "derived").parts();
        assertEquals("derived: N(0, 1²)", names(derived.get(0)).get(1));
        XYSeries curve = series(derived.get(0), 1);   // the standard normal's density, not the sample's
        for (int i = 0; i < curve.getXData().length; i += 20) {
            double x = curve.getXData()[i];
            assertEquals(Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), curve.getYData()[i], 1e-9);
        }
    }

    @Test
    @DisplayName("depthLines: a std chart on a log axis and a fraction chart, one line per run; no mean panel")
    void depthLines() {
        DepthStats good = DepthExperiment.mlp(Scheme.xavierUniform(), "tanh", 3, 32, 16, 0);
        DepthStats bad = DepthExperiment.mlp(Scheme.normal(1.0), "relu", 3, 32, 16, 0);
        List<XYChart> charts = Plots.depthLines(List.of(good, bad), "depth").parts();
        assertEquals(2, charts.size());
        XYChart std = charts.get(0);
        assertEquals(List.of("xavier_uniform + tanh", "N(0, 1²) + relu"), names(std));
        assertTrue(std.getStyler().isYAxisLogarithmic());
        XYSeries s = series(std, 1);
        assertArrayEquals(new double[] {0, 1, 2, 3}, s.getXData());
        for (int l = 0; l <= 3; l++) assertEquals(bad.std(l), s.getYData()[l], 0.0);
        assertEquals(List.of("xavier_uniform + tanh saturated", "N(0, 1²) + relu dead"), names(charts.get(1)));
        assertArrayEquals(new double[] {1, 2, 3}, series(charts.get(1), 1).getXData());
        assertEquals(1.0, charts.get(1).getStyler().getYAxisMax());
    }

    @Test
    @DisplayName("depthLines: runs get different markers and dashes, and a line hidden under another says so")
    void depthLinesOverlap() {
        // scaling the weights does not change which ReLU units are dead: the same seed gives the same fractions
        DepthStats a = DepthExperiment.mlp(Scheme.normal(1.0), "relu", 3, 32, 16, 0);
        DepthStats b = DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 3, 32, 16, 0);
        List<XYChart> charts = Plots.depthLines(List.of(a, b), "overlap").parts();
        assertEquals("dead units (relu output = 0)", charts.get(1).getTitle());
        assertEquals(List.of("N(0, 1²) + relu dead", "kaiming_normal + relu dead (same values as N(0, 1²) + relu dead)"),
                names(charts.get(1)));
        assertNotEquals(series(charts.get(1), 0).getMarker(), series(charts.get(1), 1).getMarker());
        assertNotEquals(series(charts.get(1), 0).getLineStyle(), series(charts.get(1), 1).getLineStyle());
    }

    @Test
    @DisplayName("depthHistograms: one chart per layer; tanh layers share the axis [-1, 1]")
    void depthHistograms() {
        DepthStats run = DepthExperiment.mlp(Scheme.normal(0.05), "tanh", 4, 32, 16, 0);
        List<XYChart> charts = Plots.depthHistograms(run, "layers").parts();
        assertEquals(4, charts.size());
        for (XYChart c : charts) {
            assertEquals(-1.0, c.getStyler().getXAxisMin());
            assertEquals(1.0, c.getStyler().getXAxisMax());
        }
        assertTrue(charts.get(3).getTitle().startsWith("layer 4: std "));
    }

    @Test
    @DisplayName("heatmap: every cell's value with row 0 at the top, square cells, numbered axes, a symmetric scale")
    void heatmap() {
        Tensor m = Tensor.of(new float[] {1, -2, 3, 0.5f, 0, -0.25f}, 2, 3);
        Figure<ImagePanel> fig = Plots.heatmap(m, "a 2x3 matrix", "heat");
        assertEquals("a 2x3 matrix", fig.title());
        float[][] v = fig.get(0).values();
        assertArrayEquals(new float[] {1, -2, 3}, v[0]);
        assertArrayEquals(new float[] {0.5f, 0, -0.25f}, v[1]);
        ImageGrid grid = new ImageGrid("t", fig.parts(), 1, true, "value");
        assertEquals(3.0, grid.scale);
        assertEquals(List.of("-3", "-1.5", "0", "1.5", "3"), grid.colourBarLabels());
        assertEquals(3 * grid.cell, grid.imageArea(0).width);
        assertEquals(2 * grid.cell, grid.imageArea(0).height);
        assertThrows(ShapeError.class, () -> Plots.heatmap(Tensor.zeros(2, 2, 2), "bad"));
    }

    @Test
    @DisplayName("image grids: one shared symmetric scale, so a 1/9 blur is drawn fainter than Sobel's 2")
    void sharedScale() {
        Tensor k = Tensor.of(new float[] {-1, 0, 1, -2, 0, 2, -1, 0, 1,
            1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9, 1f / 9}, 2, 1, 3, 3);
        Figure<ImagePanel> fig = Plots.imageGrid(k, "kernels", List.of("Sobel x", "blur"), "shared");
        assertEquals(List.of("Sobel x", "blur"), fig.parts().stream().map(ImagePanel::title).toList());
        ImageGrid grid = new ImageGrid("kernels", fig.parts(), 2, false, "value");
        assertEquals(2.0, grid.scale);
        assertEquals(java.awt.Color.WHITE, grid.colour(0));
        assertEquals(Charts.DIVERGING[4], grid.colour(2));
        assertEquals(Charts.DIVERGING[0], grid.colour(-2));
        // 1/9 on a ±2 scale is a pale red: far from the full red of +2
        java.awt.Color blur = grid.colour(1.0 / 9);
        assertTrue(blur.getGreen() > 200 && blur.getBlue() > 200, blur.toString());
        assertEquals(grid.imageArea(0).width, grid.imageArea(0).height, "3x3 kernels are square");
    }

    @Test
    @DisplayName("imageGrid: a conv weight (8, 1, 3, 3) gives 8 filters; (2, 3, 3, 3) gives 6 named out, in")
    void imageGrid() {
        Figure<ImagePanel> eight = Plots.imageGrid(Tensor.zeros(8, 1, 3, 3), "kernels");
        assertEquals(8, eight.size());
        assertEquals("filter 7", eight.get(7).title());
        Figure<ImagePanel> six = Plots.imageGrid(Tensor.randn(2, 3, 3, 3), "kernels6");
        assertEquals(6, six.size());
        assertEquals("out 1, in 2", six.get(5).title());
        assertEquals(3, six.get(0).rows());
        assertEquals("channel 1", Plots.imageGrid(Tensor.zeros(1, 2, 4, 4), "maps").get(1).title());
    }

    @Test
    @DisplayName("hiddenState: time along x labelled every 5 steps for 40 steps, hidden units along y")
    void hiddenState() {
        Tensor out = Tensor.randn(7, 2, 5);   // (T, N, H)
        HeatMapChart chart = Plots.hiddenState(out, "state of a test RNN", "hidden").get(0);
        assertEquals("state of a test RNN", chart.getTitle());
        assertEquals("time step", chart.getXAxisTitle());
        assertEquals("hidden unit", chart.getYAxisTitle());
        assertEquals(7, chart.getHeatMapSeries().getXData().size());
        assertEquals(5, chart.getHeatMapSeries().getYData().size());
        double first = out.get(0, 0, 0);
        boolean found = false;
        for (Number[] c : chart.getHeatMapSeries().getHeatData()) {
            if (c[0].intValue() == 0 && c[1].intValue() == 4) found = c[2].doubleValue() == first;
        }
        assertTrue(found, "time 0, unit 0 is at the top-left cell");
        HeatMapChart long40 = Plots.hiddenState(Tensor.randn(40, 3), "hidden40").get(0);
        var label = long40.getStyler().getxAxisTickLabelsFormattingFunction();
        assertEquals(List.of("0", "", "", "", "", "5", "", "35"),
                List.of(label.apply(0.0), label.apply(1.0), label.apply(2.0), label.apply(3.0), label.apply(4.0),
                        label.apply(5.0), label.apply(6.0), label.apply(35.0)));
    }

    @Test
    @DisplayName("lines: one series per curve, with its label")
    void lines() {
        Map<String, double[]> ys = new LinkedHashMap<>();
        ys.put("train", new double[] {1, 0.5, 0.25});
        ys.put("test", new double[] {1.1, 0.7, 0.6});
        XYChart chart = Plots.lines("loss", "epoch", "loss", new double[] {1, 2, 3}, ys, "loss").get(0);
        assertEquals(List.of("train", "test"), names(chart));
        assertArrayEquals(new double[] {1.1, 0.7, 0.6}, series(chart, 1).getYData());
        assertEquals(1, Plots.line("one", new double[] {0, 1}, new double[] {0, 1}, "one").get(0).getSeriesMap().size());
    }

    @Test
    @DisplayName("logLines: a panel per entry with the same curves, a log y axis, and values a log axis cannot show left out and named")
    void logLines() {
        Map<String, double[]> left = new LinkedHashMap<>(), right = new LinkedHashMap<>();
        left.put("a", new double[] {1e-8, 1e-4, 1});
        left.put("b", new double[] {2, 2, 2});
        right.put("a", new double[] {0, 1e10, Double.POSITIVE_INFINITY});
        right.put("b", new double[] {2, 2, 2});
        Map<String, Map<String, double[]>> panels = new LinkedHashMap<>();
        panels.put("left panel", left);
        panels.put("right panel", right);
        Figure<XYChart> f = Plots.logLines("both", "layer", "norm (log scale)", new double[] {1, 2, 3}, panels, "log");
        assertEquals(2, f.size());
        assertEquals("both", f.title());
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve("log.png")));
        XYChart l = f.get(0), r = f.get(1);
        assertEquals("left panel", l.getTitle());
        assertEquals("norm (log scale)", r.getYAxisTitle());
        assertTrue(l.getStyler().isYAxisLogarithmic() && r.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("a", "b"), names(l));
        assertEquals(List.of("a (2 values not > 0, left out)", "b"), names(r));
        assertArrayEquals(new double[] {Double.NaN, 1e10, Double.NaN}, series(r, 0).getYData());
        assertArrayEquals(new double[] {1e-8, 1e-4, 1}, series(l, 0).getYData());
    }

    @Test
    @DisplayName("compareSchemes takes any samples, e.g. a conv weight")
    void compareConvSamples() {
        List<SchemeSample> samples = SchemeSample.drawAll(new int[] {8, 4, 3, 3}, 0,
                List.of(Scheme.pytorchDefault(), Scheme.kaimingNormal()));
        List<XYChart> charts = Plots.compareSchemes(samples, "conv").parts();
        assertEquals(2, charts.size());
        assertTrue(names(charts.get(1)).get(1).startsWith("theory: N(0, "), names(charts.get(1)).toString());
    }
}
