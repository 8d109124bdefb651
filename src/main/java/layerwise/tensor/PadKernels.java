package layerwise.tensor;

/**
 * Padding of the last one or two dims, like {@code torch.nn.functional.pad}. For an output position
 * {@code i} along a padded dim of size {@code n} with {@code before} new entries in front, the source
 * position is {@code p = i - before}, mapped into range by the mode:
 * <pre>
 *   constant : p outside [0, n)  -&gt;  the fill value
 *   reflect  : p &lt; 0 -&gt; -p ;  p &gt;= n -&gt; 2(n-1) - p     (mirror, edge not repeated; needs pad &lt; n)
 *   replicate: clamp(p, 0, n-1)                            (edge value repeated)
 *   circular : p mod n                                     (wrap around; needs pad &lt;= n)
 * </pre>
 * One kernel only: padding is a copy, there is nothing faster to teach beside it.
 */
final class PadKernels {
    private PadKernels() {
    }

    enum Mode { CONSTANT, REFLECT, REPLICATE, CIRCULAR }

    /**
     * Pads x (already checked) by {left, right} or {left, right, top, bottom}, torch's order: the
     * last dim first.
     */
    static Tensor pad(Tensor x, int[] pad, Mode mode, float value) {
        int[] shape = x.shape();
        int rank = shape.length;
        int w = shape[rank - 1];
        int h = pad.length == 4 ? shape[rank - 2] : 1;
        int left = pad[0], right = pad[1];
        int top = pad.length == 4 ? pad[2] : 0, bottom = pad.length == 4 ? pad[3] : 0;
        int outH = h + top + bottom, outW = w + left + right;
        int planes = countPlanes(shape, pad.length / 2);
        int[] outShape = shape.clone();
        outShape[rank - 1] = outW;
        if (pad.length == 4) outShape[rank - 2] = outH;
        float[] src = x.toFloatArray();
        float[] out = Storage.allocate(outShape);
        int at = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < outH; i++) {
                int r = source(i - top, h, mode);
                for (int j = 0; j < outW; j++) {
                    int c = source(j - left, w, mode);
                    out[at++] = r < 0 || c < 0 ? value : src[base + r * w + c];
                }
            }
        }
        return Tensor.of(out, outShape);
    }

    /** The source index for padded position p (p = i - before) in a dim of size n; -1 means "fill value". */
    static int source(int p, int n, Mode mode) {
        if (p >= 0 && p < n) return p;
        switch (mode) {
            case REFLECT:
                return p < 0 ? -p : 2 * (n - 1) - p;
            case REPLICATE:
                return p < 0 ? 0 : n - 1;
            case CIRCULAR:
                return Math.floorMod(p, n);
            default:
                return -1;
        }
    }

    /** The product of the dims that are not padded. */
    private static int countPlanes(int[] shape, int paddedDims) {
        int planes = 1;
        for (int d = 0; d < shape.length - paddedDims; d++) planes *= shape[d];
        return planes;
    }
}
