package layerwise.plot;

import layerwise.init.Theory;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the charts: histograms with a theory overlay, line charts and heat maps. No saving here. */
final class Charts {
    static final int WIDTH = 640, HEIGHT = 420;
    /** The size of one chart in a grid, so a 2×3 picture stays about 1260 px wide. */
    static final int SMALL_WIDTH = 420, SMALL_HEIGHT = 300;
    static final Color BARS = new Color(70, 130, 180, 170);
    static final Color THEORY = new Color(200, 40, 40);
    /** Blue (negative), white (zero), red (positive): weights and activations are signed. */
    static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(146, 197, 222), Color.WHITE,
        new Color(244, 165, 130), new Color(178, 24, 43)};

    private Charts() {
    }

    /** An empty XY chart with the styling every chart here shares. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Ticks::label);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Ticks::label);
        return chart;
    }

    /**
     * A density histogram of the values, drawn as the outline of its bars (so it shares the numeric x axis
     * with the theory), with the theory's density over it when there is one. The x axis spans the bins
     * and, for a theory, its interesting range (uniform bounds with a margin, mean ± 4.5 std for a normal).
     */
    static XYChart histogram(float[] values, int bins, Theory theory, String title, int width, int height) {
        return histogram(values, bins, theory, "theory", title, width, height);
    }

    /** As above, the curve's legend entry starting with {@code theoryLabel} ("theory", "derived", "fitted"). */
    static XYChart histogram(float[] values, int bins, Theory theory, String theoryLabel, String title, int width,
                             int height) {
        Bins b = Bins.of(values, bins);
        XYChart chart = xy(title, "value", "density", width, height);
        XYSeries bars = chart.addSeries(samplesLabel(values), barOutlineX(b), barOutlineY(b));
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(BARS);
        bars.setLineColor(BARS.darker());
        double lo = b.lo(), hi = b.hi();
        if (theory != null && theory.kind() != Theory.Kind.CONSTANT) {
            double[] range = theoryRange(theory);
            lo = Math.min(lo, range[0]);
            hi = Math.max(hi, range[1]);
            double[][] curve = theoryCurve(theory, range[0], range[1]);
            XYSeries overlay = chart.addSeries(theoryLabel + ": " + distribution(theory), curve[0], curve[1]);
            overlay.setMarker(SeriesMarkers.NONE);
            overlay.setLineColor(THEORY);
        }
        double margin = 0.03 * (hi - lo);
        chart.getStyler().setXAxisMin(lo - margin);
        chart.getStyler().setXAxisMax(hi + margin);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Corners of the bars' outline: (e0 - w/2, 0), (e0, 0), (e0, h0), (e1, h0), (e1, h1), ..., (en, 0),
     * (en + w/2, 0). The outline runs along the baseline half a bin past the bars: with only the equally
     * spaced edges as x values, XChart would put the axis ticks on the edges and print them in full.
     */
    static double[] barOutlineX(Bins b) {
        int n = b.size();
        double[] x = new double[2 * n + 4];
        x[0] = b.edge(0) - b.width() / 2;
        x[1] = b.edge(0);
        for (int i = 0; i < n; i++) {
            x[2 * i + 2] = b.edge(i);
            x[2 * i + 3] = b.edge(i + 1);
        }
        x[2 * n + 2] = b.edge(n);
        x[2 * n + 3] = b.edge(n) + b.width() / 2;
        return x;
    }

    static double[] barOutlineY(Bins b) {
        double[] y = new double[2 * b.size() + 4];
        for (int i = 0; i < b.size(); i++) {
            y[2 * i + 2] = b.density(i);
            y[2 * i + 3] = b.density(i);
        }
        return y;
    }

    /** The x range worth drawing the theory over. */
    static double[] theoryRange(Theory th) {
        switch (th.kind()) {
            case UNIFORM: {
                double w = th.high() - th.low();
                return new double[] {th.low() - 0.1 * w, th.high() + 0.1 * w};
            }
            case TRUNCATED_NORMAL:
                return new double[] {Math.max(th.low(), th.mean() - 4.5 * th.std()) - 0.05 * th.std(),
                    Math.min(th.high(), th.mean() + 4.5 * th.std()) + 0.05 * th.std()};
            default:
                return new double[] {th.mean() - 4.5 * th.std(), th.mean() + 4.5 * th.std()};
        }
    }

    /**
     * The density over [lo, hi]: a uniform is a flat top with vertical sides at its bounds; a (truncated)
     * normal is sampled at 201 points, with the truncation edges added exactly.
     */
    static double[][] theoryCurve(Theory th, double lo, double hi) {
        List<double[]> pts = new ArrayList<>();
        if (th.kind() == Theory.Kind.UNIFORM) {
            double h = th.density(th.mean());
            pts.add(new double[] {lo, 0});
            pts.add(new double[] {th.low(), 0});
            pts.add(new double[] {th.low(), h});
            pts.add(new double[] {th.high(), h});
            pts.add(new double[] {th.high(), 0});
            pts.add(new double[] {hi, 0});
        } else {
            boolean cutLow = th.kind() == Theory.Kind.TRUNCATED_NORMAL && th.low() >= lo;
            boolean cutHigh = th.kind() == Theory.Kind.TRUNCATED_NORMAL && th.high() <= hi;
            for (int i = 0; i <= 200; i++) {
                double x = lo + (hi - lo) * i / 200;
                if (cutLow && x >= th.low() && (pts.isEmpty() || pts.get(pts.size() - 1)[0] < th.low())) {
                    pts.add(new double[] {th.low(), 0});
                    pts.add(new double[] {th.low(), th.density(th.low())});
                }
                if (cutHigh && x > th.high()) {
                    pts.add(new double[] {th.high(), th.density(th.high())});
                    pts.add(new double[] {th.high(), 0});
                    cutHigh = false;
                }
                pts.add(new double[] {x, th.density(x)});
            }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    /** "U(-0.125, 0.125)", "N(0, 0.0722²)": the legend's short form of a theory. */
    static String distribution(Theory th) {
        switch (th.kind()) {
            case UNIFORM: return "U(" + num(th.low()) + ", " + num(th.high()) + ")";
            case NORMAL: return "N(" + num(th.mean()) + ", " + num(th.std()) + "²)";
            case TRUNCATED_NORMAL:
                return "N(" + num(th.mean()) + ", " + num(th.std()) + "²) on [" + num(th.low()) + ", " + num(th.high()) + "]";
            default: return "constant " + num(th.mean());
        }
    }

    static String samplesLabel(float[] values) {
        double sum = 0, sq = 0;
        for (float v : values) sum += v;
        double mean = sum / values.length;
        for (float v : values) sq += (v - mean) * (v - mean);
        return "samples (n=" + values.length + ", std " + num(Math.sqrt(sq / Math.max(1, values.length - 1))) + ")";
    }

    static String num(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "")
                : String.format(Locale.ROOT, "%.2e", v);
    }

    /** Rounds up to two significant digits (0.9149 to 0.92), so the colour legend prints a short number. */
    static double roundUp(double v) {
        if (!(v > 0) || Double.isInfinite(v)) return 1.0;
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.ceil(v / scale - 1e-9) * scale;
    }

    /**
     * A heat map of a (rows, cols) array with row 0 at the top, like an image, coloured blue-white-red
     * around 0 with a symmetric range.
     */
    static HeatMapChart heatMap(float[][] values, String title, String xTitle, String yTitle, int width, int height) {
        int rows = values.length, cols = values[0].length;
        // the (width, height) constructor leaves the axis styles unset; the theme constructor sets them
        HeatMapChart chart = new HeatMapChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int c = 0; c < cols; c++) xs.add(c);
        for (int r = 0; r < rows; r++) ys.add(rows - 1 - r);
        List<Number[]> cells = new ArrayList<>();
        double maxAbs = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells.add(new Number[] {c, rows - 1 - r, values[r][c]});
                maxAbs = Math.max(maxAbs, Math.abs(values[r][c]));
            }
        }
        maxAbs = roundUp(maxAbs);
        chart.addSeries(title, xs, ys, cells);
        chart.getStyler().setRangeColors(DIVERGING);
        chart.getStyler().setMin(-maxAbs);
        chart.getStyler().setMax(maxAbs);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Ticks.everyNth(Ticks.integerStep(cols)));
        return chart;
    }
}
