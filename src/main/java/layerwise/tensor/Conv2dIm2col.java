package layerwise.tensor;

import java.util.Arrays;

/**
 * Convolution as a matrix product. Every receptive field of one image and group becomes a column of a
 * matrix with Cg·kH·kW rows (one per weight of a filter, in the order c, u, v), so that
 * <pre>
 *   out[n, group's channels, positions] = bias + W_g (Og x Cg·kH·kW) @ cols (Cg·kH·kW x positions)
 * </pre>
 * runs on {@link Gemm}. The full cols matrix is kH·kW times the image (2.4 GB for 64 channels of
 * 1024x1024 and a 3x3 kernel), so it is built a few output rows at a time into a scratch buffer of at
 * most {@link #SCRATCH_FLOATS} floats (or one output row, if that is larger) per thread, reused from
 * chunk to chunk, sized to stay in the core's L2 cache. The chunks of all images are shared out over
 * the threads; each thread fills its chunk and multiplies it. Each group's filters are packed for the
 * matrix product once per call ({@link Gemm#packA}), not once per chunk.
 */
final class Conv2dIm2col {
    private Conv2dIm2col() {
    }

    /** Scratch per thread: 128 Ki floats = 512 KiB. */
    static final int SCRATCH_FLOATS = 1 << 17;

    /** A 1x1 convolution, stride 1, no padding: out = bias + W_g @ x_g, x read in place as (Cg x H·W). */
    static Tensor pointwise(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        Tensor xc = input.contiguous();
        Tensor wc = weight.contiguous();
        float[] out = Conv2dKernels.biasFilled(bias, g);
        int cg = g.groupInChannels(), og = g.groupOutChannels(), plane = g.outH() * g.outW();
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < g.groups(); group++) {
                int x0 = xc.offset + (n * g.inChannels() + group * cg) * plane;
                int o0 = (n * g.outChannels() + group * og) * plane;
                Gemm.gemm(og, plane, cg, wc.storage, wc.offset + group * og * cg, cg, 1,
                        xc.storage, x0, plane, 1, out, o0, plane, true);
            }
        }
        return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /** The general case: chunks of output rows, im2col into per-thread scratch, one product per chunk and group. */
    static Tensor im2col(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        Tensor xc = input.contiguous();
        Tensor wc = weight.contiguous();
        float[] out = Conv2dKernels.biasFilled(bias, g);
        int rows = g.groupInChannels() * g.kH() * g.kW();
        if (rows == 0 || out.length == 0) return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
        int outRowsPerChunk = Math.max(1, Math.min(g.outH(), SCRATCH_FLOATS / Math.max(1, rows * g.outW())));
        int chunksPerImage = (g.outH() + outRowsPerChunk - 1) / outRowsPerChunk;
        int chunks = g.batch() * chunksPerImage;
        long work = (long) out.length * rows;
        // Enough chunks: one thread per share of chunks, each product on its own thread. Few chunks: the
        // chunks in turn, each product split over the threads.
        int threads = work < Gemm.PARALLEL_WORK || chunks < 2 * Parallel.threads() ? 1 : Parallel.threads();
        boolean innerParallel = threads == 1 && work >= Gemm.PARALLEL_WORK;
        // Each group's filters, packed once for the products of all chunks (not once per chunk). A product
        // split over the threads packs its own shared copy instead (Gemm.gemm), so then none is made here.
        Gemm.PackedA[] filters = new Gemm.PackedA[g.groups()];
        for (int group = 0; group < g.groups() && !innerParallel; group++) {
            filters[group] = Gemm.packA(g.groupOutChannels(), rows, wc.storage, wc.offset + group * g.groupOutChannels() * rows, rows, 1);
        }
        Parallel.forEach(threads, t -> {
            float[] scratch = Storage.allocate(rows, outRowsPerChunk, g.outW());     // a ShapeError when it cannot fit
            for (int chunk = (int) ((long) chunks * t / threads); chunk < (long) chunks * (t + 1) / threads; chunk++) {
                int n = chunk / chunksPerImage;
                int i0 = chunk % chunksPerImage * outRowsPerChunk;
                int i1 = Math.min(g.outH(), i0 + outRowsPerChunk);
                for (int group = 0; group < g.groups(); group++) {
                    multiplyChunk(xc, wc, filters[group], g, n, group, i0, i1, scratch, out, innerParallel);
                }
            }
        });
        return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /** out[n, group's channels, rows i0..i1-1] += W_g @ cols, cols built for those output rows. */
    private static void multiplyChunk(Tensor x, Tensor w, Gemm.PackedA filters, Conv2dGeometry g, int n, int group, int i0, int i1,
                                      float[] scratch, float[] out, boolean parallel) {
        int cg = g.groupInChannels(), og = g.groupOutChannels();
        int rows = cg * g.kH() * g.kW();
        int cols = (i1 - i0) * g.outW();
        int plane = g.outH() * g.outW();
        fillColumns(x, g, n, group * cg, cg, i0, i1, scratch);
        int o0 = (n * g.outChannels() + group * og) * plane + i0 * g.outW();
        int w0 = w.offset + group * og * rows;
        if (parallel) {
            Gemm.gemm(og, cols, rows, w.storage, w0, rows, 1, scratch, 0, cols, 1, out, o0, plane, true);
        } else {
            Gemm.range(filters, cols, scratch, 0, cols, 1, out, o0, plane, true);
        }
    }

    /**
     * scratch[(c*kH + u)*kW + v][(i - i0)*outW + j] = xp[n, firstChannel + c, i*sH + u*dH, j*sW + v*dW]
     * for c &lt; channels and output rows i0..i1-1 (0 where that position falls in the padding). The
     * forward fills a group's channels; the backward ({@link Conv2dBackward}) a block of them.
     */
    static void fillColumns(Tensor x, Conv2dGeometry g, int n, int firstChannel, int channels, int i0, int i1, float[] scratch) {
        float[] xs = x.storage;
        int outW = g.outW(), inW = g.inW(), sW = g.sW();
        int cols = (i1 - i0) * outW;
        int r = 0;
        for (int c = 0; c < channels; c++) {
            int plane = x.offset + (n * g.inChannels() + firstChannel + c) * g.inH() * inW;
            for (int u = 0; u < g.kH(); u++) {
                for (int v = 0; v < g.kW(); v++, r++) {
                    int at = r * cols;
                    int col0 = v * g.dW() - g.padLeft();
                    // Output columns j whose input column col0 + j*sW lies inside 0..inW-1: jLo..jHi-1.
                    int jLo = g.firstInsideColumn(col0), jHi = g.endInsideColumn(col0);
                    for (int i = i0; i < i1; i++, at += outW) {
                        int row = i * g.sH() + u * g.dH() - g.padTop();
                        if (row < 0 || row >= g.inH()) {
                            Arrays.fill(scratch, at, at + outW, 0f);
                            continue;
                        }
                        int src = plane + row * inW + col0;
                        // The padding at either end is a value or two: a loop, not a call to Arrays.fill per row.
                        for (int j = 0; j < jLo; j++) scratch[at + j] = 0f;
                        if (jHi <= jLo) {
                            // no tap of this row lands inside the image (a kernel wider than the input)
                        } else if (sW == 1) {
                            System.arraycopy(xs, src + jLo, scratch, at + jLo, jHi - jLo);
                        } else {
                            for (int j = jLo; j < jHi; j++) scratch[at + j] = xs[src + j * sW];
                        }
                        for (int j = Math.max(jLo, jHi); j < outW; j++) scratch[at + j] = 0f;
                    }
                }
            }
        }
    }
}
