package layerwise.plot;

import layerwise.tensor.TorchFormat;
import layerwise.experiment.DepthStats;
import layerwise.experiment.LayerStats;
import layerwise.experiment.SchemeSample;
import layerwise.init.Theory;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pictures of initialization and of what layers do (XChart, and Java2D for images). Every function saves
 * a PNG named after its {@code name} argument under the {@link layerwise.io.OutputDirectory} ({@code out}
 * unless -Dlayerwise.out says otherwise), prints the path, opens a window only when there is a display
 * (closing it leaves JShell running), and returns a {@link Figure}: at the prompt it shows the file it
 * wrote; {@code get(i)} gives the chart.
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
    public static Figure<XYChart> histogram(Tensor tensor, String name) {
        return histogram(tensor, null, name);
    }

    /** A density histogram with the theory's density over it (a flat top between the bounds for uniform). */
    public static Figure<XYChart> histogram(Tensor tensor, Theory theory, String name) {
        String title = theory == null ? "histogram of " + name : theory.scheme();
        XYChart chart = Charts.histogram(tensor.toFloatArray(), BINS, theory, title, Charts.WIDTH, Charts.HEIGHT);
        return new Figure<>(title, Output.save(chart, name), List.of(chart));
    }

    /**
     * One weight shape, drawn by each scheme, side by side with each theory: the classic five are
     * default (U(±1/√fan_in)), xavier_uniform, kaiming_uniform, N(0, 1) and U(−1, 1).
     */
    public static Figure<XYChart> compareSchemes(int[] shape, String name) {
        return compareSchemes(SchemeSample.classic(shape), name);
    }

    /** A grid of histograms, one per sample, each with its theory and its std in the title. */
    public static Figure<XYChart> compareSchemes(List<SchemeSample> samples, String name) {
        List<XYChart> charts = new ArrayList<>();
        for (SchemeSample s : samples) {
            String title = s.scheme().name() + ": std " + Charts.num(s.stats().std());
            charts.add(smallHistogram(s.weight().toFloatArray(), s.theory(), "theory", title));
        }
        int cols = Math.min(3, charts.size());
        Path file = Output.saveGrid(charts, (charts.size() + cols - 1) / cols, cols, name);
        return new Figure<>("init schemes compared", file, charts);
    }

    /**
     * A layer's output before and after its activation, with the normal fitted to the pre-activation
     * (its sample mean and std) over it, labelled "fitted". When you have derived the variance, pass it
     * as a theory with the other overload.
     */
    public static Figure<XYChart> forwardOutputs(Tensor preActivation, Tensor postActivation, String activation,
                                                 String name) {
        float[] pre = preActivation.toFloatArray();
        return forwardOutputs(pre, postActivation, activation, Theory.normal(mean(pre), std(pre)), "fitted", name);
    }

    /**
     * A layer's output before and after its activation, with the distribution you derived for the
     * pre-activation over it, labelled "derived" (e.g. {@code Theory.normal(0, Math.sqrt(fanIn * varW))}).
     */
    public static Figure<XYChart> forwardOutputs(Tensor preActivation, Tensor postActivation, String activation,
                                                 Theory derived, String name) {
        return forwardOutputs(preActivation.toFloatArray(), postActivation, activation, derived, "derived", name);
    }

    private static Figure<XYChart> forwardOutputs(float[] pre, Tensor postActivation, String activation,
                                                  Theory curve, String curveLabel, String name) {
        XYChart before = smallHistogram(pre, curve, curveLabel, "before " + activation);
        float[] post = postActivation.toFloatArray();
        Bins bins = switch (activation) {   // bounded activations get their whole range, so squashing shows
            case "tanh" -> Bins.of(post, BINS, -1, 1);
            case "sigmoid" -> Bins.of(post, BINS, 0, 1);
            default -> Bins.of(post, BINS);
        };
        XYChart after = smallXy("after " + activation, activation + " output", "density");
        bars(after, Charts.samplesLabel(post), bins);
        after.getStyler().setXAxisMin(bins.lo() - 0.03 * (bins.hi() - bins.lo()));
        after.getStyler().setXAxisMax(bins.hi() + 0.03 * (bins.hi() - bins.lo()));
        after.getStyler().setYAxisMin(0.0);
        before.setXAxisTitle("pre-activation value");
        List<XYChart> charts = List.of(before, after);
        return new Figure<>("before and after " + activation, Output.saveGrid(charts, 1, 2, name), charts);
    }

    // ------------------------------------------------------------------ through depth

    /**
     * Activation statistics across depth, one line per run: the std (log scale, so collapse and explosion
     * are both visible) and the fraction of saturated (tanh, sigmoid) or dead (ReLU) units. Each run has
     * its own marker and dash, and a run whose line lies exactly on an earlier one says so in the legend.
     */
    public static Figure<XYChart> depthLines(List<DepthStats> runs, String name) {
        // taller than other grid charts: the legend below lists every run
        int w = Charts.SMALL_WIDTH + 80, h = Charts.SMALL_HEIGHT + 40 + 22 * runs.size();
        XYChart std = Charts.xy("std of activations by layer", "layer (0 = input)", "std (log scale)", w, h);
        boolean anyRelu = runs.stream().anyMatch(r -> r.activation().equals("relu"));
        boolean allRelu = runs.stream().allMatch(r -> r.activation().equals("relu"));
        String what = allRelu ? "dead units (relu output = 0)" : anyRelu ? "saturated (|tanh| > 0.99) or dead (relu = 0)"
                : "saturated units (|output| > 0.99)";
        XYChart fraction = Charts.xy(what, "layer", "fraction of units", w, h);
        boolean positive = true;
        List<double[]> stdLines = new ArrayList<>(), fractionLines = new ArrayList<>();
        List<String> stdLabels = new ArrayList<>(), fractionLabels = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            DepthStats run = runs.get(r);
            double[] layers = new double[run.layers().size()], s = new double[layers.length];
            for (LayerStats l : run.layers()) {
                layers[l.layer()] = l.layer();
                s[l.layer()] = l.std();
                positive &= !(l.std() <= 0);   // NaN (an overflowed layer) is left out of the line, not a reason for a linear axis
            }
            styled(std, sameAs(run.label(), s, stdLines, stdLabels), layers, s, r);
            double[][] f = fractions(run);
            if (f[0].length > 0) {
                String label = run.label() + (run.activation().equals("relu") ? " dead" : " saturated");
                styled(fraction, sameAs(label, f[1], fractionLines, fractionLabels), f[0], f[1], r);
            }
        }
        std.getStyler().setYAxisLogarithmic(positive);
        // XChart's log axis labels its powers of ten itself; a formatting function would make it linear
        if (positive) std.getStyler().setyAxisTickLabelsFormattingFunction(null);
        fraction.getStyler().setYAxisMin(0.0);
        fraction.getStyler().setYAxisMax(1.0);
        List<XYChart> charts = fraction.getSeriesMap().isEmpty() ? List.of(std) : List.of(std, fraction);
        Path file = Output.saveGrid(charts, 1, charts.size(), name);
        return new Figure<>("activations through depth", file, charts);
    }

    /** The label, with "(same values as X)" when an earlier line has exactly these values. */
    private static String sameAs(String label, double[] values, List<double[]> earlier, List<String> earlierLabels) {
        String result = label;
        for (int i = 0; i < earlier.size(); i++) {
            if (java.util.Arrays.equals(earlier.get(i), values)) {
                result = label + " (same values as " + earlierLabels.get(i) + ")";
                break;
            }
        }
        earlier.add(values);
        earlierLabels.add(label);
        return result;
    }

    /** Markers and dashes cycle per run, so a line drawn over another still shows its own shape. */
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    private static final BasicStroke[] DASHES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
        SeriesLines.DASH_DOT, SeriesLines.SOLID, SeriesLines.DASH_DASH};

    private static void styled(XYChart chart, String label, double[] x, double[] y, int run) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setMarker(MARKERS[run % MARKERS.length]);
        s.setLineStyle(DASHES[run % DASHES.length]);
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
     * activations get each layer's own range, with its std in the title. The picture's title names the run:
     * its init scheme and activation.
     */
    public static Figure<XYChart> depthHistograms(DepthStats run, String name) {
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
            bars(chart, "layer " + l.layer(), bins);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setXAxisMin(bins.lo());
            chart.getStyler().setXAxisMax(bins.hi());
            charts.add(chart);
        }
        int cols = Math.min(5, Math.max(1, charts.size()));
        String title = depthHistogramsTitle(run);
        Path file = Output.saveGrid(charts, (charts.size() + cols - 1) / cols, cols, title, name);
        return new Figure<>(title, file, charts);
    }

    /** The title over a run's per-layer histograms: the init scheme and activation first, then the network. */
    static String depthHistogramsTitle(DepthStats run) {
        return run.label() + ": each layer's " + run.activation() + " output (" + run.network() + " of "
                + run.depth() + " layers, width " + run.width() + ")";
    }

    // ------------------------------------------------------------------ images and heat maps

    /** A 2-D tensor as an image, row 0 at the top, square cells, with row and column numbers. */
    public static Figure<ImagePanel> heatmap(Tensor matrix, String name) {
        return heatmap(matrix, name, name);
    }

    /** A 2-D tensor as an image with a title, row 0 at the top, square cells, with row and column numbers. */
    public static Figure<ImagePanel> heatmap(Tensor matrix, String title, String name) {
        if (matrix.dim() != 2) {
            throw new ShapeError("heatmap expects a 2-D tensor, got shape " + TorchFormat.shapeString(matrix.shape()),
                    "A heat map draws one value per (row, column).",
                    "pass a 2-D tensor, e.g. t.select(0, 0) to pick the first image of a batch.");
        }
        List<ImagePanel> panels = List.of(new ImagePanel("", rows(matrix)));   // the picture's title says it
        ImageGrid grid = new ImageGrid(title, panels, 1, true, "value");
        return new Figure<>(title, Output.saveImage(grid::draw, name), panels);
    }

    /**
     * Images side by side on one shared symmetric colour scale, each panel named by its index ("filter 3",
     * "channel 3", "out 1, in 2"), four to a row:
     * (N, H, W) gives N images; (A, B, H, W) gives A images when B is 1 (a Conv2d(1, A, k) weight), B when
     * A is 1 (one image's feature maps) and A×B otherwise (out × in channels of a kernel).
     */
    public static Figure<ImagePanel> imageGrid(Tensor images, String name) {
        return imageGrid(images, name, List.of(), name);
    }

    /** As above, with a title for the picture and a name for each panel (fewer names: the rest by index). */
    public static Figure<ImagePanel> imageGrid(Tensor images, String title, List<String> panelNames, String name) {
        return imageGrid(images, title, panelNames, false, name);
    }

    /**
     * As above, but each panel on its own symmetric colour scale, with its own colour bar beside it: for
     * panels whose strengths differ so much that the weak ones would look blank on a shared scale (a 1/9
     * blur next to Sobel's ±2). Compare strengths by the bars' numbers, not by the colours.
     */
    public static Figure<ImagePanel> imageGridOwnScales(Tensor images, String title, List<String> panelNames, String name) {
        return imageGrid(images, title, panelNames, true, name);
    }

    private static Figure<ImagePanel> imageGrid(Tensor images, String title, List<String> panelNames, boolean ownScales,
                                                String name) {
        Tensor flat = imagesOf(images);
        int n = flat.size(0);
        boolean pairs = images.dim() == 4 && images.size(0) > 1 && images.size(1) > 1;
        int cols = pairs ? images.size(1) : Math.min(n, 4);
        String kind = images.dim() != 4 ? "image " : images.size(1) == 1 ? "filter " : "channel ";
        List<ImagePanel> panels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = i < panelNames.size() ? panelNames.get(i)
                    : pairs ? "out " + i / images.size(1) + ", in " + i % images.size(1) : kind + i;
            panels.add(new ImagePanel(label, rows(flat.select(0, i))));
        }
        ImageGrid grid = new ImageGrid(title, panels, cols, false, "value", ownScales);
        return new Figure<>(title, Output.saveImage(grid::draw, name), panels);
    }

    /**
     * A recurrent layer's hidden state over time: x = time step, y = hidden unit. Takes the output of
     * RNN/LSTM/GRU, (T, H) unbatched or (T, N, H) batched (the first sequence is drawn).
     */
    public static Figure<HeatMapChart> hiddenState(Tensor output, String name) {
        return hiddenState(output, "hidden state over time", name);
    }

    /** As above, with a title. */
    public static Figure<HeatMapChart> hiddenState(Tensor output, String title, String name) {
        Tensor seq = output.dim() == 3 ? output.select(1, 0) : output;
        if (seq.dim() != 2) {
            throw new ShapeError("hiddenState expects (T, H) or (T, N, H), got shape " + TorchFormat.shapeString(output.shape()),
                    "The output of RNN/LSTM/GRU is (T, H) unbatched or (T, N, H) batched.",
                    "pass rnn.forward(x).output() for an input x of shape (T, input_size) or (T, N, input_size).");
        }
        HeatMapChart chart = Charts.heatMap(rows(seq.t().contiguous()), title, "time step", "hidden unit",
                Charts.WIDTH, Charts.HEIGHT);
        return new Figure<>(title, Output.save(chart, name), List.of(chart));
    }

    // ------------------------------------------------------------------ a network's shapes

    /**
     * The shape at every layer of a summarised network ({@code Summary.of(model, inputShape)}): one point per
     * layer, named as the summary names it ("(3) Conv2d"), on a log axis: the features per example (C·H·W,
     * or F once flat), the channels C and the positions H·W (for (N, C, H, W) outputs; (N, C, L) counts L).
     * On the log axis C·H·W is the sum of the other two, so a conv moves C, a pool moves H·W, and Flatten
     * keeps C·H·W.
     */
    public static Figure<CategoryChart> layerShapes(layerwise.shape.Summary summary, String name) {
        if (summary.inputShape() == null || summary.inputShape().length == 0) {
            throw new IllegalArgumentException("layerShapes needs a summary with an input shape, e.g. "
                    + "Plots.layerShapes(Summary.of(model, 1, 3, 32, 32), name); this one has parameters only");
        }
        List<String> layers = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        layers.add("input");
        shapes.add(summary.inputShape());
        for (layerwise.shape.Summary.Row r : summary.rows()) {
            if (r.container() || r.output() == null) continue;
            String kind = r.layer().contains("(") ? r.layer().substring(0, r.layer().indexOf('(')) : r.layer();
            layers.add(r.path().isEmpty() ? kind : "(" + r.path() + ") " + kind);
            shapes.add(r.output());
        }
        List<Double> features = new ArrayList<>(), channels = new ArrayList<>(), positions = new ArrayList<>();
        for (int[] shape : shapes) {
            double f = 1;
            for (int d = 1; d < shape.length; d++) f *= shape[d];
            features.add(shape.length > 1 ? f : shape.length == 1 ? shape[0] : 1.0);
            boolean spatial = shape.length >= 3;
            channels.add(spatial ? (double) shape[1] : null);
            positions.add(spatial ? f / shape[1] : null);
        }
        String title = "shape at every layer of " + summary.model() + ", input " + TorchFormat.shapeString(summary.inputShape());
        CategoryChart chart = new CategoryChart(Charts.WIDTH + 260, Charts.HEIGHT + 120);
        chart.setTitle(title);
        chart.setXAxisTitle("layer (its output)");
        chart.setYAxisTitle("count per example (log scale)");
        var st = chart.getStyler();
        st.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        st.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        st.setPlotGridVerticalLinesVisible(false);
        st.setYAxisLogarithmic(true);
        st.setXAxisLabelRotation(30);
        st.setOverlapped(true);
        addLayerSeries(chart, "features C·H·W (F once flat)", layers, features, 0);
        if (channels.stream().anyMatch(v -> v != null)) {
            addLayerSeries(chart, "channels C", layers, channels, 1);
            addLayerSeries(chart, "positions H·W", layers, positions, 2);
        }
        return new Figure<>(title, Output.save(chart, name), List.of(chart));
    }

    private static void addLayerSeries(CategoryChart chart, String label, List<String> layers, List<Double> ys, int run) {
        CategorySeries s = chart.addSeries(label, layers, ys);
        s.setMarker(MARKERS[run % MARKERS.length]);
        s.setLineStyle(DASHES[run % DASHES.length]);
    }

    // ------------------------------------------------------------------ curves

    /** One curve y(x). */
    public static Figure<XYChart> line(String title, double[] x, double[] y, String name) {
        Map<String, double[]> ys = new LinkedHashMap<>();
        ys.put(title, y);
        return lines(title, "x", "y", x, ys, name);
    }

    /** Several curves over the same x, one per entry (legend = key), e.g. training losses. */
    public static Figure<XYChart> lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> ys,
                                        String name) {
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        int[] run = {0};
        ys.forEach((label, y) -> styled(chart, label, x, y, run[0]++));
        if (ys.size() == 1) chart.getStyler().setLegendVisible(false);
        return new Figure<>(title, Output.save(chart, name), List.of(chart));
    }

    /**
     * Curves over the same x on a logarithmic y axis, in panels side by side under one title: for values that
     * span orders of magnitude, such as gradient norms through depth. {@code panels} maps each panel's title to
     * its curves (legend label → y values); every panel has the same curves in the same order, with the same
     * marker and dash. A value that is zero, negative or not finite cannot sit on a log axis: the line leaves
     * it out (and says so in its legend).
     */
    public static Figure<XYChart> logLines(String title, String xTitle, String yTitle, double[] x,
                                           Map<String, Map<String, double[]>> panels, String name) {
        int curves = panels.values().stream().mapToInt(Map::size).max().orElse(0);
        int w = Charts.WIDTH, h = Charts.HEIGHT + 22 * curves;
        List<XYChart> charts = new ArrayList<>();
        panels.forEach((panelTitle, ys) -> {
            XYChart chart = Charts.xy(panelTitle, xTitle, yTitle, w, h);
            List<double[]> drawn = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int[] run = {0};
            ys.forEach((label, y) -> {
                double[] shown = new double[y.length];
                int left = 0;
                for (int i = 0; i < y.length; i++) {
                    boolean fits = y[i] > 0 && Double.isFinite(y[i]);
                    shown[i] = fits ? y[i] : Double.NaN;
                    if (!fits) left++;
                }
                String legend = left == 0 ? label : label + " (" + left + " values not > 0, left out)";
                styled(chart, sameAs(legend, shown, drawn, labels), x, shown, run[0]++);
            });
            chart.getStyler().setYAxisLogarithmic(true);
            // XChart's log axis labels its powers of ten itself; a formatting function would make it linear
            chart.getStyler().setyAxisTickLabelsFormattingFunction(null);
            charts.add(chart);
        });
        Path file = Output.saveGrid(charts, 1, Math.max(1, charts.size()), title, name);
        return new Figure<>(title, file, charts);
    }

    /**
     * Panels side by side under one title, sharing the x axis: for a training run, the loss in one panel and
     * the accuracy in the next; for a comparison, one panel per network. Lines have no markers (a curve may
     * have a point per step) and differ by colour and dash. Saves the PNG, and shows a window when there is a
     * display.
     */
    public static Figure<XYChart> panels(String title, String xTitle, List<Panel> panels, String name) {
        LivePanels live = new LivePanels(title, xTitle, panels);
        Figure<XYChart> figure = live.save(name);
        if (figure.file() != null) live.show();
        return figure;
    }

    /**
     * The same panels, kept to be redrawn as they grow: {@link LivePanels#show()} opens a window when there is
     * a display, {@link LivePanels#update} redraws it, {@link LivePanels#save} writes the PNG at any time.
     */
    public static LivePanels livePanels(String title, String xTitle, List<Panel> panels) {
        return new LivePanels(title, xTitle, panels);
    }

    // ------------------------------------------------------------------ helpers

    /** Density bars of the bins as a filled outline. */
    private static void bars(XYChart chart, String label, Bins bins) {
        XYSeries s = chart.addSeries(label, Charts.barOutlineX(bins), Charts.barOutlineY(bins));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(Charts.BARS);
        s.setLineColor(Charts.BARS.darker());
    }

    private static XYChart smallHistogram(float[] values, Theory theory, String theoryLabel, String title) {
        return Charts.histogram(values, BINS, theory, theoryLabel, title, Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT);
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
