package layerwise.tensor;

/**
 * F.linear, {@code y = x Wᵀ + b}, with its derivative. For one row, y[o] = Σᵢ x[i] W[o][i] + b[o], so
 * <pre>
 *   dx[m][i] = Σₒ g[m][o] · W[o][i]       dx = g · W        (M, out) · (out, in)
 *   dW[o][i] = Σₘ g[m][o] · x[m][i]       dW = gᵀ · x       (out, M) · (M, in)
 *   db[o]    = Σₘ g[m][o]                 db = g summed over the rows
 * </pre>
 * where m runs over every row of x (all leading dims flattened). Each gradient has its parameter's shape
 * because each parameter element gets exactly one sum: that is why W is (out, in) and dW is too.
 */
final class LinearGrad {
    private LinearGrad() {
    }

    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        boolean matrix = input.dims.length == 2;
        String name = matrix ? (bias != null ? "AddmmBackward0" : "MmBackward0")
                : bias != null ? "AddBackward0" : input.dims.length == 1 ? "SqueezeBackward4" : "UnsafeViewBackward0";
        return Autograd.op(name, () -> Kernels.linear(input, weight, bias), (g, out) -> {
            int in = weight.dims[1];
            int outs = weight.dims[0];
            Tensor x2 = input.reshape(-1, in);
            Tensor g2 = g.reshape(-1, outs);
            Tensor[] d = Kernels.linearBackward(g2, x2, weight, input.requiresGrad, weight.requiresGrad,
                    bias != null && bias.requiresGrad);
            return new Tensor[] {d[0] == null ? null : d[0].reshape(input.dims), d[1], d[2]};
        }, new Tensor[] {input, weight, bias}, input, weight);
    }

    /** The three sums above as loops, one output element at a time: the teaching kernel. */
    static Tensor[] loops(Tensor g, Tensor x, Tensor w, boolean needX, boolean needW, boolean needB) {
        int rows = g.dims[0], outs = g.dims[1], in = x.dims[1];
        float[] gv = g.toFloatArray(), xv = x.toFloatArray(), wv = w.toFloatArray();
        float[] dx = needX ? new float[rows * in] : null;
        float[] dw = needW ? new float[outs * in] : null;
        float[] db = needB ? new float[outs] : null;
        if (needX) {
            for (int m = 0; m < rows; m++) {
                for (int i = 0; i < in; i++) {
                    float s = 0;
                    for (int o = 0; o < outs; o++) s += gv[m * outs + o] * wv[o * in + i];
                    dx[m * in + i] = s;
                }
            }
        }
        if (needW) {
            for (int o = 0; o < outs; o++) {
                for (int i = 0; i < in; i++) {
                    float s = 0;
                    for (int m = 0; m < rows; m++) s += gv[m * outs + o] * xv[m * in + i];
                    dw[o * in + i] = s;
                }
            }
        }
        if (needB) {
            for (int o = 0; o < outs; o++) {
                float s = 0;
                for (int m = 0; m < rows; m++) s += gv[m * outs + o];
                db[o] = s;
            }
        }
        return new Tensor[] {needX ? Tensor.wrap(dx, rows, in) : null, needW ? Tensor.wrap(dw, outs, in) : null,
            needB ? Tensor.wrap(db, outs) : null};
    }

    /** The same three sums as two matrix products on the fast GEMM and a column sum. */
    static Tensor[] fast(Tensor g, Tensor x, Tensor w, boolean needX, boolean needW, boolean needB) {
        return new Tensor[] {
            needX ? Matmul.matmul(g, w, Kernels.Kind.FAST) : null,
            needW ? Matmul.matmul(Views.t(g), x, Kernels.Kind.FAST) : null,
            needB ? Reductions.sum(g, 0, false, false) : null};
    }
}
