package layerwise.tensor;

/**
 * conv2d's errors about its input, each with PyTorch's first line. Run for a layer (see
 * {@link LayerDescription}), the explanation names the layer and the fix is a layer that fits, in its
 * own parameters ({@code padding(1)}, {@code Conv2d(3, 16, 3)}); run as {@code F.conv2d} (layer null),
 * they speak of the weight and the keyword arguments. {@link Conv2dGeometry} decides when each is thrown.
 */
final class Conv2dErrors {
    private Conv2dErrors() {
    }

    /** The input is not (C, H, W) or (N, C, H, W). */
    static ShapeError rank(Tensor input, Tensor weight, int groups, LayerDescription layer) {
        int[] s = input.shape();
        if (layer == null || weight.dim() != 4) {
            return new ShapeError(TorchText.convRank(s),
                    "conv2d takes (N, C, H, W) or a single image (C, H, W); this input has " + s.length + " dims.",
                    "reshape the input to (N, C, H, W), e.g. x.unsqueeze(0) adds the batch dim N=1");
        }
        int in = weight.size(1) * groups;
        String takes = layer.describe() + " takes (N, C, H, W) or one image (C, H, W); this input has " + s.length + " dims.";
        if (s.length == 2) {
            ShapeHints.Hint grey = ShapeHints.convGreyImage(s, in, layer.rebuiltFor(1));
            return new ShapeError(TorchText.convRank(s), takes + " " + grey.meaning(), grey.fix());
        }
        return new ShapeError(TorchText.convRank(s), takes, "reshape the input to (N, " + in + ", H, W)");
    }

    /** The input's channels (x4 is the input as (N, C, H, W)) are not the weight's in_channels. */
    static ShapeError inputChannels(Tensor input, int[] x4, int[] w, int groups, LayerDescription layer) {
        int in = w[1] * groups;
        String first = TorchText.convInputChannels(groups, w, x4, in);
        if (layer == null) {
            return new ShapeError(first, "The weight was made for " + in + " input channels; this input has " + x4[1] + ".",
                    "pass an input with " + in + " channels, or a weight of shape "
                            + Shapes.str(w[0], x4[1] / Math.max(groups, 1), w[2], w[3]));
        }
        String expects = layer.describe() + " expects " + in + " input channels (dim " + (input.dim() - 3) + " of the input "
                + Shapes.str(input.shape()) + "), got " + x4[1] + ".";
        ShapeHints.Hint channelsLast = ShapeHints.convChannels(input.shape(), in, layer.rebuiltFor(x4[1]));
        if (channelsLast != null) return new ShapeError(first, expects + " " + channelsLast.meaning(), channelsLast.fix());
        String build = x4[1] % groups == 0
                ? "build " + layer.rebuiltFor(x4[1]) + " for this input"
                : "build the layer with in_channels=" + x4[1] + " and a groups value dividing " + x4[1];
        return new ShapeError(first, expects, build + ", or pass an input with " + in + " channels");
    }

    /**
     * A padded size or a dilated kernel beyond an int: Shapes.checkedSize's line; for a layer, which of its
     * options made it (settings: "padding", "kernel_size and dilation").
     */
    static ShapeError tooLarge(String what, long value, String settings, LayerDescription layer) {
        ShapeError e = Shapes.sizeBeyondInt(what, value);
        if (layer == null) return e;
        return new ShapeError(e.torchMessage(), layer.describe() + " gives " + what + " = " + value + ", from its "
                + settings + ". " + e.explanation(), "build the layer with a smaller " + settings);
    }

    /** The dilated kernel (spanH x spanW) does not fit in the padded input (paddedH x paddedW). */
    static ShapeError kernelLargerThanInput(int[] x4, int[] w, int[] dilation, int paddedH, int paddedW,
                                            int spanH, int spanW, LayerDescription layer) {
        String first = TorchText.kernelLargerThanInput(paddedH, paddedW, spanH, spanW);
        if (layer == null) {
            return new ShapeError(first, "The (dilated) kernel spans " + spanH + " x " + spanW
                    + " pixels but the padded input is only " + paddedH + " x " + paddedW + ", so there is no position to put it.",
                    "pass a larger input, more padding, or a smaller kernel_size or dilation");
        }
        // The padding on each side that makes the input hold the kernel: half of what is missing, rounded up.
        long needH = Math.max(0, ((long) spanH - x4[2] + 1) / 2);
        long needW = Math.max(0, ((long) spanW - x4[3] + 1) / 2);
        return new ShapeError(first, layer.describe() + " spans " + spanH + " x " + spanW + " pixels (kernel_size "
                + tuple(w[2], w[3]) + ", dilation " + tuple(dilation[0], dilation[1]) + ") but the padded input is only "
                + paddedH + " x " + paddedW + ".",
                "use padding(" + needH + (needH == needW ? "" : ", " + needW) + ") so the padded input holds the kernel, "
                        + "a smaller kernel_size or dilation, or an input of at least " + spanH + " x " + spanW);
    }

    /**
     * The output, or the fast kernel's unfolded input, would not fit one tensor (cause). When the output is larger
     * than the input, only the padding can have made it so: that is the size to name, not the batch.
     */
    static ShapeError outputTooLarge(ShapeError cause, int[] x4, int[] w, int[] pads, int paddedH, int paddedW,
                                     int outH, int outW) {
        if (outH <= x4[2] && outW <= x4[3]) return cause;
        return new ShapeError(cause.torchMessage(), "The padding (left " + pads[0] + ", right " + pads[1] + ", top " + pads[2]
                + ", bottom " + pads[3] + ") grows the " + x4[2] + " x " + x4[3] + " input to " + paddedH + " x " + paddedW
                + ", so the output is " + outH + " x " + outW + " per channel: " + cause.explanation(),
                "padding adds that many zeros on each side, so it is about the kernel's size, not the image's: "
                        + "padding=" + (w[2] - 1) / 2 + " keeps " + x4[2] + " x " + x4[3] + " for this kernel (with stride 1), "
                        + "padding=0 shrinks it by the kernel size minus 1");
    }

    private static String tuple(int a, int b) {
        return "(" + a + ", " + b + ")";
    }
}
