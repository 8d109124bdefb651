package layerwise.tensor;

/**
 * The losses that are one op each in PyTorch, with their derivatives side by side (as
 * derivatives.yaml writes them). Each reads its inputs as flat float arrays of one shape (the caller,
 * {@link Losses}, has checked and broadcast them), computes one loss per element in PyTorch's order of
 * float operations, and reduces them ({@link Reduction}). g is dL/d(loss): one number for "mean" and
 * "sum", one per element for "none"; "mean" divides by the number of elements (n).
 */
final class LossGrad {
    private LossGrad() {
    }

    /** The g seen by element i: the single number of a reduced loss, else the i-th. */
    private static float at(float[] g, int i) {
        return g.length == 1 ? g[0] : g[i];
    }

    private static Tensor shaped(float[] v, int[] dims) {
        return new Tensor(v, dims.clone(), Shapes.contiguousStrides(dims), 0);
    }

    // ---------------------------------------------------------------- mse_loss

    /**
     * loss_i = (x_i - y_i)²:  dx_i = (2/n) (x_i - y_i) g  ("mean"; 2 for the others),  dy_i = -dx_i.
     * x and y have the same shape.
     */
    static Tensor mse(Tensor x, Tensor y, Reduction reduction) {
        return Autograd.op("MseLossBackward0", () -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y);
            float[] loss = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                float d = a[i] - b[i];
                loss[i] = d * d;
            }
            return reduction.apply(loss, x.dims);
        }, (g, out) -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y), gv = Strided.toArray(g);
            float norm = (float) (reduction == Reduction.MEAN ? 2.0 / a.length : 2.0);
            float[] dx = new float[a.length];
            for (int i = 0; i < a.length; i++) dx[i] = norm * (a[i] - b[i]) * at(gv, i);
            Tensor dxt = shaped(dx, x.dims);
            return new Tensor[] {x.requiresGrad ? dxt : null, y.requiresGrad ? dxt.neg() : null};
        }, new Tensor[] {x, y}, x, y);
    }

    // ---------------------------------------------------------------- nll_loss

    /**
     * x holds log-probabilities, read as (N, C, S): N samples, C classes, S positions (1 for an (N, C)
     * input). For each (n, s) with class t = target[n, s] that is not ignoreIndex:
     * <pre>
     *   loss_ns = -w_t · x[n, t, s]          w = weight, or all ones
     *   "mean" = Σ loss_ns / Σ w_t           (a weighted mean: the weights of the counted targets)
     *   dx[n, t, s] = -w_t · g / Σ w_t        ("mean"; -w_t · g_ns for "none"); 0 at every other class
     * </pre>
     * An ignored target adds 0 to both sums and gets no gradient. lossShape is (N, S...) for "none".
     */
    static Tensor nll(Tensor x, int n, int c, int s, int[] target, float[] weight, int ignoreIndex,
                      Reduction reduction, int[] lossShape) {
        String name = x.dims.length <= 2 ? "NllLossBackward0" : "NllLoss2DBackward0";
        float[] totalWeight = new float[1];
        return Autograd.op(name, () -> {
            float[] v = Strided.toArray(x);
            float[] loss = new float[n * s];
            float sum = 0, wsum = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < s; p++) {
                    int t = target[i * s + p];
                    if (t == ignoreIndex) continue;
                    float w = weight == null ? 1f : weight[t];
                    loss[i * s + p] = -v[(i * c + t) * s + p] * w;
                    sum += loss[i * s + p];
                    wsum += w;
                }
            }
            totalWeight[0] = wsum;
            switch (reduction) {
                case NONE: return shaped(loss, lossShape);
                case SUM: return Tensor.scalar(sum);
                default: return Tensor.scalar(sum / wsum);
            }
        }, (g, out) -> {
            float[] gv = Strided.toArray(g);
            float[] dx = new float[n * c * s];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < s; p++) {
                    int t = target[i * s + p];
                    if (t == ignoreIndex) continue;
                    float gi = at(gv, i * s + p);
                    float scaled = -(reduction == Reduction.MEAN ? gi / totalWeight[0] : gi);
                    dx[(i * c + t) * s + p] = weight == null ? scaled : weight[t] * scaled;
                }
            }
            return new Tensor[] {shaped(dx, x.dims)};
        }, new Tensor[] {x});
    }

    // ---------------------------------------------------------------- binary_cross_entropy

    /**
     * x are probabilities in [0, 1], y the targets, w the weights (null for none), all of one shape.
     * Each log is clamped at -100 so that x = 0 or 1 gives a large finite loss instead of infinity:
     * <pre>
     *   loss = w · ((y - 1) · max(log(1 - x), -100) - y · max(log x, -100))
     *   dx   = w · g · (x - y) / max((1 - x) · x, 1e-12)
     *   dy   = w · g · log((1 - x) / x)       (-logit(x))
     * </pre>
     */
    static Tensor bce(Tensor x, Tensor y, float[] w, Reduction reduction) {
        return Autograd.op("BinaryCrossEntropyBackward0", () -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y);
            float[] loss = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                float logOneMinus = Math.max((float) Math.log1p(-a[i]), -100f);
                float log = Math.max((float) Math.log(a[i]), -100f);
                loss[i] = (b[i] - 1) * logOneMinus - b[i] * log;
                if (w != null) loss[i] *= w[i];
            }
            return reduction.apply(loss, x.dims);
        }, (g, out) -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y), gv = Strided.toArray(g);
            float[] dx = new float[a.length], dy = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                dx[i] = at(gv, i) * (a[i] - b[i]) / Math.max((1 - a[i]) * a[i], 1e-12f);
                dy[i] = -(float) Math.log(a[i] / (1 - a[i])) * at(gv, i);
            }
            return weighted(dx, dy, w, reduction, x, y);
        }, new Tensor[] {x, y}, x, y);
    }

    /**
     * How both binary cross-entropies end their gradients: each element times its weight, then over n for
     * reduction "mean"; the input's gradient and the target's, each only when it requires grad.
     */
    private static Tensor[] weighted(float[] dx, float[] dy, float[] w, Reduction reduction, Tensor x, Tensor y) {
        for (int i = 0; i < dx.length; i++) {
            if (w != null) {
                dx[i] *= w[i];
                dy[i] *= w[i];
            }
            if (reduction == Reduction.MEAN) {
                dx[i] /= dx.length;
                dy[i] /= dy.length;
            }
        }
        return new Tensor[] {x.requiresGrad ? shaped(dx, x.dims) : null, y.requiresGrad ? shaped(dy, y.dims) : null};
    }

    // ---------------------------------------------------------------- binary_cross_entropy_with_logits

    /**
     * x are logits, y targets, w weights and p pos_weights (null for none), all of one shape. PyTorch
     * writes log(1 + e⁻ˣ) as m + log(e⁻ᵐ + e⁻ˣ⁻ᵐ) with m = max(-x, 0), so no exp overflows:
     * <pre>
     *   lw   = (p - 1) · y + 1                                 (1 without pos_weight)
     *   loss = w · ((1 - y) · x + lw · (log(e⁻ᵐ + e⁻ˣ⁻ᵐ) + m))
     *   dx   = w · g · ((p·y + 1 - y) · σ(x) - p·y)             (σ(x) - y without pos_weight)
     *   dy   = w · g · ((1 - p) · log σ(x) - x)                 (-x without pos_weight)
     * </pre>
     */
    static Tensor bceWithLogits(Tensor x, Tensor y, float[] w, float[] p, Reduction reduction) {
        return Autograd.op("BinaryCrossEntropyWithLogitsBackward0", () -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y);
            float[] loss = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                float m = Math.max(-a[i], 0f);
                float logTerm = (float) Math.log((float) Math.exp(-m) + (float) Math.exp(-a[i] - m));
                loss[i] = p == null
                        ? (1 - b[i]) * a[i] + m + logTerm
                        : (1 - b[i]) * a[i] + ((p[i] - 1) * b[i] + 1) * (logTerm + m);
                if (w != null) loss[i] *= w[i];
            }
            return reduction.apply(loss, x.dims);
        }, (g, out) -> {
            float[] a = Strided.toArray(x), b = Strided.toArray(y), gv = Strided.toArray(g);
            float[] dx = new float[a.length], dy = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                float sig = (float) (1 / (1 + Math.exp(-a[i])));
                if (p == null) {
                    dx[i] = (sig - b[i]) * at(gv, i);
                    dy[i] = -a[i] * at(gv, i);
                } else {
                    float t = p[i] * b[i];
                    dx[i] = ((t + 1 - b[i]) * sig - t) * at(gv, i);
                    float m = Math.max(-a[i], 0f);
                    float logSigmoid = -(m + (float) Math.log((float) Math.exp(-m) + (float) Math.exp(-a[i] - m)));
                    dy[i] = ((1 - p[i]) * logSigmoid - a[i]) * at(gv, i);
                }
            }
            return weighted(dx, dy, w, reduction, x, y);
        }, new Tensor[] {x, y}, x, y);
    }
}
