package layerwise.plot;

import layerwise.tensor.TorchFormat;
import layerwise.experiment.DepthStats;
import layerwise.experiment.LayerStats;
import layerwise.experiment.SchemeSample;
import layerwise.init.Theory;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pictures of initialization and of what layers do (XChart). Every function returns its chart(s), saves
 * a PNG named after its {@code name} argument under the {@link layerwise.io.OutputDirectory} ({@code out} unless -Dlayerwise.out says otherwise),
 * prints the path, and opens a window only when there is a display (closing it leaves JShell running).
 *
 * <pre>
 * var w = Init.xavierUniform(Tensor.empty(256, 128));
 * Plots.histogram(w, Init.theory("xavier_uniform", w), "xavier")
 * Plots.compareSchemes(new int[] {256, 128}, "schemes")
 * Plots.depthLines(List.of(DepthExperiment.mlp(Scheme.xavierUniform(), "tanh", 10)), "depth")
 * </pre>
 */
public final class Plots {
    /** Bins in a histogram unless a caller asks for another number. */
    public static final int BINS = 50;

    private Plots() {
    }

    // ------------------------------------------------------------------ saving your own chart

    /** Saves any XChart chart under its title (as a file name) and shows it when there is a display. */
    public static <T extends Chart<?, ?>> Path show(T chart) {
        return Output.save(chart, chart.getTitle());
    }

    /** Saves any XChart chart as name.png (and shows it when there is a display); returns the path or null. */
    public static <T extends Chart<?, ?>> Path show(T chart, String name) {
        return Output.save(chart, name);
    }

    // ------------------------------------------------------------------ distributions

    /** A density histogram of the tensor's values (50 bins over their range). */
    public static XYChart histogram(Tensor tensor, String name) {
        return histogram(tensor, null, name);
    }

    /** A density histogram with the theory's density over it (a flat top between the bounds for uniform). */
    public static XYChart histogram(Tensor tensor, Theory theory, String name) {
        String title = theory == null ? name : theory.scheme();
        XYChart chart = Charts.histogram(tensor.toFloatArray(), BINS, theory, title, Charts.WIDTH, Charts.HEIGHT);
        Output.save(chart, name);
        return chart;
    }

    /**
     * One weight shape, drawn by each scheme, side by side with each theory: the classic five are
     * default (U(±1/√fan_in)), xavier_uniform, kaiming_uniform, N(0, 1) and U(−1, 1).
     */
    public static List<XYChart> compareSchemes(int[] shape, String name) {
        return compareSchemes(SchemeSample.classic(shape), name);
    }

    /** A grid of histograms, one per sample, each with its theory and its std in the title. */
    public static List<XYChart> compareSchemes(List<SchemeSample> samples, String name) {
        List<XYChart> charts = new ArrayList<>();
        for (SchemeSample s : samples) {
            String title = s.scheme().name() + ": std " + Charts.num(s.summary().std());
            charts.add(smallHistogram(s.weight().toFloatArray(), s.theory(), title));
        }
        int cols = Math.min(3, charts.size());
        Output.saveGrid(charts, (charts.size() + cols - 1) / cols, cols, name);
        return charts;
    }

    /**
     * A layer's output before and after its activation: the pre-activation with the normal of the same
     * mean and std over it (a sum of many small terms is close to normal), then the activation's output.
     */
    public static List<XYChart> forwardOutputs(Tensor preActivation, Tensor postActivation, String activation,
                                               String name) {
        float[] pre = preActivation.toFloatArray();
        Theory fitted = Theory.normal(mean(pre), std(pre));
        XYChart before = smallHistogram(pre, fitted, "before " + activation);
        XYChart after = smallHistogram(postActivation.toFloatArray(), null, "after " + activation);
        List<XYChart> charts = List.of(before, after);
        Output.saveGrid(charts, 1, 2, name);
        return charts;
    }

    // ------------------------------------------------------------------ through depth

    /**
     * Activation statistics across depth, one line per run: std (log scale, so collapse and explosion
     * are both visible), mean, and the fraction of saturated (tanh, sigmoid) or dead (ReLU) units.
     */
    public static List<XYChart> depthLines(List<DepthStats> runs, String name) {
        // taller than other grid charts: the legend below lists every run
        int w = Charts.SMALL_WIDTH, h = Charts.SMALL_HEIGHT + 40 + 22 * runs.size();
        XYChart std = Charts.xy("std of activations", "layer", "std (log scale)", w, h);
        XYChart mean = Charts.xy("mean of activations", "layer", "mean", w, h);
        XYChart fraction = Charts.xy("saturated (|tanh| > 0.99) or dead (relu = 0)", "layer", "fraction of units", w, h);
        boolean positive = true;
        for (DepthStats run : runs) {
            double[] layers = new double[run.layers().size()], s = new double[layers.length], m = new double[layers.length];
            for (LayerStats l : run.layers()) {
                layers[l.layer()] = l.layer();
                s[l.layer()] = l.std();
                m[l.layer()] = l.mean();
                positive &= !(l.std() <= 0);   // NaN (an overflowed layer) is left out of the line, not a reason for a linear axis
            }
            line(std, run.label(), layers, s);
            line(mean, run.label(), layers, m);
            double[][] f = fractions(run);
            if (f[0].length > 0) line(fraction, run.label() + (run.activation().equals("relu") ? " dead" : " saturated"), f[0], f[1]);
        }
        std.getStyler().setYAxisLogarithmic(positive);
        fraction.getStyler().setYAxisMin(0.0);
        fraction.getStyler().setYAxisMax(1.0);
        List<XYChart> charts = List.of(std, mean, fraction);
        Output.saveGrid(charts, 1, 3, name);
        return charts;
    }

    /** Layers 1..depth where the fraction applies (NaN elsewhere is left out). */
    private static double[][] fractions(DepthStats run) {
        List<double[]> pts = new ArrayList<>();
        for (LayerStats l : run.layers()) {
            double f = run.activation().equals("relu") ? l.fractionDead() : l.fractionSaturated();
            if (!Double.isNaN(f)) pts.add(new double[] {l.layer(), f});
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    /**
     * One histogram per layer (1..depth) of one run. tanh outputs share the axis [−1, 1] and sigmoid's
     * [0, 1], so collapse (a spike at 0) and saturation (mass at ±1) are comparable layer to layer; other
     * activations get each layer's own range, with its std in the title.
     */
    public static List<XYChart> depthHistograms(DepthStats run, String name) {
        List<XYChart> charts = new ArrayList<>();
        for (LayerStats l : run.layers()) {
            if (l.layer() == 0) continue;
            float[] values = l.output().toFloatArray();
            Bins bins = switch (run.activation()) {
                case "tanh" -> Bins.of(values, BINS, -1, 1);
                case "sigmoid" -> Bins.of(values, BINS, 0, 1);
                default -> Bins.of(values, BINS);
            };
            String title = "layer " + l.layer() + ": std " + Charts.num(l.std());
            XYChart chart = smallXy(title, run.activation() + " output", "density");
            XYSeries s = chart.addSeries("layer " + l.layer(), Charts.barOutlineX(bins), Charts.barOutlineY(bins));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(Charts.BARS);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setXAxisMin(bins.lo());
            chart.getStyler().setXAxisMax(bins.hi());
            charts.add(chart);
        }
        int cols = Math.min(5, Math.max(1, charts.size()));
        Output.saveGrid(charts, (charts.size() + cols - 1) / cols, cols, name);
        return charts;
    }

    // ------------------------------------------------------------------ heat maps

    /** A 2-D tensor as a heat map, row 0 at the top. */
    public static HeatMapChart heatmap(Tensor matrix, String name) {
        if (matrix.dim() != 2) {
            throw new ShapeError("heatmap expects a 2-D tensor, got shape " + TorchFormat.shapeString(matrix.shape()),
                    "A heat map draws one value per (row, column).",
                    "pass a 2-D tensor, e.g. t.select(0, 0) to pick the first image of a batch.");
        }
        HeatMapChart chart = Charts.heatMap(rows(matrix), name, "column", "row", Charts.WIDTH, Charts.HEIGHT);
        Output.save(chart, name);
        return chart;
    }

    /**
     * Images side by side: (N, H, W) gives N images; (A, B, H, W) gives A images when B is 1 (a Conv2d(1, A, k)
     * weight), B when A is 1 (one image's feature maps) and A×B otherwise (out × in channels of a kernel).
     */
    public static List<HeatMapChart> imageGrid(Tensor images, String name) {
        Tensor flat = imagesOf(images);
        int n = flat.size(0);
        int cols = images.dim() == 4 && images.size(0) > 1 && images.size(1) > 1 ? images.size(1) : Math.min(n, 8);
        int rowsOfGrid = (n + cols - 1) / cols;
        List<HeatMapChart> charts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HeatMapChart c = Charts.heatMap(rows(flat.select(0, i)), "[" + i + "]", "", "", 260, 240);
            c.getStyler().setLegendVisible(false);
            c.getStyler().setXAxisTicksVisible(false);
            c.getStyler().setYAxisTicksVisible(false);
            charts.add(c);
        }
        Output.saveGrid(charts, rowsOfGrid, cols, name);
        return charts;
    }

    /**
     * A recurrent layer's hidden state over time: x = time step, y = hidden unit. Takes the output of
     * RNN/LSTM/GRU, (T, H) unbatched or (T, N, H) batched (the first sequence is drawn).
     */
    public static HeatMapChart hiddenState(Tensor output, String name) {
        Tensor seq = output.dim() == 3 ? output.select(1, 0) : output;
        if (seq.dim() != 2) {
            throw new ShapeError("hiddenState expects (T, H) or (T, N, H), got shape " + TorchFormat.shapeString(output.shape()),
                    "The output of RNN/LSTM/GRU is (T, H) unbatched or (T, N, H) batched.",
                    "pass rnn.forward(x).output() for an input x of shape (T, input_size) or (T, N, input_size).");
        }
        HeatMapChart chart = Charts.heatMap(rows(seq.t().contiguous()), name, "time step", "hidden unit",
                Charts.WIDTH, Charts.HEIGHT);
        Output.save(chart, name);
        return chart;
    }

    // ------------------------------------------------------------------ curves

    /** One curve y(x). */
    public static XYChart line(String title, double[] x, double[] y, String name) {
        Map<String, double[]> ys = new LinkedHashMap<>();
        ys.put(title, y);
        return lines(title, "x", "y", x, ys, name);
    }

    /** Several curves over the same x, one per entry (legend = key), e.g. training losses. */
    public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> ys,
                                String name) {
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        ys.forEach((label, y) -> line(chart, label, x, y));
        Output.save(chart, name);
        return chart;
    }

    // ------------------------------------------------------------------ helpers

    private static void line(XYChart chart, String label, double[] x, double[] y) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static XYChart smallHistogram(float[] values, Theory theory, String title) {
        return Charts.histogram(values, BINS, theory, title, Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT);
    }

    private static XYChart smallXy(String title, String xTitle, String yTitle) {
        return Charts.xy(title, xTitle, yTitle, Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT);
    }

    private static Tensor imagesOf(Tensor t) {
        switch (t.dim()) {
            case 2: return t.unsqueeze(0);
            case 3: return t;
            case 4: return t.reshape(t.size(0) * t.size(1), t.size(2), t.size(3));
            default:
                throw new ShapeError("imageGrid expects 2-D, 3-D or 4-D input, got shape " + TorchFormat.shapeString(t.shape()),
                        "Images are (H, W), (N, H, W), or (A, B, H, W) like a conv weight or a batch of feature maps.",
                        "pass conv.weight, or conv.forward(x) for x of shape (1, C, H, W).");
        }
    }

    private static float[][] rows(Tensor m) {
        int r = m.size(0), c = m.size(1);
        float[] flat = m.toFloatArray();
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(flat, i * c, out[i], 0, c);
        return out;
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return s / x.length;
    }

    private static double std(float[] x) {
        double m = mean(x), s = 0;
        for (float v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / Math.max(1, x.length - 1));
    }
}
