package layerwise.tensor;

/**
 * F.conv2d with its derivative, PyTorch's {@code ConvolutionBackward0}. Each output is a sum of products
 * W[o,c,u,v]·x[n, ch, row, col] plus b[o], so each of the three gets, from g = dL/dout, the sum of g times
 * what it was multiplied by:
 * <pre>
 *   dx[n, ch, row, col] = Σ g[n,o,i,j] · W[o,c,u,v]     over the (o, i, j, u, v) whose tap read (row, col)
 *   dW[o, c, u, v]      = Σ g[n,o,i,j] · x[n, ch, row, col]   over n, i, j   (row = i·sH − padTop + u·dH, ...)
 *   db[o]               = Σ g[n,o,i,j]                         over n, i, j
 * </pre>
 * (the loops and the matrix products that compute them: {@link Conv2dBackward}). dW has W's shape
 * because each weight is one sum, over every position the filter visited. Padding is part of the
 * geometry (asymmetric for {@code padding='same'} with an even kernel), so its taps, which read zeros,
 * send nothing back to x; a layer's reflect, replicate or circular padding is an op of its own before
 * this one ({@link PadGrad}), whose backward carries dx on to the unpadded input. (PyTorch 1.13 zero-pads
 * the input of an even kernel's 'same' with F.pad first, so there the convolution's input comes from a
 * {@code ConstantPadNdBackward0}; here that padding stays inside the convolution, without the copy. The
 * gradients are the same.)
 *
 * <p>An unbatched input (C, H, W) is convolved as PyTorch does it, {@code unsqueeze(0)}, the convolution,
 * {@code squeeze(0)}: its grad_fn is then {@code SqueezeBackward1}, whose input is the convolution.
 */
final class ConvGrad {
    private ConvGrad() {
    }

    /** conv2d of an input that {@link Conv2dGeometry} has checked, recorded when an operand requires grad. */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry geo) {
        if (input.dims.length == 3 && Autograd.recording(input, weight, bias)) {
            return conv2d(input.unsqueeze(0), weight, bias, geo).squeeze(0);
        }
        return Autograd.op("ConvolutionBackward0", () -> Kernels.conv2d(input, weight, bias, geo),
                (g, out) -> Kernels.conv2dBackward(g, input, weight, geo, input.requiresGrad, weight.requiresGrad,
                        bias != null && bias.requiresGrad),
                new Tensor[] {input, weight, bias}, input, weight);
    }
}
