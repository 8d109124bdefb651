package layerwise.tensor;

/**
 * The fast kernels of one recurrent time step, for {@code layerwise.nn}'s RNN, LSTM and GRU layers and
 * cells. The plain way to write a step is a chain of tensor ops (add, chunk, sigmoid, tanh, mul), each a
 * pass over memory that allocates its result; here each cell's gate maths is one pass:
 * <ul>
 *   <li>{@link #hiddenWeight} packs {@code W_hh} once per forward, and {@link #hiddenGates} multiplies
 *       {@code h W_hh^T} with it at every step ({@link Gemm}, no transposed copy, no repacking);</li>
 *   <li>{@link #lstm}, {@link #gru} and {@link #rnn} take the input part {@code gi = x W_ih^T + b_ih}, the
 *       hidden product {@code gh = h W_hh^T} and {@code b_hh}, and produce the next state in one pass.</li>
 * </ul>
 * The sums are the chained ops' sums, in the same order ({@code gi + (gh + b_hh)}, {@code f*c + i*g}, ...).
 * Without SIMD, sigmoid and tanh are the tensor ops' own and the results are the chain's bit for bit;
 * with SIMD they are {@link GateMath}'s (within one unit in the last place of the tensor ops', tested).
 */
public final class RecurrentKernels {
    private RecurrentKernels() {
    }

    /** {@code W_hh} (G·H, Hout) packed for {@code h W_hh^T}. */
    public static final class HiddenWeight {
        final Gemm.PackedB packed;

        private HiddenWeight(Gemm.PackedB packed) {
            this.packed = packed;
        }
    }

    /** Packs {@code whh} (G·H rows, Hout columns), read through its strides: no transposed copy. */
    public static HiddenWeight hiddenWeight(Tensor whh) {
        return new HiddenWeight(Gemm.pack(whh.shape[1], whh.shape[0], whh.storage, whh.offset, whh.strides[1], whh.strides[0]));
    }

    /** {@code h W_hh^T} for h (N, Hout): (N, G·H), without bias. */
    public static Tensor hiddenGates(Tensor h, HiddenWeight w) {
        Tensor hc = h.contiguous();
        int n = hc.shape[0], cols = w.packed.n;
        float[] out = new float[n * cols];
        Gemm.gemm(n, hc.storage, hc.offset, w.packed.k, 1, w.packed, out, 0, cols, false);
        return new Tensor(out, new int[] {n, cols}, new int[] {cols, 1}, 0);
    }

    /**
     * LSTM, gates stacked {@code [i | f | g | o]}: with pre = gi + (gh + b_hh) (bhh may be null),
     * i, f, o = sigmoid(pre), g = tanh(pre), c' = f*c + i*g, h' = o * tanh(c'). Returns {h', c'}.
     */
    public static Tensor[] lstm(Tensor gi, Tensor gh, Tensor bhh, Tensor c) {
        int n = gh.shape[0], hidden = c.shape[1], gates = 4 * hidden;
        float[] pre = preActivations(gi, gh, bhh);
        float[] cs = c.contiguous().toFloatArray();
        float[] cNext = new float[n * hidden];
        float[] hNext = new float[n * hidden];
        for (int row = 0; row < n; row++) {
            int g0 = row * gates;
            sigmoid(pre, g0, g0 + 2 * hidden);                       // i and f
            tanh(pre, pre, g0 + 2 * hidden, g0 + 3 * hidden);         // g
            sigmoid(pre, g0 + 3 * hidden, g0 + gates);               // o
            int s0 = row * hidden;
            for (int j = 0; j < hidden; j++) {
                cNext[s0 + j] = pre[g0 + hidden + j] * cs[s0 + j] + pre[g0 + j] * pre[g0 + 2 * hidden + j];
            }
            tanh(cNext, hNext, s0, s0 + hidden);
            for (int j = 0; j < hidden; j++) hNext[s0 + j] = pre[g0 + 3 * hidden + j] * hNext[s0 + j];
        }
        return new Tensor[] {Tensor.wrap(hNext, n, hidden), Tensor.wrap(cNext, n, hidden)};
    }

    /**
     * GRU, gates stacked {@code [r | z | n]}, with hb = gh + b_hh: r = sigmoid(gi_r + hb_r),
     * z = sigmoid(gi_z + hb_z), n = tanh(gi_n + r * hb_n), h' = n + z * (h − n).
     */
    public static Tensor gru(Tensor gi, Tensor gh, Tensor bhh, Tensor h) {
        int rows = gh.shape[0], hidden = h.shape[1], gates = 3 * hidden;
        float[] x = gi.contiguous().toFloatArray();
        float[] hb = withBias(gh, bhh);
        float[] hs = h.contiguous().toFloatArray();
        float[] out = new float[rows * hidden];
        for (int row = 0; row < rows; row++) {
            int g0 = row * gates;
            for (int q = g0; q < g0 + 2 * hidden; q++) x[q] = x[q] + hb[q];
            sigmoid(x, g0, g0 + 2 * hidden);                          // r and z
            int n0 = g0 + 2 * hidden;
            for (int j = 0; j < hidden; j++) x[n0 + j] = x[n0 + j] + x[g0 + j] * hb[n0 + j];
            tanh(x, x, n0, n0 + hidden);                             // n
            int s0 = row * hidden;
            for (int j = 0; j < hidden; j++) {
                float nj = x[n0 + j];
                out[s0 + j] = nj + x[g0 + hidden + j] * (hs[s0 + j] - nj);
            }
        }
        return Tensor.wrap(out, rows, hidden);
    }

    /** Elman RNN: h' = tanh(gi + (gh + b_hh)), or relu of it. */
    public static Tensor rnn(Tensor gi, Tensor gh, Tensor bhh, boolean relu) {
        float[] pre = preActivations(gi, gh, bhh);
        if (relu) {
            for (int q = 0; q < pre.length; q++) pre[q] = Elementwise.relu(pre[q]);
        } else {
            tanh(pre, pre, 0, pre.length);
        }
        return Tensor.wrap(pre, gh.shape[0], gh.shape[1]);
    }

    /** gi + (gh + b_hh) as a new row-major array. */
    private static float[] preActivations(Tensor gi, Tensor gh, Tensor bhh) {
        float[] hb = withBias(gh, bhh);
        Tensor x = gi.contiguous();
        float[] xs = x.storage;
        for (int q = 0, at = x.offset; q < hb.length; q++, at++) hb[q] = xs[at] + hb[q];
        return hb;
    }

    /** gh + b_hh (b broadcast over rows) as a new row-major array; a copy of gh without bias. */
    private static float[] withBias(Tensor gh, Tensor bhh) {
        float[] out = gh.contiguous().toFloatArray();
        if (bhh == null) return out;
        float[] b = bhh.toFloatArray();
        for (int row = 0, at = 0; row < out.length / b.length; row++) {
            for (int j = 0; j < b.length; j++, at++) out[at] = out[at] + b[j];
        }
        return out;
    }

    private static void sigmoid(float[] x, int from, int to) {
        if (Simd.ACTIVE) {
            SimdGates.sigmoid(x, x, from, to);
        } else {
            for (int q = from; q < to; q++) x[q] = Elementwise.sigmoid(x[q]);
        }
    }

    private static void tanh(float[] x, float[] y, int from, int to) {
        if (Simd.ACTIVE) {
            SimdGates.tanh(x, y, from, to);
        } else {
            for (int q = from; q < to; q++) y[q] = (float) Math.tanh(x[q]);
        }
    }
}
