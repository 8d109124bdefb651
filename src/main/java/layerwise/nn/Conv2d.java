package layerwise.nn;

import java.util.Set;

import layerwise.tensor.Functional;
import layerwise.tensor.LayerDescription;
import layerwise.tensor.Pair;
import layerwise.tensor.Tensor;

/**
 * A 2-D convolution, like {@code torch.nn.Conv2d} (a cross-correlation: the kernel is not flipped).
 * <pre>
 *   input  (N, C_in, H, W) or unbatched (C_in, H, W)
 *   weight (C_out, C_in/groups, kH, kW)      bias (C_out) or null
 *   output (N, C_out, H_out, W_out), H_out = floor((H + padTop + padBottom - dH*(kH-1) - 1)/sH) + 1
 * </pre>
 * The common case is positional, as in PyTorch: {@code new Conv2d(3, 16, 3)}, and in PyTorch's order
 * {@code new Conv2d(in, out, k, stride, padding, dilation, groups, bias)}. Everything else goes
 * through {@link #options()}: {@code new Conv2d(3, 16, 3, Conv2d.options().padding(1).stride(2))},
 * {@code new Conv2d(3, 3, new int[] {3, 5}, Conv2d.options().padding("same").groups(3))}.
 */
public final class Conv2d extends Module implements TensorModule, LayerDescription {

    public final Tensor weight;
    /** The bias, or null when built with bias(false). */
    public final Tensor bias;
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;            // null when padding is "same" or "valid"
    private final String paddingString;     // "same", "valid" or null
    private final int[] dilation;
    private final int groups;
    private final String paddingMode;
    private final int[] reversedPaddingRepeatedTwice;   // {left, right, top, bottom}, F.pad's order

    private static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    /** The options object: stride, padding, dilation, groups, bias, paddingMode. */
    public static Conv2dOptions options() {
        return new Conv2dOptions();
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, options());
    }

    /** PyTorch's positional {@code nn.Conv2d(in, out, kernel_size, stride)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, new int[] {kernelSize}, options().stride(stride));
    }

    /** PyTorch's positional {@code nn.Conv2d(in, out, kernel_size, stride, padding)}; the rest through {@link #options()}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize}, options().stride(stride).padding(padding));
    }

    /** PyTorch's positional {@code nn.Conv2d(in, out, kernel_size, stride, padding, dilation)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation) {
        this(inChannels, outChannels, new int[] {kernelSize},
                options().stride(stride).padding(padding).dilation(dilation));
    }

    /** PyTorch's positional {@code nn.Conv2d(in, out, kernel_size, stride, padding, dilation, groups)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups) {
        this(inChannels, outChannels, new int[] {kernelSize},
                options().stride(stride).padding(padding).dilation(dilation).groups(groups));
    }

    /** PyTorch's positional {@code nn.Conv2d(in, out, kernel_size, stride, padding, dilation, groups, bias)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        this(inChannels, outChannels, new int[] {kernelSize},
                options().stride(stride).padding(padding).dilation(dilation).groups(groups).bias(bias));
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, Conv2dOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** kernelSize is {k} or {kH, kW}. */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, Conv2dOptions options) {
        Conv2dChecks.constructor(inChannels, outChannels, options);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = Conv2dChecks.kernelSize(kernelSize);
        this.stride = Pair.of(options.stride, "stride");
        this.dilation = Pair.of(options.dilation, "dilation");
        this.paddingString = options.paddingString;
        this.padding = paddingString == null ? Pair.of(options.padding, "padding") : null;
        this.groups = options.groups;
        this.paddingMode = options.paddingMode;
        Conv2dChecks.sizes(inChannels, outChannels, groups, this.kernelSize, this.stride, this.dilation, this.padding);
        this.reversedPaddingRepeatedTwice = sidePadding();
        this.weight = registerParameter("weight",
                Tensor.empty(outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1]));
        this.bias = registerParameter("bias", options.bias ? Tensor.empty(outChannels) : null);
        DefaultInit.kaimingUniformWithBias(weight, bias, false);
    }

    /** Padding per side in F.pad's order {left, right, top, bottom}; "same" may be asymmetric. */
    private int[] sidePadding() {
        if ("valid".equals(paddingString)) return new int[4];
        if ("same".equals(paddingString)) return Functional.samePadding(kernelSize[0], kernelSize[1], dilation);
        return new int[] {padding[1], padding[1], padding[0], padding[0]};
    }

    /** PyTorch's {@code _conv_forward}: F.conv2d with the padding per side and the padding mode. */
    @Override
    public Tensor forward(Tensor input) {
        return Functional.conv2d(input, weight, bias, stride, reversedPaddingRepeatedTwice, paddingMode, dilation, groups, this);
    }

    // ---------------------------------------------------------------- torch-named attributes

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** {kH, kW}. */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    /** {padH, padW}, or null when the padding is "same" or "valid" (see {@link #paddingString()}). */
    public int[] padding() {
        return padding == null ? null : padding.clone();
    }

    /** "same" or "valid", or null when the padding is numeric. */
    public String paddingString() {
        return paddingString;
    }

    public int[] dilation() {
        return dilation.clone();
    }

    public int groups() {
        return groups;
    }

    public String paddingMode() {
        return paddingMode;
    }

    /** The padding of each side, {left, right, top, bottom} (F.pad's order; "same" may be asymmetric). */
    int[] reversedPaddingRepeatedTwice() {
        return reversedPaddingRepeatedTwice.clone();
    }

    static boolean isPaddingMode(String mode) {
        return PADDING_MODES.contains(mode);
    }

    @Override
    public String describe() {
        return toString();
    }

    /** How this layer with in_channels = inputs is written in Java, for the fixes in error messages. */
    @Override
    public String rebuiltFor(int inputs) {
        String k = kernelSize[0] == kernelSize[1] ? String.valueOf(kernelSize[0])
                : "new int[] {" + kernelSize[0] + ", " + kernelSize[1] + "}";
        return "Conv2d(" + inputs + ", " + outChannels + ", " + k + javaOptions() + ")";
    }

    /** The options that differ from the defaults, as Java: {@code ", Conv2d.options().stride(2).padding(1)"}, or "". */
    private String javaOptions() {
        StringBuilder o = new StringBuilder();
        if (stride[0] != 1 || stride[1] != 1) o.append(".stride(").append(javaPair(stride)).append(')');
        if (paddingString != null) o.append(".padding(\"").append(paddingString).append("\")");
        else if (padding[0] != 0 || padding[1] != 0) o.append(".padding(").append(javaPair(padding)).append(')');
        if (dilation[0] != 1 || dilation[1] != 1) o.append(".dilation(").append(javaPair(dilation)).append(')');
        if (groups != 1) o.append(".groups(").append(groups).append(')');
        if (bias == null) o.append(".bias(false)");
        if (!paddingMode.equals("zeros")) o.append(".paddingMode(\"").append(paddingMode).append("\")");
        return o.length() == 0 ? "" : ", Conv2d.options()" + o;
    }

    private static String javaPair(int[] v) {
        return v[0] == v[1] ? String.valueOf(v[0]) : v[0] + ", " + v[1];
    }

    @Override
    public String extraRepr() {
        // torch's _ConvNd.extra_repr: stride always, the rest only when not the default.
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(tuple(kernelSize)).append(", stride=").append(tuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) s.append(", dilation=").append(tuple(dilation));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        if (!paddingMode.equals("zeros")) s.append(", padding_mode=").append(paddingMode);
        return s.toString();
    }

    static String tuple(int[] pair) {
        return "(" + pair[0] + ", " + pair[1] + ")";
    }
}
