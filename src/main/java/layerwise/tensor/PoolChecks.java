package layerwise.tensor;

/**
 * The checks of max_pool2d and avg_pool2d, with PyTorch's messages, giving the pooling geometry; each
 * dim's sizes are a {@link SlidingWindow}'s, as a convolution's are.
 */
final class PoolChecks {
    private PoolChecks() {
    }

    static PoolKernels.Geometry geometry(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                         boolean ceilMode) {
        int[] k = Pair.of(kernelSize, "kernel_size");
        int[] s = stride.length == 0 ? k : Pair.of(stride, "stride");
        int[] p = Pair.of(padding, "padding");
        int[] d = Pair.of(dilation, "dilation");
        if (k[0] <= 0 || k[1] <= 0) {
            throw new ShapeError(TorchText.kernelSizeNotPositive(k[0], k[1]),
                    "The pooling window needs at least one row and column.",
                    "use kernel_size 1 or more");
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new ShapeError("stride should not be zero", "The stride is how far the window moves; got ("
                    + s[0] + ", " + s[1] + ").", "use stride 1 or more");
        }
        if (d[0] <= 0 || d[1] <= 0) {
            throw new ShapeError("dilation should be greater than zero, but got dilationH: " + d[0] + " dilationW: " + d[1],
                    "The dilation is the gap between window taps.", "use dilation 1 or more");
        }
        if (p[0] < 0 || p[1] < 0 || 2L * p[0] > k[0] || 2L * p[1] > k[1]) {
            int bad = p[0] < 0 || 2L * p[0] > k[0] ? 0 : 1;
            throw new ShapeError("pad should be at most half of kernel size, but got pad=" + p[bad]
                    + " and kernel_size=" + k[bad],
                    "A window that starts in the padding must still reach the input.",
                    "use padding between 0 and " + k[bad] / 2);
        }
        int rank = x.dim();
        boolean nonEmpty = rank >= 3 && x.size(-1) > 0 && x.size(-2) > 0 && x.size(-3) > 0;
        if ((rank != 3 && rank != 4) || !nonEmpty) {
            throw new ShapeError("non-empty 3D or 4D (batch mode) tensor expected for input",
                    "Pooling takes (N, C, H, W) or (C, H, W) with non-empty C, H and W; got "
                            + TorchFormat.shapeString(x.shape()) + ".",
                    "reshape the input to (N, C, H, W), e.g. x.unsqueeze(0) adds N=1");
        }
        int h = x.size(-2), w = x.size(-1);
        SlidingWindow rows = new SlidingWindow(h, p[0], p[0], k[0], s[0], d[0]);
        SlidingWindow cols = new SlidingWindow(w, p[1], p[1], k[1], s[1], d[1]);
        // The window and the padded input must be sizes: beyond an int they are refused, not wrapped around.
        Shapes.checkedSize("the dilated window height (dilation * (kernel_size - 1) + 1)", rows.span());
        Shapes.checkedSize("the dilated window width (dilation * (kernel_size - 1) + 1)", cols.span());
        Shapes.checkedSize("the padded input height", rows.padded());
        Shapes.checkedSize("the padded input width", cols.padded());
        int outH = (int) rows.outputs(ceilMode);
        int outW = (int) cols.outputs(ceilMode);
        if (outH < 1 || outW < 1) {
            throw new ShapeError("Given input size: (" + x.size(-3) + "x" + h + "x" + w + "). Calculated output size: ("
                    + x.size(-3) + "x" + outH + "x" + outW + "). Output size is too small",
                    "The pooling window (" + rows.span() + " x " + cols.span() + ") does not fit in the padded input.",
                    "use a smaller kernel_size, more padding, or a larger input");
        }
        int[] outShape = x.shape();
        outShape[rank - 2] = outH;
        outShape[rank - 1] = outW;
        Shapes.numel(outShape);
        return new PoolKernels.Geometry(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], outH, outW);
    }
}
