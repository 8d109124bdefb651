package layerwise.tensor;

/**
 * Depthwise conv2d (groups &gt; 1, one input channel per group: each output channel o looks at input
 * channel o / (O/groups) only). A matrix product would have one row per group, too thin to pay for
 * packing, so this kernel walks the image directly: for each output row and each tap (u, v) it adds
 * {@code W[o,0,u,v] * xp[row]} along the whole row, a loop the JIT vectorises. Per output element the
 * taps arrive in the plain loops' order (u, then v), each rounded as {@code sum + w*x}, padding taps
 * multiplying 0: the plain kernel's result, bit for bit. Channels are split across threads.
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
            float[] row = new float[g.outW()];
            for (int plane = planes * t / threads; plane < planes * (t + 1) / threads; plane++) {
                int n = plane / g.outChannels(), o = plane % g.outChannels();
                int channel = o / g.groupOutChannels();
                int in = xc.offset + (n * g.inChannels() + channel) * g.inH() * g.inW();
                plane(x, in, w, o * g.kH() * g.kW(), out, plane * g.outH() * g.outW(), g, row);
            }
        });
        return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /** One output plane: out[i][j] += W[u][v] * xp[i*sH + u*dH][j*sW + v*dW] for u, then v. */
    private static void plane(float[] x, int in, float[] w, int wOff, float[] out, int outOff, Conv2dGeometry g, float[] row) {
        int outW = g.outW();
        for (int i = 0; i < g.outH(); i++) {
            int o = outOff + i * outW;
            for (int u = 0; u < g.kH(); u++) {
                int r = i * g.sH() + u * g.dH() - g.padTop();
                boolean rowInside = r >= 0 && r < g.inH();
                for (int v = 0; v < g.kW(); v++) {
                    float wv = w[wOff + u * g.kW() + v];
                    // row[j] = xp[r][j*sW + v*dW], zeros in the padding: then one loop the JIT vectorises.
                    int col = v * g.dW() - g.padLeft();
                    if (!rowInside) {
                        java.util.Arrays.fill(row, 0f);
                    } else {
                        int base = in + r * g.inW();
                        for (int j = 0; j < outW; j++, col += g.sW()) {
                            row[j] = col >= 0 && col < g.inW() ? x[base + col] : 0f;
                        }
                    }
                    for (int j = 0; j < outW; j++) out[o + j] += wv * row[j];
                }
            }
        }
    }
}
