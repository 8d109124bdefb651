package layerwise.shape;

import java.util.ArrayList;
import java.util.List;

import layerwise.nn.Conv2d;
import layerwise.nn.Conv2dOptions;
import layerwise.tensor.Tensor;

/** {@link Solve#conv2d}: the Conv2d settings that map (N, C, H, W) to (N, C', H', W'). */
final class ConvSolver {
    static final int MAX_PROPOSALS = 5;

    private ConvSolver() {
    }

    static Solutions solve(int[] in, int[] out, ConvSettings fixed) {
        String question = "Conv2d from " + Names.shape(in) + " to " + Names.shape(out)
                + (fixed.describe().isEmpty() ? "" : " with " + fixed.describe());
        if ((in.length != 4 && in.length != 3) || out.length != in.length) {
            throw new IllegalArgumentException("Solve.conv2d takes two shapes of the same rank, (N, C, H, W) or "
                    + "unbatched (C, H, W); got " + Names.shape(in) + " and " + Names.shape(out));
        }
        int r = in.length;
        int inC = in[r - 3];
        int outC = out[r - 3];
        if (r == 4 && in[0] != out[0]) {
            return Solutions.impossible(question, "a convolution keeps the batch size N: " + in[0] + " images in give "
                    + in[0] + " out, not " + out[0] + ".", nearestShape(in, withBatch(out, in[0]), fixed));
        }
        if (inC < 1 || outC < 1 || out[r - 2] < 1 || out[r - 1] < 1) {
            return Solutions.impossible(question, "every size of a convolution's output is at least 1.", List.of());
        }
        int g = fixed.groups;
        if (g < 1 || inC % g != 0 || outC % g != 0) {
            int best = largestCommonDivisor(inC, outC, Math.max(1, g));
            ConvSettings relaxed = fixed.copy().groups(best);
            return Solutions.impossible(question, "groups=" + g + " splits the channels into " + g
                    + " groups, so in_channels (" + inC + ") and out_channels (" + outC + ") must both be multiples of "
                    + g + "; groups=" + best + " divides both.", solve(in, out, relaxed).proposals().stream().limit(1)
                    .map(p -> p.withNote("groups=" + best)).toList());
        }
        List<ConvSettings.Dim> hs = fixed.solve(in[r - 2], out[r - 2]);
        List<ConvSettings.Dim> ws = fixed.solve(in[r - 1], out[r - 1]);
        if (hs.isEmpty() || ws.isEmpty()) {
            Why why = hs.isEmpty() ? why("H", in[r - 2], out[r - 2], fixed) : why("W", in[r - 1], out[r - 1], fixed);
            String reason = why.text();
            List<Proposal> nearest = new ArrayList<>();
            for (String[] f : fixed.fixed()) {
                // Free one fixed setting at a time; only a relaxation that reaches both sizes is built.
                ConvSettings relaxed = fixed.without(f[0]);
                if (relaxed.solve(in[r - 2], out[r - 2]).isEmpty() || relaxed.solve(in[r - 1], out[r - 1]).isEmpty()) continue;
                nearest.add(solve(in, out, relaxed).first().withNote("freeing " + f[0] + "=" + f[1]));
            }
            nearest.addAll(nearestShape(in, out, fixed));
            return why.beyondRange() ? Solutions.noneInRange(question, reason, fixed.searchedRange(), nearest)
                    : Solutions.impossible(question, reason, nearest);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (ConvSettings.Dim[] hw : pairs(hs, ws)) {
            Proposal p = build(in, outC, hw[0], hw[1], g);
            if (p != null && java.util.Arrays.equals(p.output(), out)) proposals.add(p);
            if (proposals.size() == MAX_PROPOSALS) break;
        }
        return Solutions.found(question, proposals, hs.size() * ws.size());
    }

    /** The largest divisor of both a and b that is at most limit. */
    private static int largestCommonDivisor(int a, int b, int limit) {
        for (int d = limit; d > 1; d--) if (a % d == 0 && b % d == 0) return d;
        return 1;
    }

    /**
     * Kernels that cover their stride in both dims first; within that, square settings (the same for H and
     * W) first, then the H and W lists side by side.
     */
    private static List<ConvSettings.Dim[]> pairs(List<ConvSettings.Dim> hs, List<ConvSettings.Dim> ws) {
        List<ConvSettings.Dim[]> pairs = new ArrayList<>();
        for (ConvSettings.Dim h : hs) if (ws.contains(h)) pairs.add(new ConvSettings.Dim[] {h, h});
        int sideBySide = 0;
        for (int i = 0; sideBySide < MAX_PROPOSALS && i < Math.min(hs.size(), ws.size()); i++) {
            if (!hs.get(i).equals(ws.get(i))) {
                pairs.add(new ConvSettings.Dim[] {hs.get(i), ws.get(i)});
                sideBySide++;
            }
        }
        pairs.sort(java.util.Comparator.comparingInt(hw -> hw[0].k() >= hw[0].s() && hw[1].k() >= hw[1].s() ? 0 : 1));
        return pairs;
    }

    /**
     * Why no setting in range maps {@code size} to {@code target}, and whether one beyond the searched
     * range could: {@code beyondRange} is false only when the fixed settings rule the target out.
     */
    record Why(String text, boolean beyondRange) {
    }

    /**
     * Why no setting in range maps {@code size} to {@code target}: the largest or smallest output the
     * fixed settings allow, or the gap between the values they can reach. The largest output comes from
     * the smallest kernel, stride and dilation with the most padding, so only free padding can go beyond
     * it; the smallest comes from the largest kernel, stride and dilation, which only fixing all three
     * bounds. A gap is certain only when every setting is fixed.
     */
    private static Why why(String dim, int size, int target, ConvSettings fixed) {
        List<ConvSettings.Dim> space = fixed.space();
        ConvSettings.Dim max = null;
        ConvSettings.Dim min = null;
        for (ConvSettings.Dim t : space) {
            if (t.out(size) < 1) continue;
            if (max == null || t.out(size) > max.out(size)) max = t;
            if (min == null || t.out(size) < min.out(size)) min = t;
        }
        String formula = dim + "_out = ⌊(" + dim + " + 2·p − d·(k−1) − 1)/s⌋ + 1";
        String settings = fixed.describe().isEmpty() ? "" : ", with " + fixed.describe() + ",";
        if (max == null) {
            return new Why("the kernel is larger than the padded input" + settings + ": " + formula
                    + " has no window that fits in " + dim + " = " + size + ".", fixed.padding == null);
        }
        if (target > max.out(size)) {
            String example = Formulas.sized(size, max.p(), max.p(), max.d(), max.k(), max.s(), false);
            String text = formula + settings + " is at most " + max.out(size) + " for " + dim + " = " + size + ":\n"
                    + example + " (stride " + max.s() + ", dilation " + max.d() + "), less than " + target + ".\n"
                    + (fixed.padding != null
                    ? "Each side loses d·(k−1)/2 pixels to the kernel; keeping or growing the size takes padding."
                    : "The output grows only with padding, searched up to " + ConvSettings.MAX_PADDING + "."
                    + beyondPadding(size, target, max));
            return new Why(text, fixed.padding == null);
        }
        if (target < min.out(size)) {
            String example = Formulas.sized(size, min.p(), min.p(), min.d(), min.k(), min.s(), false);
            return new Why(formula + settings + " is at least " + min.out(size) + " for " + dim + " = " + size + ":\n"
                    + example + ", more than " + target + (fixed.stride != null
                    ? ".\nA larger stride shrinks the output faster." : "."),
                    fixed.kernelSize == null || fixed.stride == null || fixed.dilation == null);
        }
        return new Why(formula + settings + " takes values from " + min.out(size) + " to " + max.out(size) + " for "
                + dim + " = " + size + ", but the stride steps over " + target + ".",
                fixed.kernelSize == null || fixed.stride == null || fixed.padding == null || fixed.dilation == null);
    }

    /** " Beyond that, padding=16 gives ⌊(32 + 2·16 − ...)⌋ + 1 = 64." with the largest-output kernel, stride and dilation; or "". */
    private static String beyondPadding(int size, int target, ConvSettings.Dim max) {
        for (int p = ConvSettings.MAX_PADDING + 1; p <= ConvSettings.MAX_PADDING + target; p++) {
            ConvSettings.Dim t = new ConvSettings.Dim(max.k(), max.s(), p, max.d());
            if (t.out(size) == target) {
                return "\nBeyond that range, padding=" + p + " gives " + Formulas.sized(size, p, p, t.d(), t.k(), t.s(), false)
                        + " (kernel_size " + t.k() + ", stride " + t.s() + ", dilation " + t.d() + ").";
            }
            if (t.out(size) > target) break;
        }
        return "";
    }

    /** The closest output the fixed settings can reach, as a working layer. */
    private static List<Proposal> nearestShape(int[] in, int[] out, ConvSettings fixed) {
        int r = in.length;
        ConvSettings.Dim h = closest(fixed.space(), in[r - 2], out[r - 2]);
        ConvSettings.Dim w = closest(fixed.space(), in[r - 1], out[r - 1]);
        if (h == null || w == null) return List.of();
        int g = fixed.groups;
        int outC = out[r - 3];
        if (g < 1 || in[r - 3] % g != 0 || outC % g != 0) return List.of();
        Proposal p = build(in, outC, h, w, g);
        return p == null ? List.of() : List.of(p.withNote(fixed.describe().isEmpty() ? "closest shape in range"
                : "closest shape with " + fixed.describe()));
    }

    private static ConvSettings.Dim closest(List<ConvSettings.Dim> space, int size, int target) {
        ConvSettings.Dim best = null;
        for (ConvSettings.Dim t : space) {
            if (t.out(size) < 1) continue;
            if (best == null || Math.abs(t.out(size) - target) < Math.abs(best.out(size) - target)) best = t;
        }
        return best;
    }

    private static int[] withBatch(int[] shape, int n) {
        int[] s = shape.clone();
        s[0] = n;
        return s;
    }

    /**
     * The most float32 elements a check may allocate (input plus output, 16 MB). H_out and W_out depend
     * only on H, W and the settings, never on N or the channel counts: the layer is checked on one
     * sample, and a layer too wide for the budget is checked through a thin copy with the same settings.
     */
    static final long CHECK_ELEMENTS = 1L << 22;

    /** Builds the layer, runs it on zeros of one sample of {@code in} and describes it; null if it does not run. */
    static Proposal build(int[] in, int outC, ConvSettings.Dim h, ConvSettings.Dim w, int groups) {
        int r = in.length;
        int inC = in[r - 3];
        Conv2dOptions o = Conv2d.options().stride(h.s(), w.s()).padding(h.p(), w.p()).dilation(h.d(), w.d()).groups(groups);
        return Quietly.build(() -> {
            Conv2d conv = new Conv2d(inC, outC, new int[] {h.k(), w.k()}, o);
            long spatialIn = (long) in[r - 2] * in[r - 1];
            long spatialOut = (long) h.out(in[r - 2]) * w.out(in[r - 1]);
            boolean wide = inC * spatialIn + outC * spatialOut > CHECK_ELEMENTS;
            int[] one = in.clone();
            if (r == 4) one[0] = 1;
            if (wide) one[r - 3] = groups;
            int[] got;
            try {
                Conv2d checked = wide ? new Conv2d(groups, groups, new int[] {h.k(), w.k()}, o) : conv;
                got = checked.forward(Tensor.zeros(one)).shape();
            } catch (RuntimeException e) {
                return null;
            }
            int[] out = got.clone();
            out[r - 3] = outC;
            if (r == 4) out[0] = in[0];
            String check = wide ? "ran " + code(groups, groups, h, w, groups).substring(4) + " on zeros " + Names.shape(one)
                    + " → " + Names.shape(got) + ": H_out and W_out do not depend on N or the channels"
                    : OneSample.checked(one, got, in);
            List<String> derivation = new ArrayList<>();
            derivation.add("H_out = " + Formulas.sized(in[r - 2], h.p(), h.p(), h.d(), h.k(), h.s(), false));
            derivation.add("W_out = " + Formulas.sized(in[r - 1], w.p(), w.p(), w.d(), w.k(), w.s(), false));
            return Proposal.checkedOn(code(inC, outC, h, w, groups), conv, derivation, in, out, check);
        });
    }

    /** How the layer is written: {@code new Conv2d(3, 16, 3, Conv2d.options().padding(1))}. */
    static String code(int inC, int outC, ConvSettings.Dim h, ConvSettings.Dim w, int groups) {
        String k = h.k() == w.k() ? "" + h.k() : "new int[] {" + h.k() + ", " + w.k() + "}";
        StringBuilder o = new StringBuilder();
        option(o, "stride", h.s(), w.s(), 1);
        option(o, "padding", h.p(), w.p(), 0);
        option(o, "dilation", h.d(), w.d(), 1);
        if (groups != 1) o.append(".groups(").append(groups).append(')');
        return "new Conv2d(" + inC + ", " + outC + ", " + k + (o.length() == 0 ? "" : ", Conv2d.options()" + o) + ")";
    }

    private static void option(StringBuilder o, String name, int hv, int wv, int dflt) {
        if (hv == dflt && wv == dflt) return;
        o.append('.').append(name).append('(').append(hv).append(hv == wv ? "" : ", " + wv).append(')');
    }
}
