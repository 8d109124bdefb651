package layerwise.nn;

import layerwise.tensor.ConvArguments;
import layerwise.tensor.Pair;
import layerwise.tensor.TorchText;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.ShapeError;

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

    /** kernel_size as a pair, with Conv2d's own error for other lengths (the other arguments: {@link Pair#of}). */
    static int[] kernelSize(int[] values) {
        if (values.length == 1 || values.length == 2) return Pair.of(values, "kernel_size");
        throw new ShapeError("kernel_size must be a single integer value or a list of 2 values, but got kernel_size="
                + TorchFormat.shapeString(values), "A 2-D kernel has a height and a width.",
                "pass one value (square kernel) or two: new int[] {kH, kW}");
    }

    /** Negative sizes (PyTorch fails creating the weight), then the sizes PyTorch would reject at forward time, as F.conv2d checks them. */
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
        ConvArguments.check(padding, stride, dilation, ConvArguments.Spelling.OPTION);
    }
}
