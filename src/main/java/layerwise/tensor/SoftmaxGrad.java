package layerwise.tensor;

import java.util.Arrays;

/**
 * softmax and log_softmax along one dim, with their derivatives. The tensor is read as (outer, n, inner)
 * with n the size of dim, so each of the outer * inner slices is one distribution of n values, n apart
 * by inner in memory.
 *
 * <p>Both subtract the slice's maximum first (the log-sum-exp trick): exp(x - max) is at most 1, so
 * nothing overflows, and the result is unchanged because the shift cancels:
 * The sums accumulate in float, in order, as PyTorch's kernels do (that reproduces its gradients where
 * g - Σ g·y cancels).
 * <pre>
 *   softmax(x)_i     = exp(x_i - m) / Σ_j exp(x_j - m)
 *   log_softmax(x)_i = x_i - m - log Σ_j exp(x_j - m)
 * </pre>
 */
final class SoftmaxGrad {
    private SoftmaxGrad() {
    }

    /** out = softmax(x):  dx = out · (g - Σ_dim g · out). */
    static Tensor softmax(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dims.length);
        return Autograd.op("SoftmaxBackward0", () -> forward(x, d, false),
                (g, out) -> new Tensor[] {backward(g, out, d, false)}, new Tensor[] {x}, Autograd.OUTPUT);
    }

    /** out = log_softmax(x):  dx = g - exp(out) · Σ_dim g. */
    static Tensor logSoftmax(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dims.length);
        return Autograd.op("LogSoftmaxBackward0", () -> forward(x, d, true),
                (g, out) -> new Tensor[] {backward(g, out, d, true)}, new Tensor[] {x}, Autograd.OUTPUT);
    }

    private static int[] split(int[] dims, int d) {
        if (dims.length == 0) return new int[] {1, 1, 1};
        int outer = Shapes.numel(Arrays.copyOfRange(dims, 0, d));
        int inner = Shapes.numel(Arrays.copyOfRange(dims, d + 1, dims.length));
        return new int[] {outer, dims[d], inner};
    }

    private static Tensor forward(Tensor x, int d, boolean log) {
        float[] v = Strided.toArray(x);
        int[] s = split(x.dims, d);
        int n = s[1], inner = s[2];
        for (int o = 0; o < s[0]; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) max = Math.max(max, v[base + k * inner]);
                float sum = 0;
                for (int k = 0; k < n; k++) sum += (float) Math.exp(v[base + k * inner] - max);
                if (log) {
                    float logSum = (float) Math.log(sum);
                    for (int k = 0; k < n; k++) v[base + k * inner] = v[base + k * inner] - max - logSum;
                } else {
                    float scale = 1f / sum;
                    for (int k = 0; k < n; k++) v[base + k * inner] = (float) Math.exp(v[base + k * inner] - max) * scale;
                }
            }
        }
        return new Tensor(v, x.dims.clone(), Shapes.contiguousStrides(x.dims), 0);
    }

    private static Tensor backward(Tensor g, Tensor out, int d, boolean log) {
        float[] gv = Strided.toArray(g);
        float[] y = Strided.toArray(out);
        int[] s = split(out.dims, d);
        int n = s[1], inner = s[2];
        float[] dx = new float[y.length];
        for (int o = 0; o < s[0]; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float dot = 0;
                for (int k = 0; k < n; k++) {
                    int at = base + k * inner;
                    dot += log ? gv[at] : gv[at] * y[at];
                }
                float sum = dot;
                for (int k = 0; k < n; k++) {
                    int at = base + k * inner;
                    dx[at] = log ? gv[at] - (float) Math.exp(y[at]) * sum : y[at] * (gv[at] - sum);
                }
            }
        }
        return new Tensor(dx, out.dims.clone(), Shapes.contiguousStrides(out.dims), 0);
    }
}
