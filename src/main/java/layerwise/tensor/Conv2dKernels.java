package layerwise.tensor;

import java.util.Arrays;

/**
 * The two conv2d kernels behind one seam. Both compute, for a batched input x (N, C, H, W), a weight
 * (O, C/groups, kH, kW) and an optional bias (O), the cross-correlation (no kernel flip)
 * <pre>
 *   out[n,o,i,j] = b[o] + sum over c &lt; Cg, u &lt; kH, v &lt; kW of
 *                  W[o,c,u,v] * xp[n, g*Cg + c, i*sH + u*dH, j*sW + v*dW]
 * </pre>
 * where Cg = C/groups, g = o / (O/groups) is the group of output channel o, and xp is x with zeros
 * added around it (padTop rows above, padLeft columns to the left, ...).
 *
 * <p>{@link #loops} is that formula as seven nested loops, the one a lesson shows. {@link #im2col} is
 * the default: it copies every receptive field of one image and group into a column of a matrix
 * (Cg*kH*kW rows, outH*outW columns), so the whole convolution becomes one matrix product
 * {@code W_g (Og x Cg*kH*kW) @ cols}, run by the fast matmul kernel. {@link Kernels} chooses between
 * them: the loops run everywhere under {@code -Dlayerwise.kernels=plain}.
 */
final class Conv2dKernels {
    private Conv2dKernels() {
    }

    /** The seam: the kernel every conv2d goes through. */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g, Kernels.Kind kind) {
        return kind == Kernels.Kind.PLAIN ? loops(input, weight, bias, g) : im2col(input, weight, bias, g);
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
                                if (row < 0 || row >= g.inH()) continue;     // a zero of the padding
                                for (int v = 0; v < g.kW(); v++) {
                                    int col = j * g.sW() + v * g.dW() - g.padLeft();
                                    if (col < 0 || col >= g.inW()) continue;
                                    float xv = x[((n * g.inChannels() + channel) * g.inH() + row) * g.inW() + col];
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
        return Tensor.of(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /** The fast kernel: im2col, then one matrix product per image and group. */
    static Tensor im2col(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        Tensor xc = input.contiguous();
        Tensor wc = weight.contiguous();
        float[] b = bias == null ? null : bias.toFloatArray();
        int cg = g.groupInChannels();
        int og = g.groupOutChannels();
        int rows = cg * g.kH() * g.kW();          // one row per (c, u, v)
        int cols = g.outH() * g.outW();           // one column per output position (i, j)
        float[] out = Storage.allocate(g.batch(), g.outChannels(), g.outH(), g.outW());
        float[] patches = Storage.allocate(rows, cols);
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < g.groups(); group++) {
                int outBase = (n * g.outChannels() + group * og) * cols;
                if (rows > 0 && cols > 0) {
                    fillColumns(xc, g, n, group * cg, patches);
                    // W_g is rows group*og .. group*og+og-1 of the weight seen as (O, Cg*kH*kW); the product
                    // (og x rows) @ (rows x cols) lands straight in the output's channels of this group.
                    MatmulKernels.mm(Kernels.Kind.FAST, wc.storage, wc.offset + group * og * rows, patches, 0,
                            out, outBase, og, rows, cols);
                }
                if (b != null) {
                    for (int o = 0; o < og; o++) {
                        float bo = b[group * og + o];
                        int base = outBase + o * cols;
                        for (int p = 0; p < cols; p++) out[base + p] += bo;
                    }
                }
            }
        }
        return Tensor.of(out, g.batch(), g.outChannels(), g.outH(), g.outW());
    }

    /**
     * patches[(c*kH + u)*kW + v][i*outW + j] = xp[n, firstChannel + c, i*sH + u*dH, j*sW + v*dW]
     * (0 where that position falls in the padding).
     */
    private static void fillColumns(Tensor x, Conv2dGeometry g, int n, int firstChannel, float[] patches) {
        float[] xs = x.storage;
        int cols = g.outH() * g.outW();
        int r = 0;
        for (int c = 0; c < g.groupInChannels(); c++) {
            int plane = x.offset + (n * g.inChannels() + firstChannel + c) * g.inH() * g.inW();
            for (int u = 0; u < g.kH(); u++) {
                for (int v = 0; v < g.kW(); v++, r++) {
                    int at = r * cols;
                    for (int i = 0; i < g.outH(); i++) {
                        int row = i * g.sH() + u * g.dH() - g.padTop();
                        if (row < 0 || row >= g.inH()) {
                            Arrays.fill(patches, at, at + g.outW(), 0f);
                            at += g.outW();
                            continue;
                        }
                        int rowBase = plane + row * g.inW();
                        int col = v * g.dW() - g.padLeft();
                        for (int j = 0; j < g.outW(); j++, col += g.sW()) {
                            patches[at++] = col >= 0 && col < g.inW() ? xs[rowBase + col] : 0f;
                        }
                    }
                }
            }
        }
    }
}
