package layerwise.nn;

import layerwise.tensor.TorchText;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * Conv2d's argument and input checks, each with PyTorch's text first and a fix naming the layer's
 * parameter. PyTorch checks strides, paddings and kernel sizes only at forward time; here they are
 * checked when the layer is built, so the mistake shows where it was made.
 */
final class Conv2dChecks {
    private Conv2dChecks() {
    }

    /** torch's constructor checks, in its order, then the sizes torch would reject at forward time. */
    static void constructor(int in, int out, Conv2dOptions o) {
        if (o.groups <= 0) {
            throw new ShapeError("groups must be a positive integer",
                    "groups splits the channels into independent groups; got groups=" + o.groups + ".",
                    "use groups(1) (an ordinary convolution) or a positive divisor of in_channels and out_channels");
        }
        if (in % o.groups != 0) {
            throw new ShapeError("in_channels must be divisible by groups",
                    "Each of the " + o.groups + " groups needs the same number of input channels; " + in
                            + " input channels don't split into " + o.groups + ".",
                    "use groups(" + commonDivisor(in, out, o.groups) + ") or in_channels a multiple of " + o.groups);
        }
        if (out % o.groups != 0) {
            throw new ShapeError("out_channels must be divisible by groups",
                    "Each of the " + o.groups + " groups makes the same number of output channels; " + out
                            + " output channels don't split into " + o.groups + ".",
                    "use groups(" + commonDivisor(in, out, o.groups) + ") or out_channels a multiple of " + o.groups
                            + ", e.g. " + o.groups * Math.max(1, (out + o.groups - 1) / o.groups));
        }
        if (o.paddingString != null && !o.paddingString.equals("same") && !o.paddingString.equals("valid")) {
            throw new ShapeError(TorchText.invalidPaddingString(o.paddingString, "{'same', 'valid'}"),
                    "padding is a number of rows/columns, or one of the words \"same\" and \"valid\".",
                    "use padding(\"same\") (output as large as the input), padding(\"valid\") (no padding) or padding(1)");
        }
        if ("same".equals(o.paddingString)) {
            for (int s : o.stride) {
                if (s != 1) {
                    throw new ShapeError(TorchText.stridedSamePadding(),
                            "With a stride of " + s + " the output can't keep the input's size.",
                            "use stride(1) with padding(\"same\"), or a number: padding(k / 2) for an odd kernel size k");
                }
            }
        }
        if (!Conv2d.isPaddingMode(o.paddingMode)) {
            throw new ShapeError("padding_mode must be one of {'replicate', 'reflect', 'zeros', 'circular'}, but got "
                            + "padding_mode='" + o.paddingMode + "'",
                    "padding_mode says what the padding is filled with.",
                    "use paddingMode(\"zeros\"), \"reflect\", \"replicate\" or \"circular\"");
        }
    }

    private static int commonDivisor(int in, int out, int groups) {
        for (int g = Math.min(groups, Math.max(1, Math.min(in, out))); g > 1; g--) {
            if (in % g == 0 && out % g == 0) return g;
        }
        return 1;
    }

    /** An int-or-pair argument as a pair, with torch's error for other lengths. */
    static int[] pair(int[] values, String name) {
        if (values.length == 1) return new int[] {values[0], values[0]};
        if (values.length == 2) return values.clone();
        if (name.equals("kernel_size")) {
            throw new ShapeError("kernel_size must be a single integer value or a list of 2 values, but got kernel_size="
                    + TorchFormat.shapeString(values), "A 2-D kernel has a height and a width.",
                    "pass one value (square kernel) or two: new int[] {kH, kW}");
        }
        throw new ShapeError(TorchText.convPair(name, values),
                "A 2-D convolution has one " + name + " per spatial dim (height, width); " + values.length + " were given.",
                "pass one value for both dims, e.g. " + name + "(" + (values.length > 0 ? values[0] : 1) + "), or two: "
                        + name + "(" + (values.length > 0 ? values[0] : 1) + ", " + (values.length > 1 ? values[1] : 1) + ")");
    }

    /** Negative sizes (PyTorch fails creating the weight), then the sizes PyTorch would reject at forward time. */
    static void sizes(int in, int out, int groups, int[] kernel, int[] stride, int[] dilation, int[] padding) {
        int[] weightShape = {out, in / groups, kernel[0], kernel[1]};
        for (int size : weightShape) {
            if (size < 0) {
                throw new ShapeError(TorchText.negativeDimension(size, weightShape),
                        "The weight is (out_channels, in_channels/groups, kH, kW); none of these can be negative.",
                        "use channel counts of 0 or more and a kernel_size of 1 or more");
            }
        }
        if (kernel[0] == 0 || kernel[1] == 0) {
            throw new ShapeError(TorchText.kernelSizeNotPositive(kernel[0], kernel[1]),
                    "A kernel needs at least one row and one column.",
                    "use kernel_size 1 or more");
        }
        if (padding != null && (padding[0] < 0 || padding[1] < 0)) {
            throw new ShapeError(TorchText.negativePadding(),
                    "Padding adds rows and columns of zeros around the input; got padding=" + Conv2d.tuple(padding) + ".",
                    "use padding(0) or more; to crop the input, use narrow or slice before the layer");
        }
        if (stride[0] <= 0 || stride[1] <= 0) {
            throw new ShapeError(TorchText.nonPositiveStride(),
                    "The stride is how far the kernel moves between outputs; got stride=" + Conv2d.tuple(stride) + ".",
                    "use stride(1) (every position) or more, e.g. stride(2) halves the output size");
        }
        if (dilation[0] <= 0 || dilation[1] <= 0) {
            throw new ShapeError(TorchText.convDilation(dilation[0], dilation[1]),
                    "The dilation is the step between kernel taps; 1 means adjacent taps.",
                    "use dilation(1) or more");
        }
    }

    static ShapeError wrongRank(Conv2d conv, Tensor input) {
        int[] s = input.shape();
        String fix = s.length == 2
                ? "add the channel dim: x.reshape(1, " + s[0] + ", " + s[1] + ") for one channel (the layer expects "
                        + conv.inChannels() + "), and x.unsqueeze(0) again for a batch"
                : "reshape the input to (N, " + conv.inChannels() + ", H, W)";
        return new ShapeError(TorchText.convRank(s),
                conv + " takes (N, C, H, W) or one image (C, H, W); this input has " + s.length + " dims.", fix);
    }

    /**
     * The input checks of the convolution itself, after any non-zero padding mode has padded x.
     * pads = {left, right, top, bottom} still to be added as zeros.
     */
    static void forward(Conv2d conv, Tensor x, int[] pads) {
        int[] s = x.dim() == 4 ? x.shape() : new int[] {1, x.size(0), x.size(1), x.size(2)};
        int[] w = conv.weight.shape();
        if (s[1] != conv.inChannels()) {
            throw new ShapeError(TorchText.convInputChannels(conv.groups(), w, s, conv.inChannels()),
                    conv + " expects " + conv.inChannels() + " input channels (dim " + (x.dim() - 3) + " of the input "
                            + TorchFormat.shapeString(x.shape()) + "), got " + s[1] + ".",
                    channelFix(conv, s[1]));
        }
        int paddedH = s[2] + pads[2] + pads[3];
        int paddedW = s[3] + pads[0] + pads[1];
        int[] k = conv.kernelSize();
        int[] d = conv.dilation();
        int effH = d[0] * (k[0] - 1) + 1;
        int effW = d[1] * (k[1] - 1) + 1;
        if (paddedH < effH || paddedW < effW) {
            int needH = Math.max(0, (effH - s[2] + 1) / 2);
            int needW = Math.max(0, (effW - s[3] + 1) / 2);
            throw new ShapeError("Calculated padded input size per channel: (" + paddedH + " x " + paddedW
                    + "). Kernel size: (" + effH + " x " + effW + "). Kernel size can't be greater than actual input size",
                    conv + " spans " + effH + " x " + effW + " pixels (kernel_size " + Conv2d.tuple(k) + ", dilation "
                            + Conv2d.tuple(d) + ") but the padded input is only " + paddedH + " x " + paddedW + ".",
                    "use padding(" + needH + (needH == needW ? "" : ", " + needW) + ") so the padded input holds the kernel, "
                            + "a smaller kernel_size or dilation, or an input of at least " + effH + " x " + effW);
        }
    }

    private static String channelFix(Conv2d conv, int got) {
        String build = got % conv.groups() == 0
                ? "build " + conv.javaConstructor(got, conv.outChannels()) + " for this input"
                : "build the layer with in_channels=" + got + " and a groups value dividing " + got;
        return build + ", or pass an input with " + conv.inChannels() + " channels";
    }
}
