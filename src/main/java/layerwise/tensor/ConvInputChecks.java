package layerwise.tensor;

/**
 * conv2d's input checks that name the layer when a layer runs the op (see {@link LayerDescription}):
 * PyTorch's first line, then the layer, then a fix in the layer's own terms. Without a layer only the
 * rank is checked here; {@link Conv2dGeometry} checks the rest with the op's own messages.
 */
final class ConvInputChecks {
    private ConvInputChecks() {
    }

    /** The input must be (C, H, W) or (N, C, H, W). */
    static void rank(Tensor input, Tensor weight, int groups, LayerDescription layer) {
        if (input.dim() == 3 || input.dim() == 4) return;
        int[] s = input.shape();
        if (layer == null || weight.dim() != 4) {
            throw new ShapeError(TorchText.convRank(s),
                    "conv2d takes (N, C, H, W) or a single image (C, H, W); this input has " + s.length + " dims.",
                    "reshape the input to (N, C, H, W), e.g. x.unsqueeze(0) adds the batch dim N=1");
        }
        int in = weight.size(1) * groups;
        String takes = layer.describe() + " takes (N, C, H, W) or one image (C, H, W); this input has " + s.length + " dims.";
        if (s.length == 2) {
            ShapeHints.Hint grey = ShapeHints.convGreyImage(s, in, layer.rebuiltFor(1));
            throw new ShapeError(TorchText.convRank(s), takes + " " + grey.meaning(), grey.fix());
        }
        throw new ShapeError(TorchText.convRank(s), takes, "reshape the input to (N, " + in + ", H, W)");
    }

    /**
     * A layer's input channels and spatial size, after any non-zero padding mode has padded x.
     * pads = {left, right, top, bottom} still to be added as zeros.
     */
    static void sizes(Tensor x, Tensor weight, int[] pads, int[] dilation, int groups, LayerDescription layer) {
        if (layer == null || weight.dim() != 4) return;       // Conv2dGeometry reports a bad weight
        int[] s = x.dim() == 4 ? x.shape() : new int[] {1, x.size(0), x.size(1), x.size(2)};
        int[] w = weight.shape();
        int in = w[1] * groups;
        if (s[1] != in) {
            String expects = layer.describe() + " expects " + in + " input channels (dim " + (x.dim() - 3) + " of the input "
                    + TorchFormat.shapeString(x.shape()) + "), got " + s[1] + ".";
            ShapeHints.Hint channelsLast = ShapeHints.convChannels(x.shape(), in, layer.rebuiltFor(s[1]));
            if (channelsLast != null) {
                throw new ShapeError(TorchText.convInputChannels(groups, w, s, in), expects + " " + channelsLast.meaning(),
                        channelsLast.fix());
            }
            String build = s[1] % groups == 0
                    ? "build " + layer.rebuiltFor(s[1]) + " for this input"
                    : "build the layer with in_channels=" + s[1] + " and a groups value dividing " + s[1];
            throw new ShapeError(TorchText.convInputChannels(groups, w, s, in), expects,
                    build + ", or pass an input with " + in + " channels");
        }
        int paddedH = s[2] + pads[2] + pads[3];
        int paddedW = s[3] + pads[0] + pads[1];
        int effH = dilation[0] * (w[2] - 1) + 1;
        int effW = dilation[1] * (w[3] - 1) + 1;
        if (paddedH < effH || paddedW < effW) {
            int needH = Math.max(0, (effH - s[2] + 1) / 2);
            int needW = Math.max(0, (effW - s[3] + 1) / 2);
            throw new ShapeError(TorchText.kernelLargerThanInput(paddedH, paddedW, effH, effW),
                    layer.describe() + " spans " + effH + " x " + effW + " pixels (kernel_size " + tuple(w[2], w[3])
                            + ", dilation " + tuple(dilation[0], dilation[1]) + ") but the padded input is only "
                            + paddedH + " x " + paddedW + ".",
                    "use padding(" + needH + (needH == needW ? "" : ", " + needW) + ") so the padded input holds the kernel, "
                            + "a smaller kernel_size or dilation, or an input of at least " + effH + " x " + effW);
        }
    }

    private static String tuple(int a, int b) {
        return "(" + a + ", " + b + ")";
    }
}
