package layerwise.shape;

import layerwise.tensor.TorchText;
import layerwise.tensor.ValueError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The settings of a Conv2d that {@link Solve#conv2d(int[], int[], ConvSettings)} must keep, set fluently:
 * {@code Solve.where().kernelSize(3).padding(0)}. Unset ones are searched in the bounded range below,
 * simplest first: padding no wider than half the kernel, then the smallest dilation, stride, kernel size
 * and padding.
 */
public final class ConvSettings {
    /** The search range of the free settings (square: the same value for height and width). */
    public static final int MAX_KERNEL = 11;
    public static final int MAX_STRIDE = 8;
    public static final int MAX_PADDING = 12;
    public static final int MAX_DILATION = 4;

    Integer kernelSize;
    Integer stride;
    Integer padding;
    Integer dilation;
    int groups = 1;

    ConvSettings() {
    }

    /**
     * The largest kernel size (and dilation) a setting may fix: a k×k kernel plane must fit a Java float
     * array, and d·(k−1) stays an int.
     */
    public static final int LARGEST_KERNEL = 46_340;
    /** The largest padding a setting may fix: a (2p+1)×(2p+1) padded plane must fit a Java float array. */
    public static final int LARGEST_PADDING = 23_169;

    public ConvSettings kernelSize(int k) {
        if (k <= 0) {
            throw new ValueError(TorchText.kernelSizeNotPositive(k, k), "where().kernelSize(" + k + ") fixes a"
                    + " kernel of " + k + "×" + k + "; a kernel covers at least one pixel.",
                    "set kernelSize(1) or more, e.g. kernelSize(3), or leave it out to search 1.." + MAX_KERNEL + ".");
        }
        tooLarge("kernelSize", k, LARGEST_KERNEL, "a " + k + "×" + k + " kernel plane would not fit a Java array");
        this.kernelSize = k;
        return this;
    }

    public ConvSettings stride(int s) {
        if (s <= 0) {
            throw new ValueError(TorchText.nonPositiveStride(), "where().stride(" + s + ") fixes the step between"
                    + " windows; a step of " + s + " never moves on.",
                    "set stride(1) or more, e.g. stride(2) to halve the size, or leave it out to search 1.."
                            + MAX_STRIDE + ".");
        }
        this.stride = s;
        return this;
    }

    public ConvSettings padding(int p) {
        if (p < 0) {
            throw new ValueError(TorchText.negativePadding(), "where().padding(" + p + ") fixes the zeros added on"
                    + " each side; there is no negative number of them.",
                    "set padding(0) or more, or leave it out to search 0.." + MAX_PADDING + ".");
        }
        tooLarge("padding", p, LARGEST_PADDING, "a padded plane of (2·" + p + "+1)² elements would not fit a Java"
                + " array");
        this.padding = p;
        return this;
    }

    public ConvSettings dilation(int d) {
        if (d <= 0) {
            throw new ValueError(TorchText.convDilation(d, d), "where().dilation(" + d + ") fixes the spacing of"
                    + " the kernel's taps; 1 is an ordinary kernel.",
                    "set dilation(1) or more, or leave it out to search 1.." + MAX_DILATION + ".");
        }
        tooLarge("dilation", d, LARGEST_KERNEL, "a kernel spread that wide reads no image that fits a Java array");
        this.dilation = d;
        return this;
    }

    /** groups: in_channels and out_channels must both be multiples (default 1). */
    public ConvSettings groups(int g) {
        if (g <= 0) {
            throw new ValueError("non-positive groups is not supported", "where().groups(" + g + ") splits the"
                    + " channels into " + g + " groups; there is at least one.",
                    "set groups(1) (an ordinary convolution) or a positive divisor of in and out channels.");
        }
        this.groups = g;
        return this;
    }

    private static void tooLarge(String name, int value, int largest, String why) {
        if (value > largest) {
            throw new ValueError("where()." + name + "(" + value + ") is too large: at most " + largest,
                    why + ", so no convolution could use it.",
                    "set a " + name + " of at most " + largest + " (the search alone tries up to " + searched(name)
                            + "), or leave it out.");
        }
    }

    private static int searched(String name) {
        return switch (name) {
            case "kernelSize" -> MAX_KERNEL;
            case "padding" -> MAX_PADDING;
            default -> MAX_DILATION;
        };
    }

    /** One dim's setting: kernel k, stride s, padding p (both sides), dilation d. */
    record Dim(int k, int s, int p, int d) {
        /** PyTorch's output size, floor((size + 2p − d(k−1) − 1)/s) + 1; 0 or less when the kernel doesn't fit. */
        int out(int size) {
            int numerator = size + 2 * p - d * (k - 1) - 1;
            return numerator < 0 ? 0 : numerator / s + 1;
        }
    }

    /**
     * Simplest first: a kernel at least as large as the stride before a smaller one (which steps over
     * pixels it never reads: a 1×1 kernel with stride 2 discards 3 in 4), then padding within half the
     * (dilated) kernel before padding wider than that (which only adds windows that see more zeros than
     * image), then dilation, stride, kernel size and padding, smallest first.
     */
    static final Comparator<Dim> SIMPLEST = Comparator.comparingInt((Dim t) -> t.k() >= t.s() ? 0 : 1)
            .thenComparingInt((Dim t) -> 2 * t.p() <= t.d() * (t.k() - 1) ? 0 : 1)
            .thenComparingInt(Dim::d).thenComparingInt(Dim::s).thenComparingInt(Dim::k).thenComparingInt(Dim::p);

    /** Every setting in range that keeps the fixed values, simplest first. */
    List<Dim> space() {
        List<Dim> all = new ArrayList<>();
        for (int d : range(dilation, MAX_DILATION, 1)) {
            for (int s : range(stride, MAX_STRIDE, 1)) {
                for (int k : range(kernelSize, MAX_KERNEL, 1)) {
                    for (int p : range(padding, MAX_PADDING, 0)) all.add(new Dim(k, s, p, d));
                }
            }
        }
        all.sort(SIMPLEST);
        return all;
    }

    /** The settings of {@link #space()} that map {@code size} to exactly {@code target}. */
    List<Dim> solve(int size, int target) {
        return space().stream().filter(t -> t.out(size) == target).toList();
    }

    private static int[] range(Integer fixed, int max, int min) {
        if (fixed != null) return new int[] {fixed};
        int[] r = new int[max - min + 1];
        for (int i = 0; i < r.length; i++) r[i] = min + i;
        return r;
    }

    /** A copy without one fixed setting ("kernel_size", "stride", "padding" or "dilation"). */
    ConvSettings without(String name) {
        ConvSettings c = copy();
        switch (name) {
            case "kernel_size" -> c.kernelSize = null;
            case "stride" -> c.stride = null;
            case "padding" -> c.padding = null;
            default -> c.dilation = null;
        }
        return c;
    }

    ConvSettings copy() {
        ConvSettings c = new ConvSettings();
        c.kernelSize = kernelSize;
        c.stride = stride;
        c.padding = padding;
        c.dilation = dilation;
        c.groups = groups;
        return c;
    }

    /** The fixed settings by name, padding first: the one to relax first when the target is out of reach. */
    List<String[]> fixed() {
        List<String[]> f = new ArrayList<>();
        if (padding != null) f.add(new String[] {"padding", "" + padding});
        if (stride != null) f.add(new String[] {"stride", "" + stride});
        if (dilation != null) f.add(new String[] {"dilation", "" + dilation});
        if (kernelSize != null) f.add(new String[] {"kernel_size", "" + kernelSize});
        return f;
    }

    /** The range searched for the free settings: "kernel_size ≤ 11, stride ≤ 8, padding ≤ 12, dilation ≤ 4". */
    String searchedRange() {
        List<String> parts = new ArrayList<>();
        if (kernelSize == null) parts.add("kernel_size ≤ " + MAX_KERNEL);
        if (stride == null) parts.add("stride ≤ " + MAX_STRIDE);
        if (padding == null) parts.add("padding ≤ " + MAX_PADDING);
        if (dilation == null) parts.add("dilation ≤ " + MAX_DILATION);
        return String.join(", ", parts);
    }

    /** "kernel_size=3, padding=0", or "" when nothing is fixed. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (String[] f : fixed()) parts.add(f[0] + "=" + f[1]);
        if (groups != 1) parts.add("groups=" + groups);
        return String.join(", ", parts);
    }
}
