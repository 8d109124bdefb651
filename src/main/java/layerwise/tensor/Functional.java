package layerwise.tensor;

/**
 * The operations layers are made of, like {@code torch.nn.functional}: each op sits here once, with its
 * shape checks and PyTorch's error messages, and the layers in {@code layerwise.nn} call it.
 * Sizes given as {@code int[]} take one value (used for both dims) or two (height, width), as torch's
 * ints-or-pairs do.
 */
public final class Functional {
    private Functional() {
    }

    // ---------------------------------------------------------------- linear

    /**
     * y = x W^T + b for x of shape (*, in), W (out, in) and b (out) or null; y has shape (*, out).
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return linear(input, weight, bias, null);
    }

    /** F.linear run for a layer: the same op, with messages that name the layer and the layer that would fit. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias, LayerDescription layer) {
        Nulls.tensor(input, "linear", "input", 1);
        Nulls.tensor(weight, "linear", "weight", 2);
        if (weight.dim() != 2) {
            throw new ShapeError("linear expects a 2-D weight (out_features, in_features), got " + Shapes.str(weight.shape()),
                    "Row o of the weight holds the weights feeding output o.", "pass a weight of shape [out, in]");
        }
        int in = weight.size(1), out = weight.size(0);
        if (input.dim() == 0) {
            throw new ShapeError(TorchText.matmulZeroDim(0, 2),
                    layer == null ? "A linear map needs a vector of " + in + " features; the input is a single number."
                            : layer.describe() + " maps a vector of " + in + " features; the input is a single number (0-D).",
                    layer != null && in == 1 ? "pass x.reshape(1), a vector holding the one feature"
                            : "pass a tensor whose last dim is " + in + ", e.g. of shape [1, " + in + "]");
        }
        int last = input.size(-1);
        if (last != in) {
            int rows = 1;                                        // the leading dims, flattened as torch prints mat1
            for (int d = 0; d < input.dim() - 1; d++) rows *= input.size(d);
            if (layer == null) {
                throw new ShapeError(TorchText.matmulShapes(rows, last, in, out),
                        "The weight " + Shapes.str(weight.shape()) + " expects the last input dim to be " + in + ", got " + last + ".",
                        "pass an input whose last dim is " + in + ", or a weight of shape " + Shapes.str(out, last));
            }
            String expects = layer.describe() + " expects the last input dim to be " + in + ", got " + last
                    + " (input " + Shapes.str(input.shape()) + ").";
            // A malformed input (a column, an unflattened feature map, ...) is repaired, not the layer rebuilt.
            ShapeHints.Hint hint = ShapeHints.linear(input.shape(), in, layer.rebuiltFor(last));
            String fix;
            if (hint != null) {
                fix = hint.fix();
            } else if (last == 2 * in && BidirectionalOutputs.sizePerDirection(input) == in) {
                // A head sized for one direction of a bidirectional layer: reshaping would mix the two directions.
                fix = "build " + layer.rebuiltFor(last) + " for both directions, and do not reshape the input, which would"
                        + " mix them: it is a bidirectional layer's output, 2·" + in + " = " + last + " features, forward then"
                        + " reverse. For the final states take h_n's last two rows, Tensor.cat(List.of(hN.select(0, -2),"
                        + " hN.select(0, -1)), 1): output's last step holds the reverse direction after only one step.";
            } else {
                fix = "build " + layer.rebuiltFor(last) + ", or reshape the input so its last dim is " + in + ".";
            }
            throw new ShapeError(TorchText.matmulShapes(rows, last, in, out),
                    hint == null ? expects : expects + " " + hint.meaning(), fix);
        }
        return LinearGrad.linear(input, weight, bias);
    }

    // ---------------------------------------------------------------- conv2d

    /** conv2d with stride 1, no padding, dilation 1, one group. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        requireConvOperands(input, weight);
        return conv2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * torch.nn.functional.conv2d: input (N, C, H, W) or unbatched (C, H, W), weight (O, C/groups, kH, kW),
     * bias (O) or null, symmetric padding (padding[0] rows above and below, padding[1] columns left and right).
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                int[] dilation, int groups) {
        requireConvOperands(input, weight);
        return ConvGrad.conv2d(input, weight, bias, Conv2dGeometry.symmetric(input, weight, bias, stride, padding, dilation, groups));
    }

    /** conv2d with padding "valid" (none) or "same" (output size = input size; stride must be 1). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding,
                                int[] dilation, int groups) {
        requireConvOperands(input, weight);
        Conv2dGeometry.requireImage(input, weight, 1, null);
        int[] s = Pair.of(stride, "stride");
        int[] d = Pair.of(dilation, "dilation");
        if ("valid".equals(padding)) return conv2dPadded(input, weight, bias, s, new int[4], d, groups, null);
        if (!"same".equals(padding)) {
            throw new ShapeError(TorchText.invalidPaddingString(padding, "{'valid', 'same'}"),
                    "padding is a number of rows/columns, or one of the words 'valid' (no padding) and 'same'.",
                    "use padding \"same\" or \"valid\", or a number");
        }
        if (s[0] != 1 || s[1] != 1) {
            throw new ShapeError(TorchText.stridedSamePadding(),
                    "With stride > 1 the output can't have the input's size.",
                    "use stride 1 with padding \"same\", or give the padding as a number");
        }
        if (weight.dim() != 4) return conv2dPadded(input, weight, bias, s, new int[4], d, groups, null);
        return conv2dPadded(input, weight, bias, s, samePadding(weight.size(2), weight.size(3), d), d, groups, null);
    }

    /**
     * The padding='same' split for one dim: total = dilation*(kernel-1), before = total/2, after = the
     * rest, so an odd total puts the extra row at the bottom (or column at the right).
     */
    public static int[] samePadding(int kernelSize, int dilation) {
        int total = Shapes.checkedSize("padding='same' in total (dilation * (kernel_size - 1))",
                (long) dilation * (kernelSize - 1));
        return new int[] {total / 2, total - total / 2};
    }

    /** The padding='same' padding of a kH x kW kernel with dilation {dH, dW}, per side {left, right, top, bottom}. */
    public static int[] samePadding(int kernelH, int kernelW, int[] dilation) {
        int[] tb = samePadding(kernelH, dilation[0]);
        int[] lr = samePadding(kernelW, dilation[1]);
        return new int[] {lr[0], lr[1], tb[0], tb[1]};
    }

    /**
     * conv2d run for a layer, as PyTorch's {@code Conv2d._conv_forward}: padding per side in F.pad's order
     * {left, right, top, bottom} (so "same" with an even kernel can pad one more at the bottom/right), and a
     * padding mode: "zeros" pads inside the convolution; "reflect", "replicate" and "circular" pad the
     * input first with {@link #pad}. stride and dilation take one value or two (height, width); layer may
     * be null (the messages then name the weight instead).
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] sidePadding,
                                String paddingMode, int[] dilation, int groups, LayerDescription layer) {
        requireConvOperands(input, weight);
        if (sidePadding.length != 4) {
            throw new ShapeError("expected the padding of each side, {left, right, top, bottom}, but got "
                            + Shapes.str(sidePadding),
                    "This conv2d takes one padding per side of the image, in F.pad's order.",
                    "pass 4 values, e.g. new int[] {1, 1, 1, 1}, or use the overload with symmetric padding");
        }
        int[] s = Pair.of(stride, "stride");
        int[] d = Pair.of(dilation, "dilation");
        Conv2dGeometry.requireImage(input, weight, groups, layer);
        boolean zeros = "zeros".equals(paddingMode);
        Tensor x = zeros ? input : pad(input, sidePadding, paddingMode);
        return conv2dPadded(x, weight, bias, s, zeros ? sidePadding : new int[4], d, groups, layer);
    }

    /** pads = {left, right, top, bottom}, F.pad's order; layer names the layer in the messages, or null. */
    private static void requireConvOperands(Tensor input, Tensor weight) {
        Nulls.tensor(input, "conv2d", "input", 1);
        Nulls.tensor(weight, "conv2d", "weight", 2);
    }

    private static Tensor conv2dPadded(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] pads,
                                       int[] dilation, int groups, LayerDescription layer) {
        return ConvGrad.conv2d(input, weight, bias, Conv2dGeometry.of(input, weight, bias, stride, pads, dilation, groups, layer));
    }

    // ---------------------------------------------------------------- padding

    /** Zero padding; pad = {left, right} of the last dim, or {left, right, top, bottom} of the last two. */
    public static Tensor pad(Tensor input, int[] pad) {
        return pad(input, pad, "constant", 0f);
    }

    /** Padding with mode "constant" (zeros), "reflect", "replicate" or "circular". */
    public static Tensor pad(Tensor input, int[] pad, String mode) {
        return pad(input, pad, mode, 0f);
    }

    /** torch.nn.functional.pad for the last one or two dims; value is the fill of mode "constant". */
    public static Tensor pad(Tensor input, int[] pad, String mode, float value) {
        Nulls.tensor(input, "pad", "input", 1);
        PadKernels.Mode m = PadChecks.check(input, pad, mode);
        return PadGrad.pad(input, pad, m, value);
    }

    // ---------------------------------------------------------------- pooling

    /** max_pool2d with stride = kernel size and no padding. */
    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        return maxPool2d(input, new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, new int[] {1}, false);
    }

    /** torch.nn.functional.max_pool2d on (N, C, H, W) or (C, H, W). */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return pool(input, kernelSize, stride, padding, dilation, ceilMode, true, 0, true);
    }

    /**
     * max_pool2d(..., return_indices=True): {values, indices}, the indices being each maximum's flat
     * position r * W + c in its (H, W) input plane, as floats (exact below 2^24 = 16,777,216 positions).
     */
    public static Tensor[] maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
                                                int[] dilation, boolean ceilMode) {
        Nulls.tensor(input, "max_pool2d_with_indices", "input", 1);
        PoolKernels.Geometry g = PoolChecks.geometry(input, kernelSize, stride, padding, dilation, ceilMode);
        return PoolGrad.maxPoolWithIndices(input, g);
    }

    /** avg_pool2d with stride = kernel size and no padding. */
    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        return avgPool2d(input, new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, false, true);
    }

    /** torch.nn.functional.avg_pool2d on (N, C, H, W) or (C, H, W). */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return pool(input, kernelSize, stride, padding, new int[] {1}, ceilMode, countIncludePad, 0, false);
    }

    /**
     * avg_pool2d with divisor_override: every window's sum is divided by {@code divisorOverride} instead
     * of its size (count_include_pad then changes nothing).
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, int divisorOverride) {
        if (divisorOverride == 0) {
            throw new ValueError("divisor must be not zero",
                    "divisor_override replaces the window size as the divisor of each window's sum.",
                    "pass a divisor_override other than 0, or none for the window size");
        }
        return pool(input, kernelSize, stride, padding, new int[] {1}, ceilMode, countIncludePad, divisorOverride, false);
    }

    private static Tensor pool(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                               boolean ceilMode, boolean countIncludePad, int divisorOverride, boolean max) {
        Nulls.tensor(input, max ? "max_pool2d" : "avg_pool2d", "input", 1);
        PoolKernels.Geometry g = PoolChecks.geometry(input, kernelSize, stride, padding, dilation, ceilMode);
        return max ? PoolGrad.maxPool(input, g) : PoolGrad.avgPool(input, g, countIncludePad, divisorOverride);
    }

    // ---------------------------------------------------------------- activations and dropout

    public static Tensor relu(Tensor input) {
        Nulls.tensor(input, "relu", "input", 1);
        return input.relu();
    }

    /** max(0, x) + negativeSlope * min(0, x). */
    public static Tensor leakyRelu(Tensor input, float negativeSlope) {
        Nulls.tensor(input, "leaky_relu", "input", 1);
        return ElementwiseGrad.leakyRelu(input, negativeSlope);
    }

    /** F.softmax(input, dim): exp(x - max) / Σ exp(x - max) along dim, so each slice sums to 1 (see SoftmaxGrad). */
    public static Tensor softmax(Tensor input, int dim) {
        return SoftmaxGrad.softmax(Nulls.tensor(input, "softmax", "input", 1), dim);
    }

    /** F.log_softmax(input, dim): x - max - log Σ exp(x - max), more accurate than softmax(x).log(). */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return SoftmaxGrad.logSoftmax(Nulls.tensor(input, "log_softmax", "input", 1), dim);
    }

    /** A contiguous tensor of this shape over v; unlike Tensor.of, a 0-d shape stays 0-d. */
    private static Tensor shaped(float[] v, int[] shape) {
        return new Tensor(v, shape, Shapes.contiguousStrides(shape), 0);
    }

    /**
     * In training mode, zeroes each element with probability p (drawn from the seeded generator) and
     * scales the rest by 1/(1-p), so the expected value is unchanged; otherwise returns the input.
     * (The mask is not torch's bit stream: torch draws it with bernoulli_.)
     *
     * <p>As in PyTorch, it is the product {@code input · noise}, noise = 0 where dropped and 1/(1-p) where
     * kept (all 0 for p = 1), so its node is {@code MulBackward0} and dx = g · noise: the gradient flows
     * through the kept elements, scaled the same, with the very mask the forward drew (saved by the mul).
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        Nulls.tensor(input, "dropout", "input", 1);
        if (p < 0 || p > 1) {
            throw new ValueError(TorchText.dropoutProbability(String.valueOf(p)),
                    "p is the probability of zeroing each element.", "use a p between 0 and 1, e.g. 0.5");
        }
        if (!training || p == 0) return input;
        float[] noise = Storage.allocate(input.shape());
        if (p < 1) {
            float[] u = Tensor.rand(input.shape()).toFloatArray();
            float scale = (float) (1 / (1 - p));
            for (int i = 0; i < noise.length; i++) noise[i] = u[i] < p ? 0f : scale;
        }
        return input.mul(shaped(noise, input.shape()));
    }
}
