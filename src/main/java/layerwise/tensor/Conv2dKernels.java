package layerwise.tensor;

/**
 * The two conv2d kernels that {@link Kernels} chooses between. Both compute, for a batched input x (N, C, H, W), a weight
 * (O, C/groups, kH, kW) and an optional bias (O), the cross-correlation (no kernel flip)
 * <pre>
 *   out[n,o,i,j] = b[o] + sum over c &lt; Cg, u &lt; kH, v &lt; kW of
 *                  W[o,c,u,v] * xp[n, g*Cg + c, i*sH + u*dH, j*sW + v*dW]
 * </pre>
 * where Cg = C/groups, g = o / (O/groups) is the group of output channel o, and xp is x with zeros
 * added around it (padTop rows above, padLeft columns to the left, ...).
 *
 * <p>{@link #loops} is that formula as seven nested loops, the one a lesson shows. The fast default
 * ({@link #fast}) picks one of three kernels: a 1x1 convolution is a plain matrix product ({@link Conv2dIm2col#pointwise});
 * a depthwise one (one input channel per group) runs directly over the image ({@link Conv2dDirect});
 * everything else copies receptive fields into a bounded scratch matrix, a few output rows at a time,
 * and multiplies it by the weight ({@link Conv2dIm2col#im2col}).
 *
 * <p>What the kernels share, so that they agree: every output starts from its bias (0 without one) and
 * adds its products in the order c, u, v above; a tap that falls in the padding multiplies the zero like
 * any other input (so an Inf or NaN weight at the border gives NaN in every kernel, as PyTorch's dense
 * convolution does). The loops and the depthwise kernel round each step as {@code sum + w*x}; the matrix
 * product rounds it once, as a fused multiply-add, when SIMD is on (see {@link Gemm}).
 */
final class Conv2dKernels {
    private Conv2dKernels() {
    }

    /** The fast kernels: depthwise, 1x1 or im2col, whichever fits the geometry ({@link Kernels} chooses plain or fast). */
    static Tensor fast(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        if (g.groupInChannels() == 1 && g.groups() > 1) return Conv2dDirect.depthwise(input, weight, bias, g);
        if (g.kH() == 1 && g.kW() == 1 && g.sH() == 1 && g.sW() == 1 && g.padTop() + g.padBottom() + g.padLeft() + g.padRight() == 0) {
            return Conv2dIm2col.pointwise(input, weight, bias, g);
        }
        return Conv2dIm2col.im2col(input, weight, bias, g);
    }

    /** The teaching kernel: the formula above, one output element at a time. */
    static Tensor loops(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        float[] x = input.toFloatArray();
        float[] w = weight.toFloatArray();
        float[] b = bias == null ? null : bias.toFloatArray();
        int cg = g.groupInChannels();
        int og = g.groupOutChannels();
        float[] out = Storage.allocate(g.batch(), g.outChannels(), g.outH(), g.outW());
        int at = 0;
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < g.outChannels(); o++) {
                int group = o / og;
                for (int i = 0; i < g.outH(); i++) {
                    for (int j = 0; j < g.outW(); j++) {
                        float sum = b == null ? 0f : b[o];
                        for (int c = 0; c < cg; c++) {
                            int channel = group * cg + c;
                            for (int u = 0; u < g.kH(); u++) {
                                int row = i * g.sH() + u * g.dH() - g.padTop();
                                for (int v = 0; v < g.kW(); v++) {
                                    int col = j * g.sW() + v * g.dW() - g.padLeft();
                                    boolean inside = row >= 0 && row < g.inH() && col >= 0 && col < g.inW();
                                    float xv = inside ? x[((n * g.inChannels() + channel) * g.inH() + row) * g.inW() + col] : 0f;
                                    float wv = w[((o * cg + c) * g.kH() + u) * g.kW() + v];
                                    sum += wv * xv;
                                }
                            }
                        }
                        out[at++] = sum;
                    }
                }
            }
        }
        return Tensor.wrap(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /** out[n, o, :, :] = b[o] (or 0) for every image and channel: where the fast kernels start their sums. */
    static float[] biasFilled(Tensor bias, Conv2dGeometry g) {
        int plane = g.outH() * g.outW();
        float[] out = Storage.allocate(g.batch(), g.outChannels(), g.outH(), g.outW());
        if (bias != null) {
            float[] b = bias.toFloatArray();
            for (int n = 0; n < g.batch(); n++) {
                for (int o = 0; o < g.outChannels(); o++) {
                    int base = (n * g.outChannels() + o) * plane;
                    java.util.Arrays.fill(out, base, base + plane, b[o]);
                }
            }
        }
        return out;
    }
}
