package layerwise.tensor;

/**
 * Depthwise conv2d (groups &gt; 1, one input channel per group: each output channel o looks at input
 * channel o / (O/groups) only). A matrix product would have one row per group, too thin to pay for
 * packing, so this kernel walks the image directly: for each output row and each tap (u, v) it adds
 * {@code W[o,0,u,v] * xp[row]} along the whole row, a loop the JIT vectorises (see {@link #plane}). Per
 * output element the taps arrive in the plain loops' order (u, then v), each rounded as {@code sum + w*x},
 * padding taps multiplying 0: the plain kernel's result, bit for bit. Channels are split across threads.
 */
final class Conv2dDirect {
    private Conv2dDirect() {
    }

    static Tensor depthwise(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        Tensor xc = input.contiguous();
        float[] x = xc.storage;
        float[] w = weight.toFloatArray();
        float[] out = Conv2dKernels.biasFilled(bias, g);
        int planes = g.batch() * g.outChannels();
        int threads = (long) out.length * g.kH() * g.kW() < Gemm.PARALLEL_WORK ? 1 : Math.min(Parallel.threads(), planes);
        Parallel.forEach(threads, t -> {
            float[] row = Storage.allocate(g.outW()), sums = Storage.allocate(g.outW());
            for (int plane = planes * t / threads; plane < planes * (t + 1) / threads; plane++) {
                int n = plane / g.outChannels(), o = plane % g.outChannels();
                int channel = o / g.groupOutChannels();
                int in = xc.offset + (n * g.inChannels() + channel) * g.inH() * g.inW();
                plane(x, in, w, o * g.kH() * g.kW(), out, plane * g.outH() * g.outW(), g, row, sums);
            }
        });
        return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /**
     * One output plane: out[i][j] += W[u][v] * xp[i*sH + u*dH][j*sW + v*dW] for u, then v. An output row is
     * summed in {@code sums} and the taps gathered in {@code row}, both indexed by j alone: C2 vectorises
     * {@code sums[j] += wv * row[j]}, not the same loop written on {@code out[o + j]} (an offset into
     * possibly the same array as row, as far as it can tell).
     */
    private static void plane(float[] x, int in, float[] w, int wOff, float[] out, int outOff, Conv2dGeometry g,
                              float[] row, float[] sums) {
        int outW = g.outW();
        for (int i = 0; i < g.outH(); i++) {
            int o = outOff + i * outW;
            System.arraycopy(out, o, sums, 0, outW);
            for (int u = 0; u < g.kH(); u++) {
                int r = i * g.sH() + u * g.dH() - g.padTop();
                boolean rowInside = r >= 0 && r < g.inH();
                for (int v = 0; v < g.kW(); v++) {
                    float wv = w[wOff + u * g.kW() + v];
                    // row[j] = xp[r][j*sW + v*dW], zeros in the padding: then one loop the JIT vectorises.
                    if (!rowInside) {
                        java.util.Arrays.fill(row, 0f);
                    } else {
                        gather(x, in + r * g.inW(), v * g.dW() - g.padLeft(), g, row);
                    }
                    for (int j = 0; j < outW; j++) sums[j] += wv * row[j];
                }
            }
            System.arraycopy(sums, 0, out, o, outW);
        }
    }

    /** row[j] = x[base + col0 + j*sW] where 0 <= col0 + j*sW < inW, else 0 (the padding), for j < outW. */
    private static void gather(float[] x, int base, int col0, Conv2dGeometry g, float[] row) {
        int outW = g.outW(), sW = g.sW();
        int jLo = g.firstInsideColumn(col0), jHi = g.endInsideColumn(col0);
        for (int j = 0; j < jLo; j++) row[j] = 0f;
        if (sW == 1) {
            System.arraycopy(x, base + col0 + jLo, row, jLo, jHi - jLo);
        } else {
            for (int j = jLo; j < jHi; j++) row[j] = x[base + col0 + j * sW];
        }
        for (int j = jHi; j < outW; j++) row[j] = 0f;
    }
}
