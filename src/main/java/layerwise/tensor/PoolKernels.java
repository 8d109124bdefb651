package layerwise.tensor;

/**
 * Max and average pooling over the last two dims of a batched (N, C, H, W) input, one window per output:
 * <pre>
 *   max: out[n,c,i,j] = max over u &lt; kH, v &lt; kW of x[n, c, i*sH - pH + u*dH, j*sW - pW + v*dW]
 *        (positions in the padding are skipped: the padding is -infinity)
 *   avg: out[n,c,i,j] = (sum of x over the window's positions inside the input) / divisor
 *        divisor = window area clipped to the padded input  (count_include_pad=True, torch's default)
 *                  or the number of positions inside the input (count_include_pad=False)
 * </pre>
 * One plain kernel each: pooling is memory-bound, a loop is as fast as anything cleverer here; the planes
 * are shared out among the kernel threads when there are enough of them.
 */
final class PoolKernels {
    private PoolKernels() {
    }

    /** Pooling sizes; outH/outW follow torch's pooling_output_shape, including ceil_mode. */
    record Geometry(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, int outH, int outW) {
    }

    static Tensor maxPool(Tensor x, Geometry g) {
        return maxPool(x, g, false)[0];
    }

    /**
     * max pooling that also returns where each maximum was, as torch's max_pool2d_with_indices: the flat
     * index r * W + c within the (H, W) plane. The first largest value wins, a NaN wins over everything
     * (the last NaN, as torch's loop keeps overwriting), and a window of -infinity points at its first
     * position inside the input. Returns {values, indices}; indices are floats, exact below 2^24.
     */
    static Tensor[] maxPoolWithIndices(Tensor x, Geometry g) {
        return maxPool(x, g, true);
    }

    /**
     * Both max poolings. Each output takes its window's taps in order (u, then v), keeping a value that is
     * larger, or NaN; the loops run one tap (u, v) at a time across a whole output row j, so the innermost
     * loop has no bounds to test and no branch on the data: {@code jFrom .. jTo} are the outputs whose tap
     * falls inside the input's columns.
     */
    private static Tensor[] maxPool(Tensor x, Geometry g, boolean withIndices) {
        int[] s = x.shape();
        int planes = s[0] * s[1], h = s[2], w = s[3];
        int outH = g.outH(), outW = g.outW();
        float[] in = x.isContiguous() ? x.storage : x.toFloatArray();
        int from = x.isContiguous() ? x.offset : 0;
        float[] out = Storage.allocate(s[0], s[1], outH, outW);
        float[] where = withIndices ? Storage.allocate(s[0], s[1], outH, outW) : null;
        int kH = g.kH(), kW = g.kW(), sH = g.sH(), sW = g.sW(), pH = g.pH(), pW = g.pW(), dH = g.dH(), dW = g.dW();
        overPlanes(planes, out.length, (first, last) -> {
            for (int plane = first; plane < last; plane++) {
                int base = from + plane * h * w;
                for (int i = 0; i < outH; i++) {
                    int at = (plane * outH + i) * outW;
                    int r0 = i * sH - pH;
                    java.util.Arrays.fill(out, at, at + outW, Float.NEGATIVE_INFINITY);
                    if (withIndices) {
                        int rFirst = r0 < 0 ? r0 + (-r0 + dH - 1) / dH * dH : r0;   // first tap inside
                        for (int j = 0; j < outW; j++) {
                            int c0 = j * sW - pW;
                            int cFirst = c0 < 0 ? c0 + (-c0 + dW - 1) / dW * dW : c0;
                            where[at + j] = rFirst * w + cFirst;
                        }
                    }
                    for (int u = 0; u < kH; u++) {
                        int r = r0 + u * dH;
                        if (r < 0 || r >= h) continue;
                        for (int v = 0; v < kW; v++) {
                            int shift = v * dW - pW;           // column c = j * sW + shift
                            int jFrom = Math.max(0, Math.floorDiv(-shift + sW - 1, sW));
                            int jTo = Math.min(outW, Math.floorDiv(w - 1 - shift, sW) + 1);
                            int row = base + r * w + shift;
                            if (withIndices) {
                                for (int j = jFrom; j < jTo; j++) {
                                    float val = in[row + j * sW], cur = out[at + j];
                                    boolean take = val > cur || val != val;   // larger, or NaN
                                    out[at + j] = take ? val : cur;
                                    where[at + j] = take ? r * w + j * sW + shift : where[at + j];
                                }
                            } else {
                                for (int j = jFrom; j < jTo; j++) {
                                    float val = in[row + j * sW], cur = out[at + j];
                                    out[at + j] = val > cur || val != val ? val : cur;
                                }
                            }
                        }
                    }
                }
            }
        });
        Tensor values = Tensor.wrap(out, s[0], s[1], outH, outW);
        return withIndices ? new Tensor[] {values, Tensor.wrap(where, s[0], s[1], outH, outW)} : new Tensor[] {values};
    }

    /**
     * Average pooling: each window's sum divided by the window's size (with or without the padded cells), or by
     * {@code divisorOverride} when it is not 0 (torch's divisor_override; 0 itself is refused before this).
     */
    static Tensor avgPool(Tensor x, Geometry g, boolean countIncludePad, int divisorOverride) {
        int[] s = x.shape();
        int planes = s[0] * s[1], h = s[2], w = s[3];
        float[] in = x.isContiguous() ? x.storage : x.toFloatArray();
        int from = x.isContiguous() ? x.offset : 0;
        float[] out = Storage.allocate(s[0], s[1], g.outH(), g.outW());
        overPlanes(planes, out.length, (first, last) -> {
            int at = first * g.outH() * g.outW();
            for (int plane = first; plane < last; plane++) {
                int base = from + plane * h * w;
                for (int i = 0; i < g.outH(); i++) {
                    int r0 = i * g.sH() - g.pH();
                    int r1 = Math.min(r0 + g.kH(), h + g.pH());
                    for (int j = 0; j < g.outW(); j++) {
                        int c0 = j * g.sW() - g.pW();
                        int c1 = Math.min(c0 + g.kW(), w + g.pW());
                        int paddedArea = (r1 - r0) * (c1 - c0);
                        int rFrom = Math.max(r0, 0), rTo = Math.min(r1, h);
                        int cFrom = Math.max(c0, 0), cTo = Math.min(c1, w);
                        float sum = 0f;
                        for (int r = rFrom; r < rTo; r++) {
                            for (int c = cFrom; c < cTo; c++) sum += in[base + r * w + c];
                        }
                        int divisor = divisorOverride != 0 ? divisorOverride
                                : countIncludePad ? paddedArea : (rTo - rFrom) * (cTo - cFrom);
                        out[at++] = sum / divisor;
                    }
                }
            }
        });
        return Tensor.wrap(out, s[0], s[1], g.outH(), g.outW());
    }

    /** Planes [first, last) of the input, each pooled on its own. */
    @FunctionalInterface
    interface PlaneRange {
        void run(int first, int last);
    }

    /**
     * Runs body over all planes: in blocks on the kernel threads when there are enough outputs to pay for
     * them (each plane's outputs are its own, so the results do not depend on the split), else on this thread.
     */
    static void overPlanes(int planes, long outputs, PlaneRange body) {
        int parts = outputs < (1 << 14) ? 1 : Math.min(Parallel.threads(), planes);
        Parallel.forEach(parts, t -> body.run((int) ((long) planes * t / parts), (int) ((long) planes * (t + 1) / parts)));
    }
}
