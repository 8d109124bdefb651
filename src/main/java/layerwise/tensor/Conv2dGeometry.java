package layerwise.tensor;

/**
 * Every size a 2-D convolution needs, checked once before any loop runs, in PyTorch's order and with its
 * messages ({@link Conv2dErrors}; the arithmetic of each dim in 64 bits, {@link SlidingWindow}). Padding is given per side (left, right, top, bottom, F.pad's order) so that {@code padding='same'} with an
 * even kernel, which puts the extra row at the bottom and the extra column at the right, needs no copy.
 *
 * <pre>
 *   outH = floor((H + padTop + padBottom - dH*(kH-1) - 1) / sH) + 1      (and the same for W)
 * </pre>
 */
record Conv2dGeometry(int batch, int inChannels, int inH, int inW,
                      int outChannels, int kH, int kW,
                      int sH, int sW, int padTop, int padBottom, int padLeft, int padRight,
                      int dH, int dW, int groups, int outH, int outW) {

    /** Input channels seen by one output channel: in_channels / groups (weight.size(1)). */
    int groupInChannels() {
        return inChannels / groups;
    }

    /**
     * For the taps that start at input column col0 (col0 + j*sW for output column j): the first output column
     * whose tap lies inside the image, 0 <= col0 + j*sW. Those before it read the left padding.
     */
    int firstInsideColumn(int col0) {
        // in long: -col0 + sW - 1 passes 2^31 for a stride near it
        return col0 >= 0 ? 0 : (int) Math.min(outW, (-(long) col0 + sW - 1) / sW);
    }

    /** As {@link #firstInsideColumn}: one past the last output column whose tap lies inside the image (col0 + j*sW < inW). */
    int endInsideColumn(int col0) {
        int first = firstInsideColumn(col0);
        return col0 >= inW ? first : Math.max(first, Math.min(outW, (inW - 1 - col0) / sW + 1));
    }

    /** Output channels per group. */
    int groupOutChannels() {
        return outChannels / groups;
    }

    /** The input must be (C, H, W) or (N, C, H, W); checked before a padding mode pads it. */
    static void requireImage(Tensor input, Tensor weight, int groups, LayerDescription layer) {
        if (input.dim() != 3 && input.dim() != 4) throw Conv2dErrors.rank(input, weight, groups, layer);
    }

    /** F.conv2d's symmetric padding: the rank, then stride, padding and dilation as pairs, then {@link #of}. */
    static Conv2dGeometry symmetric(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                    int groups) {
        requireImage(input, weight, 1, null);
        int[] s = Pair.of(stride, "stride");
        int[] p = Pair.of(padding, "padding");
        int[] d = Pair.of(dilation, "dilation");
        return of(input, weight, bias, s, new int[] {p[1], p[1], p[0], p[0]}, d, groups, null);
    }

    /**
     * Checks an input (C, H, W) or (N, C, H, W) (an unbatched one counts as N = 1) against a weight and
     * returns the geometry: the one place where conv2d's sizes are computed, for {@code F.conv2d} and for
     * the layer, whose messages then name it (layer null: the op's messages).
     *
     * @param stride   {sH, sW}
     * @param pads     {left, right, top, bottom} (F.pad's order)
     * @param dilation {dH, dW}
     */
    static Conv2dGeometry of(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] pads, int[] dilation,
                             int groups, LayerDescription layer) {
        requireImage(input, weight, groups, layer);
        ConvArguments.check(pads, stride, dilation, ConvArguments.Spelling.KEYWORD);
        int[] w = weight.shape();
        if (w.length != 4) {
            throw new ShapeError("Expected 4-dimensional weight for 4-dimensional input " + Shapes.str(input.shape())
                    + ", but got " + w.length + "-dimensional weight of size " + Shapes.str(w) + " instead",
                    "A conv2d weight is (out_channels, in_channels/groups, kH, kW).",
                    "pass a 4-D weight");
        }
        if (groups <= 0) {
            throw new ShapeError("non-positive groups is not supported",
                    "groups splits the channels into groups convolved separately; got " + groups + ".",
                    "use groups=1 or a positive divisor of both channel counts");
        }
        if (w[0] % groups != 0 || w[0] < groups) {
            throw new ShapeError("Given groups=" + groups + ", expected weight to be divisible by " + groups
                    + " at dimension 0, but got weight of size " + Shapes.str(w) + " instead",
                    "Each group needs the same number of output channels.",
                    "use a groups value that divides " + w[0]);
        }
        int[] x = input.dim() == 4 ? input.shape() : new int[] {1, input.size(0), input.size(1), input.size(2)};
        if (x[1] != w[1] * groups) throw Conv2dErrors.inputChannels(input, x, w, groups, layer);
        if (bias != null && (bias.dim() != 1 || bias.size(0) != w[0])) {
            throw new ShapeError("Given weight of size " + Shapes.str(w) + ", expected bias to be 1-dimensional with "
                    + w[0] + " elements, but got bias of size " + Shapes.str(bias.shape()) + " instead",
                    "There is one bias per output channel.",
                    "pass a bias of shape [" + w[0] + "], or no bias");
        }
        SlidingWindow rows = new SlidingWindow(x[2], pads[2], pads[3], w[2], stride[0], dilation[0]);
        SlidingWindow cols = new SlidingWindow(x[3], pads[0], pads[1], w[3], stride[1], dilation[1]);
        int paddedH = fits("the padded input height", rows.padded(), "padding", layer);
        int paddedW = fits("the padded input width", cols.padded(), "padding", layer);
        int spanH = fits("the dilated kernel height (dilation * (kH - 1) + 1)", rows.span(), "kernel_size and dilation", layer);
        int spanW = fits("the dilated kernel width (dilation * (kW - 1) + 1)", cols.span(), "kernel_size and dilation", layer);
        if (paddedH < spanH || paddedW < spanW) {
            throw Conv2dErrors.kernelLargerThanInput(x, w, dilation, paddedH, paddedW, spanH, spanW, layer);
        }
        int outH = (int) rows.outputs(false);
        int outW = (int) cols.outputs(false);
        try {
            Shapes.numel(x[0], w[0], outH, outW); // the output fits in one tensor
            // the fast kernel's unfolded input, (in_channels/groups * kH * kW) x (outH * outW), must fit as well
            Shapes.numel(w[1], w[2], w[3], outH, outW);
        } catch (ShapeError e) {
            throw Conv2dErrors.outputTooLarge(e, x, w, pads, paddedH, paddedW, outH, outW);
        }
        return new Conv2dGeometry(x[0], x[1], x[2], x[3], w[0], w[2], w[3], stride[0], stride[1],
                pads[2], pads[3], pads[0], pads[1], dilation[0], dilation[1], groups, outH, outW);
    }

    /** A size computed in 64 bits, refused beyond an int (settings: the arguments that make it, for a layer's fix). */
    private static int fits(String what, long value, String settings, LayerDescription layer) {
        if (value > Integer.MAX_VALUE) throw Conv2dErrors.tooLarge(what, value, settings, layer);
        return (int) value;
    }
}
