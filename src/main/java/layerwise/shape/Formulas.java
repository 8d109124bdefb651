package layerwise.shape;

import java.util.ArrayList;
import java.util.List;

import layerwise.nn.AvgPool2d;
import layerwise.nn.Conv2d;
import layerwise.nn.Flatten;
import layerwise.nn.Linear;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.RNNBase;
import layerwise.tensor.Functional;
import layerwise.tensor.Pair;
import layerwise.tensor.TorchFormat;

/**
 * The formula that gives each layer's output shape, with the numbers filled in, e.g.
 * {@code H_out = ⌊(32 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 32}. Each formula is computed from the layer's
 * settings, independently of the forward pass that {@link Trace} runs beside it.
 */
final class Formulas {
    private Formulas() {
    }

    /** The lines explaining how {@code m} turned {@code in} into its output (empty when nothing to say). */
    static List<String> explain(Module m, int[] in) {
        List<String> lines = new ArrayList<>();
        if (m instanceof Conv2d c) conv(c, in, lines);
        else if (m instanceof MaxPool2d p) pool(p.kernelSize(), p.stride(), p.padding(), p.dilation(), p.ceilMode(), in, lines);
        else if (m instanceof AvgPool2d p) pool(p.kernelSize(), p.stride(), p.padding(), new int[] {1}, p.ceilMode(), in, lines);
        else if (m instanceof Linear l) lines.add("last dim: in_features=" + l.inFeatures() + " → out_features=" + l.outFeatures()
                + (in.length > 1 ? "; leading dims " + Names.shape(java.util.Arrays.copyOf(in, in.length - 1)) + " kept" : ""));
        else if (m instanceof Flatten f) flatten(f, in, lines);
        else if (m instanceof RNNBase r) recurrent(r, in, lines);
        else if (m.namedParameters().isEmpty()) lines.add("elementwise: shape unchanged");
        return lines;
    }

    private static void conv(Conv2d c, int[] in, List<String> lines) {
        if (in.length != 3 && in.length != 4) return;
        int h = in[in.length - 2];
        int w = in[in.length - 1];
        int[] k = c.kernelSize();
        int[] s = c.stride();
        int[] d = c.dilation();
        int[][] pads = convPadding(c);          // {before, after} for H, then W
        lines.add("C_out = out_channels = " + c.outChannels() + " (weight " + Names.shape(c.weight.shape())
                + " = (out_channels, in_channels/groups, kH, kW))");
        lines.add("H_out = " + sized(h, pads[0][0], pads[0][1], d[0], k[0], s[0], false));
        lines.add("W_out = " + sized(w, pads[1][0], pads[1][1], d[1], k[1], s[1], false));
    }

    /** Conv2d's padding per side: numeric (symmetric), "valid" (none) or "same" (the extra one after). */
    static int[][] convPadding(Conv2d c) {
        if ("same".equals(c.paddingString())) {
            int[] k = c.kernelSize();
            int[] d = c.dilation();
            return new int[][] {Functional.samePadding(k[0], d[0]), Functional.samePadding(k[1], d[1])};
        }
        if ("valid".equals(c.paddingString())) return new int[][] {{0, 0}, {0, 0}};
        int[] p = c.padding();
        return new int[][] {{p[0], p[0]}, {p[1], p[1]}};
    }

    private static void pool(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil, int[] in,
                             List<String> lines) {
        if (in.length != 3 && in.length != 4) return;
        int[] k = Pair.of(kernel, "kernel_size");
        int[] s = Pair.of(stride, "stride");
        int[] p = Pair.of(padding, "padding");
        int[] d = Pair.of(dilation, "dilation");
        lines.add("C_out = C = " + in[in.length - 3] + " (each channel pooled on its own)");
        lines.add("H_out = " + sized(in[in.length - 2], p[0], p[0], d[0], k[0], s[0], ceil));
        lines.add("W_out = " + sized(in[in.length - 1], p[1], p[1], d[1], k[1], s[1], ceil));
    }

    /**
     * "⌊(32 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 32": the convolution and pooling output size. In ceil mode the
     * division rounds up, and a last window that would start in the right padding is dropped (PyTorch's
     * pooling_output_shape).
     */
    static String sized(int size, int before, int after, int d, int k, int s, boolean ceil) {
        String padTerm = before == after ? "2·" + before : before + " + " + after;
        int numerator = size + before + after - d * (k - 1) - 1;
        String open = ceil ? "⌈" : "⌊";
        String close = ceil ? "⌉" : "⌋";
        int out = (ceil ? Math.floorDiv(numerator + s - 1, s) : Math.floorDiv(numerator, s)) + 1;
        String text = open + "(" + size + " + " + padTerm + " − " + d + "·(" + k + "−1) − 1)/" + s + close + " + 1 = " + out;
        if (ceil && (out - 1) * s >= size + before) {
            out--;
            text += ", minus the window that would start in the padding = " + out;
        }
        return text;
    }

    private static void flatten(Flatten f, int[] in, List<String> lines) {
        int n = in.length;
        if (n == 0) return;
        int start = f.startDim() < 0 ? f.startDim() + n : f.startDim();
        int end = f.endDim() < 0 ? f.endDim() + n : f.endDim();
        if (start < 0 || end >= n || start > end) return;
        long product = 1;
        for (int i = start; i <= end; i++) product *= in[i];
        lines.add("dims " + start + ".." + end + " become one: " + TorchFormat.product(in, start, end + 1) + " = " + product);
    }

    private static void recurrent(RNNBase r, int[] in, List<String> lines) {
        int dirs = r.numDirections();
        String out = "D·H_out = " + dirs + "·" + r.outputSize() + " = " + dirs * r.outputSize();
        if (in.length == 3) {
            String layout = r.batchFirst() ? "(N, T, D·H_out)" : "(T, N, D·H_out)";
            int n = in[r.batchFirst() ? 0 : 1];
            lines.add("output " + layout + ", " + out + (r.batchFirst() ? " (batch_first)" : ""));
            lines.add("h_n (D·num_layers, N, H_out) = (" + dirs + "·" + r.numLayers() + ", " + n + ", " + r.outputSize()
                    + ")" + (r.batchFirst() ? ", not batch-first" : ""));
        } else if (in.length == 2) {
            lines.add("output (T, D·H_out) for one unbatched sequence, " + out);
            lines.add("h_n (D·num_layers, H_out) = (" + dirs + "·" + r.numLayers() + ", " + r.outputSize() + ")");
        }
        if (r.projSize() > 0) lines.add("H_out = proj_size = " + r.projSize() + " (c_n keeps hidden_size = " + r.hiddenSize() + ")");
    }
}
