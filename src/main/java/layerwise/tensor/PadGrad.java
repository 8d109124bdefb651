package layerwise.tensor;

/**
 * F.pad with its derivative. Each output position (i, j) is a copy of one input position, the source
 * {@link PadKernels#source} maps it to, or the fill value (constant mode, no source). So with g = dL/dout:
 * <pre>
 *   dx[..., source(i − top), source(j − left)] += g[..., i, j]       over every output position with a source
 * </pre>
 * In constant mode that is the interior of g (the fill is not an input); reflect, replicate and circular
 * also add the gradient of each copied border back onto the element it was copied from, so an edge
 * element of a replicate pad collects from every copy of itself.
 *
 * <p>Node names are PyTorch 1.13's: {@code ConstantPadNdBackward0}, {@code ReflectionPad1DBackward0} /
 * {@code ReflectionPad2DBackward0}, {@code ReplicationPad1DBackward0} / {@code ReplicationPad2DBackward0}
 * (one or two padded dims), and {@code CopySlices} for circular, which 1.13 builds by copying slices of
 * the input into an empty tensor.
 */
final class PadGrad {
    private PadGrad() {
    }

    static Tensor pad(Tensor x, int[] pad, PadKernels.Mode mode, float value) {
        String dims = pad.length == 2 ? "1D" : "2D";
        String name = switch (mode) {
            case CONSTANT -> "ConstantPadNdBackward0";
            case REFLECT -> "ReflectionPad" + dims + "Backward0";
            case REPLICATE -> "ReplicationPad" + dims + "Backward0";
            case CIRCULAR -> "CopySlices";
        };
        // Like PyTorch, the reflection and replication nodes keep the input (an in-place change to it is refused).
        Tensor[] saved = mode == PadKernels.Mode.REFLECT || mode == PadKernels.Mode.REPLICATE ? new Tensor[] {x} : new Tensor[0];
        return Autograd.op(name, () -> PadKernels.pad(x, pad, mode, value),
                (g, out) -> new Tensor[] {backward(g, x.dims, pad, mode)}, new Tensor[] {x}, saved);
    }

    /** The sum above, plane by plane (a plane: one (H, W), or one row for a 1-D pad). */
    static Tensor backward(Tensor g, int[] inputShape, int[] pad, PadKernels.Mode mode) {
        int rank = inputShape.length;
        int w = inputShape[rank - 1];
        int h = pad.length == 4 ? inputShape[rank - 2] : 1;
        int left = pad[0], top = pad.length == 4 ? pad[2] : 0;
        int outW = g.dims[rank - 1];
        int outH = pad.length == 4 ? g.dims[rank - 2] : 1;
        float[] gv = g.toFloatArray();
        float[] dx = Storage.allocate(inputShape);
        int planes = h * w == 0 ? 0 : dx.length / (h * w);
        int at = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < outH; i++) {
                int r = PadKernels.source(i - top, h, mode);
                for (int j = 0; j < outW; j++, at++) {
                    int c = PadKernels.source(j - left, w, mode);
                    if (r >= 0 && c >= 0) dx[base + r * w + c] += gv[at];
                }
            }
        }
        return Tensor.wrap(dx, inputShape.clone());
    }
}
