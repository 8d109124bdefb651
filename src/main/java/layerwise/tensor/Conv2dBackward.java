package layerwise.tensor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two kernels of conv2d's backward pass that {@link Kernels} chooses between. The forward
 * ({@link Conv2dKernels}) is out[n,o,i,j] = b[o] + Σ W[o,c,u,v]·xp[n, g·Cg + c, i·sH + u·dH, j·sW + v·dW]
 * (xp: x with its padding); each input element reached the outputs through those taps, so with
 * g = dL/dout and row = i·sH − padTop + u·dH, col = j·sW − padLeft + v·dW:
 * <pre>
 *   dx[n, g·Cg + c, row, col] = Σ over o in group g, u, v (and the i, j they meet) of  g[n,o,i,j] · W[o,c,u,v]
 *   dW[o, c, u, v]            = Σ over n, i, j  of  g[n,o,i,j] · xp[n, g·Cg + c, row, col]
 *   db[o]                     = Σ over n, i, j  of  g[n,o,i,j]
 * </pre>
 * A padding tap reads no input, so it sends no gradient to x; to W it adds g·0.
 *
 * <p>{@link #loops} computes each sum one result element at a time, as written. {@link #fast} runs the two
 * big ones on the GEMM, as the forward's im2col does, per image and per few output rows (a "chunk"):
 * <pre>
 *   dW_g  += g_chunk (Og x positions) · cols_chunkᵀ (positions x Cg·kH·kW)     cols = im2col of x, as the forward builds it
 *   dcols  = W_gᵀ (Cg·kH·kW x Og) · g_chunk (Og x positions);  dx += col2im(dcols)
 * </pre>
 * col2im ({@link #addColumns}) is im2col's adjoint: each entry of dcols goes back, added, to the input
 * position its im2col entry was copied from. The work is shared out in parts that own their results (a
 * block of dW's columns; an image, or a block of its channels, of dx), so no two threads write one
 * element and the sums do not depend on the number of threads.
 *
 * <p>Order of the sums: dW's fast kernel adds each element's products in the loops' order (n, i, j),
 * with SIMD each as one fused multiply-add, so it equals the loops bit for bit without SIMD; dx's adds
 * its products grouped differently (first over o, in the product, then over the taps), so the two agree
 * within the rounding bound of the sum; db is the same loop in both.
 */
final class Conv2dBackward {
    private Conv2dBackward() {
    }

    // ---------------------------------------------------------------- the loops

    /** The teaching kernel: {dx, dW, db}, each null when not asked for; g is dL/dout (N, O, outH, outW). */
    static Tensor[] loops(Tensor g, Tensor x, Tensor w, Conv2dGeometry geo, boolean needX, boolean needW, boolean needB) {
        float[] gv = g.toFloatArray();
        return new Tensor[] {
            needX ? inputGradLoops(gv, w.toFloatArray(), geo) : null,
            needW ? weightGradLoops(gv, x.toFloatArray(), geo) : null,
            needB ? biasGrad(gv, 0, geo) : null};
    }

    /**
     * dx[n, ch, h, wc]: the taps that read input (h, wc) are those with h = i·sH − padTop + u·dH, that is
     * i = (h + padTop − u·dH) / sH when that divides evenly and lands on an output row (the same for columns).
     */
    private static Tensor inputGradLoops(float[] g, float[] w, Conv2dGeometry geo) {
        int cg = geo.groupInChannels(), og = geo.groupOutChannels();
        int outH = geo.outH(), outW = geo.outW();
        float[] dx = Storage.allocate(geo.batch(), geo.inChannels(), geo.inH(), geo.inW());
        int at = 0;
        for (int n = 0; n < geo.batch(); n++) {
            for (int ch = 0; ch < geo.inChannels(); ch++) {
                int group = ch / cg, c = ch % cg;
                for (int h = 0; h < geo.inH(); h++) {
                    for (int wc = 0; wc < geo.inW(); wc++) {
                        float sum = 0f;
                        for (int o = group * og; o < (group + 1) * og; o++) {
                            for (int u = 0; u < geo.kH(); u++) {
                                int ih = h + geo.padTop() - u * geo.dH();
                                if (ih < 0 || ih % geo.sH() != 0 || ih / geo.sH() >= outH) continue;
                                int i = ih / geo.sH();
                                for (int v = 0; v < geo.kW(); v++) {
                                    int jw = wc + geo.padLeft() - v * geo.dW();
                                    if (jw < 0 || jw % geo.sW() != 0 || jw / geo.sW() >= outW) continue;
                                    int j = jw / geo.sW();
                                    sum += g[((n * geo.outChannels() + o) * outH + i) * outW + j]
                                            * w[((o * cg + c) * geo.kH() + u) * geo.kW() + v];
                                }
                            }
                        }
                        dx[at++] = sum;
                    }
                }
            }
        }
        return Tensor.wrap(dx, geo.batch(), geo.inChannels(), geo.inH(), geo.inW());
    }

    /** dW[o, c, u, v]: every output of channel o, in the order n, i, j, times the input its tap (u, v) read. */
    private static Tensor weightGradLoops(float[] g, float[] x, Conv2dGeometry geo) {
        int cg = geo.groupInChannels(), og = geo.groupOutChannels();
        float[] dw = Storage.allocate(geo.outChannels(), cg, geo.kH(), geo.kW());
        int at = 0;
        for (int o = 0; o < geo.outChannels(); o++) {
            for (int c = 0; c < cg; c++) {
                int ch = o / og * cg + c;
                for (int u = 0; u < geo.kH(); u++) {
                    for (int v = 0; v < geo.kW(); v++) {
                        float sum = 0f;
                        for (int n = 0; n < geo.batch(); n++) {
                            for (int i = 0; i < geo.outH(); i++) {
                                int row = i * geo.sH() + u * geo.dH() - geo.padTop();
                                if (row < 0 || row >= geo.inH()) continue;
                                for (int j = 0; j < geo.outW(); j++) {
                                    int col = j * geo.sW() + v * geo.dW() - geo.padLeft();
                                    if (col < 0 || col >= geo.inW()) continue;
                                    sum += g[((n * geo.outChannels() + o) * geo.outH() + i) * geo.outW() + j]
                                            * x[((n * geo.inChannels() + ch) * geo.inH() + row) * geo.inW() + col];
                                }
                            }
                        }
                        dw[at++] = sum;
                    }
                }
            }
        }
        return Tensor.wrap(dw, geo.outChannels(), cg, geo.kH(), geo.kW());
    }

    /** db[o] = Σ g[n, o, i, j] in the order n, i, j (g contiguous from gOff); memory-bound, so both kernels use this loop. */
    private static Tensor biasGrad(float[] g, int gOff, Conv2dGeometry geo) {
        int plane = geo.outH() * geo.outW();
        float[] db = Storage.allocate(geo.outChannels());
        for (int o = 0; o < geo.outChannels(); o++) {
            float sum = 0f;
            for (int n = 0; n < geo.batch(); n++) {
                int base = gOff + (n * geo.outChannels() + o) * plane;
                for (int p = 0; p < plane; p++) sum += g[base + p];
            }
            db[o] = sum;
        }
        return Tensor.wrap(db, geo.outChannels());
    }

    // ---------------------------------------------------------------- the GEMM

    /** The fast kernel: dW and dx as matrix products over im2col chunks (see the class comment). */
    static Tensor[] fast(Tensor g, Tensor x, Tensor w, Conv2dGeometry geo, boolean needX, boolean needW, boolean needB) {
        Tensor gc = g.contiguous();
        return new Tensor[] {
            needX ? inputGrad(gc, w.contiguous(), geo) : null,
            needW ? weightGrad(gc, x.contiguous(), geo) : null,
            needB ? biasGrad(gc.storage, gc.offset, geo) : null};
    }

    /** Output rows per chunk: as many as keep the chunk's im2col matrix within the forward's scratch size. */
    private static int rowsPerChunk(Conv2dGeometry geo) {
        int rows = geo.groupInChannels() * geo.kH() * geo.kW();
        return Math.max(1, Math.min(geo.outH(), Conv2dIm2col.SCRATCH_FLOATS / Math.max(1, rows * geo.outW())));
    }

    /** How many blocks to cut each of `already` parts into so that there are `wanted` parts: between 1 and `of`. */
    private static int blocks(int wanted, int already, int of) {
        return Math.max(1, Math.min(of, (wanted + already - 1) / already));
    }

    /**
     * dW: each part owns the columns of dW of a block of input channels (and, when there are too few of
     * those to keep every thread busy, a block of output channels) in one group, and adds into them, for
     * every image and chunk in turn, g_chunk · cols_chunkᵀ, the cols built for its channels only.
     */
    private static Tensor weightGrad(Tensor g, Tensor x, Conv2dGeometry geo) {
        int cg = geo.groupInChannels(), og = geo.groupOutChannels(), kk = geo.kH() * geo.kW(), rows = cg * kk;
        int plane = geo.outH() * geo.outW(), outW = geo.outW();
        float[] dw = Storage.allocate(geo.outChannels(), cg, geo.kH(), geo.kW());
        Tensor result = Tensor.wrap(dw, geo.outChannels(), cg, geo.kH(), geo.kW());
        if (dw.length == 0 || geo.batch() == 0) return result;
        int perChunk = rowsPerChunk(geo);
        long work = (long) geo.batch() * geo.outChannels() * plane * rows;
        int threads = work < Gemm.PARALLEL_WORK ? 1 : Parallel.threads();
        int wanted = threads == 1 ? 1 : 2 * threads;
        int cBlocks = blocks(wanted, geo.groups(), cg);
        int oBlocks = blocks(wanted, geo.groups() * cBlocks, og);
        int parts = geo.groups() * cBlocks * oBlocks;
        AtomicInteger next = new AtomicInteger();
        Parallel.forEach(Math.min(threads, parts), t -> {
            float[] scratch = Storage.allocate((cg + cBlocks - 1) / cBlocks * kk, perChunk, outW);
            for (int part = next.getAndIncrement(); part < parts; part = next.getAndIncrement()) {
                int group = part / (cBlocks * oBlocks), cb = part / oBlocks % cBlocks, ob = part % oBlocks;
                int c0 = cg * cb / cBlocks, c1 = cg * (cb + 1) / cBlocks;
                int o0 = group * og + og * ob / oBlocks, o1 = group * og + og * (ob + 1) / oBlocks;
                for (int n = 0; n < geo.batch(); n++) {
                    for (int i0 = 0; i0 < geo.outH(); i0 += perChunk) {
                        int i1 = Math.min(geo.outH(), i0 + perChunk), cols = (i1 - i0) * outW;
                        Conv2dIm2col.fillColumns(x, geo, n, group * cg + c0, c1 - c0, i0, i1, scratch);
                        // dW[o0..o1, c0·kk..c1·kk] += g[n, o0..o1, chunk] (positions contiguous) · scratchᵀ
                        Gemm.range(o1 - o0, (c1 - c0) * kk, cols,
                                g.storage, g.offset + (n * geo.outChannels() + o0) * plane + i0 * outW, plane, 1,
                                scratch, 0, 1, cols,
                                dw, o0 * rows + c0 * kk, rows, true);
                    }
                }
            }
        });
        return result;
    }

    /**
     * dx: each part owns one image, or a block of its channels when there are fewer images than about two
     * per thread; for each chunk and group it computes dcols = W_gᵀ · g_chunk for its channels' rows and
     * adds them back into dx (col2im). Each group's Wᵀ blocks are packed once for all parts.
     */
    private static Tensor inputGrad(Tensor g, Tensor w, Conv2dGeometry geo) {
        int cg = geo.groupInChannels(), og = geo.groupOutChannels(), kk = geo.kH() * geo.kW(), rows = cg * kk;
        int plane = geo.outH() * geo.outW(), outW = geo.outW();
        float[] dx = Storage.allocate(geo.batch(), geo.inChannels(), geo.inH(), geo.inW());
        Tensor result = Tensor.wrap(dx, geo.batch(), geo.inChannels(), geo.inH(), geo.inW());
        if (dx.length == 0) return result;
        int perChunk = rowsPerChunk(geo);
        long work = (long) geo.batch() * geo.outChannels() * plane * rows;
        int threads = work < Gemm.PARALLEL_WORK ? 1 : Parallel.threads();
        int cBlocks = threads == 1 ? 1 : blocks(2 * threads, geo.batch(), cg);
        int parts = geo.batch() * cBlocks;
        // A[r][o] = W[group·Og + o][c0·kk + r]: Wᵀ, read through its strides, packed once per group and block.
        Gemm.PackedA[][] wT = new Gemm.PackedA[geo.groups()][cBlocks];
        for (int group = 0; group < geo.groups(); group++) {
            for (int cb = 0; cb < cBlocks; cb++) {
                int c0 = cg * cb / cBlocks, c1 = cg * (cb + 1) / cBlocks;
                wT[group][cb] = Gemm.packA((c1 - c0) * kk, og, w.storage, w.offset + group * og * rows + c0 * kk, 1, rows);
            }
        }
        AtomicInteger next = new AtomicInteger();
        Parallel.forEach(Math.min(threads, parts), t -> {
            float[] scratch = Storage.allocate((cg + cBlocks - 1) / cBlocks * kk, perChunk, outW);
            for (int part = next.getAndIncrement(); part < parts; part = next.getAndIncrement()) {
                int n = part / cBlocks, cb = part % cBlocks;
                int c0 = cg * cb / cBlocks, c1 = cg * (cb + 1) / cBlocks;
                for (int i0 = 0; i0 < geo.outH(); i0 += perChunk) {
                    int i1 = Math.min(geo.outH(), i0 + perChunk), cols = (i1 - i0) * outW;
                    for (int group = 0; group < geo.groups(); group++) {
                        Gemm.range(wT[group][cb], cols, g.storage, g.offset + (n * geo.outChannels() + group * og) * plane + i0 * outW,
                                plane, 1, scratch, 0, cols, false);
                        addColumns(scratch, geo, n, group * cg + c0, c1 - c0, i0, i1, dx);
                    }
                }
            }
        });
        return result;
    }

    /**
     * col2im, the adjoint of {@link Conv2dIm2col#fillColumns}: dx[n, firstChannel + c, row, col] +=
     * dcols[(c·kH + u)·kW + v][(i − i0)·outW + j] for every tap (u, v) of output (i, j) that lies inside
     * the image (row = i·sH − padTop + u·dH, col = j·sW − padLeft + v·dW); taps in the padding are dropped.
     */
    static void addColumns(float[] dcols, Conv2dGeometry g, int n, int firstChannel, int channels, int i0, int i1,
                           float[] dx) {
        int outW = g.outW(), inW = g.inW(), sW = g.sW();
        int cols = (i1 - i0) * outW;
        int r = 0;
        for (int c = 0; c < channels; c++) {
            int plane = (n * g.inChannels() + firstChannel + c) * g.inH() * inW;
            for (int u = 0; u < g.kH(); u++) {
                for (int v = 0; v < g.kW(); v++, r++) {
                    int at = r * cols;
                    int col0 = v * g.dW() - g.padLeft();
                    int jLo = g.firstInsideColumn(col0), jHi = g.endInsideColumn(col0);
                    for (int i = i0; i < i1; i++, at += outW) {
                        int row = i * g.sH() + u * g.dH() - g.padTop();
                        if (row < 0 || row >= g.inH()) continue;
                        int dst = plane + row * inW + col0;
                        if (sW == 1) {
                            // dx[dst + j] += dcols[at + j] along the row, whole vectors first when SIMD is on
                            int j = jLo + (Simd.ACTIVE && jHi > jLo
                                    ? SimdArith.dense(Arith.ADD, dx, dst + jLo, dx, dst + jLo, dcols, at + jLo, jHi - jLo) : 0);
                            for (; j < jHi; j++) dx[dst + j] += dcols[at + j];
                        } else {
                            for (int j = jLo; j < jHi; j++) dx[dst + j * sW] += dcols[at + j];
                        }
                    }
                }
            }
        }
    }
}
