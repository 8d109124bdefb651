package layerwise.tensor;

/**
 * Every size a 2-D convolution needs, checked once before any loop runs, in PyTorch's order and with its
 * messages. Padding is given per side (left, right, top, bottom, F.pad's order) so that {@code padding='same'} with an
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
        return col0 >= 0 ? 0 : Math.min(outW, (-col0 + sW - 1) / sW);
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

    /**
     * Checks a batched 4-D input against a 4-D weight and returns the geometry.
     *
     * @param pads {left, right, top, bottom} (F.pad's order), each &gt;= 0
     */
    static Conv2dGeometry of(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] pads, int[] dilation,
                             int groups) {
        for (int p : pads) {
            if (p < 0) {
                throw new ShapeError(TorchText.negativePadding(),
                        "Padding adds rows and columns around the input; it can't remove them.",
                        "use padding=0 or more (to crop the input, use narrow or slice first)");
            }
        }
        if (stride[0] <= 0 || stride[1] <= 0) {
            throw new ShapeError(TorchText.nonPositiveStride(),
                    "The stride is how far the kernel moves between outputs; got (" + stride[0] + ", " + stride[1] + ").",
                    "use stride=1 (every position) or more");
        }
        if (dilation[0] <= 0 || dilation[1] <= 0) {
            throw new ShapeError(TorchText.convDilation(dilation[0], dilation[1]),
                    "The dilation is the gap between kernel taps; 1 means adjacent taps.",
                    "use dilation=1 or more");
        }
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
        int[] x = input.shape();
        if (x[1] != w[1] * groups) {
            throw new ShapeError(TorchText.convInputChannels(groups, w, x, w[1] * groups),
                    "The weight was made for " + (w[1] * groups) + " input channels; this input has " + x[1] + ".",
                    "pass an input with " + (w[1] * groups) + " channels, or a weight of shape "
                            + Shapes.str(w[0], x[1] / Math.max(groups, 1), w[2], w[3]));
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != w[0])) {
            throw new ShapeError("Given weight of size " + Shapes.str(w) + ", expected bias to be 1-dimensional with "
                    + w[0] + " elements, but got bias of size " + Shapes.str(bias.shape()) + " instead",
                    "There is one bias per output channel.",
                    "pass a bias of shape [" + w[0] + "], or no bias");
        }
        // In long, then checked: padding 2^30 or dilation 2e9 must not wrap around to a negative size.
        int paddedH = Shapes.checkedSize("the padded input height", (long) x[2] + pads[2] + pads[3]);
        int paddedW = Shapes.checkedSize("the padded input width", (long) x[3] + pads[0] + pads[1]);
        int effKH = Shapes.checkedSize("the dilated kernel height (dilation * (kH - 1) + 1)",
                (long) dilation[0] * (w[2] - 1) + 1);
        int effKW = Shapes.checkedSize("the dilated kernel width (dilation * (kW - 1) + 1)",
                (long) dilation[1] * (w[3] - 1) + 1);
        if (paddedH < effKH || paddedW < effKW) {
            throw new ShapeError(TorchText.kernelLargerThanInput(paddedH, paddedW, effKH, effKW),
                    "The (dilated) kernel spans " + effKH + " x " + effKW + " pixels but the padded input is only "
                            + paddedH + " x " + paddedW + ", so there is no position to put it.",
                    "pass a larger input, more padding, or a smaller kernel_size or dilation");
        }
        int outH = (paddedH - effKH) / stride[0] + 1;
        int outW = (paddedW - effKW) / stride[1] + 1;
        try {
            Shapes.numel(x[0], w[0], outH, outW); // the output fits in one tensor
            // the fast kernel's unfolded input, (in_channels/groups * kH * kW) x (outH * outW), must fit as well
            Shapes.numel(w[1], w[2], w[3], outH, outW);
        } catch (ShapeError e) {
            if (outH <= x[2] && outW <= x[3]) throw e;
            // Only padding makes a conv's output larger than its input: it is the size to name, not the batch.
            throw new ShapeError(e.torchMessage(), "The padding (left " + pads[0] + ", right " + pads[1] + ", top " + pads[2]
                    + ", bottom " + pads[3] + ") grows the " + x[2] + " x " + x[3] + " input to " + paddedH + " x " + paddedW
                    + ", so the output is " + outH + " x " + outW + " per channel: " + e.explanation(),
                    "padding adds that many zeros on each side, so it is about the kernel's size, not the image's: "
                            + "padding=" + (w[2] - 1) / 2 + " keeps " + x[2] + " x " + x[3] + " for this kernel (with stride 1), "
                            + "padding=0 shrinks it by the kernel size minus 1");
        }
        return new Conv2dGeometry(x[0], x[1], x[2], x[3], w[0], w[2], w[3], stride[0], stride[1],
                pads[2], pads[3], pads[0], pads[1], dilation[0], dilation[1], groups, outH, outW);
    }
}
