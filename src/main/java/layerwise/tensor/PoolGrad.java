package layerwise.tensor;

/**
 * max_pool2d and avg_pool2d with their derivatives. An output of a max pool is one input element (its
 * window's largest), an output of an average pool is a window's sum over a divisor, so with g = dL/dout:
 * <pre>
 *   max:  dx[n, c, argmax(i, j)] += g[n, c, i, j]                         (MaxPool2DWithIndicesBackward0)
 *   avg:  dx[n, c, r, col]       += g[n, c, i, j] / divisor(i, j)  for each (r, col) of window (i, j)
 *                                                  inside the input      (AvgPool2DBackward0)
 * </pre>
 * "+=" because windows overlap when the stride is smaller than the window: an element then collects from
 * every window it is part of (the max of several, or in several averages). Padding positions are not
 * inputs and get nothing. The argmax is the one the forward returns as indices (the first of a tie), and
 * those indices, integers, carry no gradient themselves. An unbatched input (C, H, W) is pooled as it is,
 * with the same node, as PyTorch does.
 */
final class PoolGrad {
    private PoolGrad() {
    }

    /** max_pool2d: without grad the maxima only; recorded, the indices are kept for the backward. */
    static Tensor maxPool(Tensor input, PoolKernels.Geometry geo) {
        if (!Autograd.recording(input)) return sameRank(PoolKernels.maxPool(batched(input), geo), input);
        return maxPoolWithIndices(input, geo)[0];
    }

    /** max_pool2d(..., return_indices=True): {values, indices}; only the values are recorded. */
    static Tensor[] maxPoolWithIndices(Tensor input, PoolKernels.Geometry geo) {
        Tensor[] r = PoolKernels.maxPoolWithIndices(batched(input), geo);
        Tensor values = sameRank(r[0], input), indices = sameRank(r[1], input);
        Tensor recorded = Autograd.op("MaxPool2DWithIndicesBackward0", () -> values,
                (g, out) -> new Tensor[] {maxPoolBackward(g, indices, input.dims)}, new Tensor[] {input}, input, indices);
        return new Tensor[] {recorded, indices};
    }

    /** dx[plane, indices[plane, k]] += g[plane, k] for every output k of every (H, W) plane. */
    static Tensor maxPoolBackward(Tensor g, Tensor indices, int[] inputShape) {
        float[] gv = g.toFloatArray(), where = indices.toFloatArray();
        float[] dx = Storage.allocate(inputShape);
        int r = inputShape.length;
        int inPlane = inputShape[r - 2] * inputShape[r - 1];
        int outPlane = g.dims[r - 2] * g.dims[r - 1];
        for (int plane = 0; plane < (outPlane == 0 ? 0 : gv.length / outPlane); plane++) {
            for (int k = plane * outPlane; k < (plane + 1) * outPlane; k++) {
                dx[plane * inPlane + (int) where[k]] += gv[k];
            }
        }
        return Tensor.wrap(dx, inputShape.clone());
    }

    /** avg_pool2d (divisorOverride 0: none), recorded when the input requires grad. */
    static Tensor avgPool(Tensor input, PoolKernels.Geometry geo, boolean countIncludePad, int divisorOverride) {
        return Autograd.op("AvgPool2DBackward0",
                () -> sameRank(PoolKernels.avgPool(batched(input), geo, countIncludePad, divisorOverride), input),
                (g, out) -> new Tensor[] {avgPoolBackward(g, input.dims, geo, countIncludePad, divisorOverride)},
                new Tensor[] {input}, input);
    }

    /**
     * Each output's g / divisor added to every input position of its window, the window and divisor
     * computed as {@link PoolKernels#avgPool} computes them.
     */
    static Tensor avgPoolBackward(Tensor g, int[] inputShape, PoolKernels.Geometry geo, boolean countIncludePad,
                                  int divisorOverride) {
        float[] gv = g.toFloatArray();
        float[] dx = Storage.allocate(inputShape);
        int rank = inputShape.length, h = inputShape[rank - 2], w = inputShape[rank - 1];
        int planes = h * w == 0 ? 0 : dx.length / (h * w);
        int at = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < geo.outH(); i++) {
                int r0 = i * geo.sH() - geo.pH();
                int r1 = Math.min(r0 + geo.kH(), h + geo.pH());
                for (int j = 0; j < geo.outW(); j++) {
                    int c0 = j * geo.sW() - geo.pW();
                    int c1 = Math.min(c0 + geo.kW(), w + geo.pW());
                    int rFrom = Math.max(r0, 0), rTo = Math.min(r1, h);
                    int cFrom = Math.max(c0, 0), cTo = Math.min(c1, w);
                    int divisor = divisorOverride != 0 ? divisorOverride
                            : countIncludePad ? (r1 - r0) * (c1 - c0) : (rTo - rFrom) * (cTo - cFrom);
                    float share = gv[at++] / divisor;
                    for (int r = rFrom; r < rTo; r++) {
                        for (int c = cFrom; c < cTo; c++) dx[base + r * w + c] += share;
                    }
                }
            }
        }
        return Tensor.wrap(dx, inputShape.clone());
    }

    /** The input as (N, C, H, W), the kernels' layout: an unbatched one as a batch of one (a view). */
    private static Tensor batched(Tensor input) {
        return input.dims.length == 4 ? input : Views.unsqueeze(input, 0);
    }

    /** A kernel's fresh (N, C, outH, outW) result, as (C, outH, outW) when the input was unbatched (no view). */
    private static Tensor sameRank(Tensor result, Tensor input) {
        if (input.dims.length == 4) return result;
        return Tensor.wrap(result.storage, java.util.Arrays.copyOfRange(result.dims, 1, 4));
    }
}
