package layerwise.tensor;

/**
 * One cell step on the fast kernel as one node of the autograd graph: the gate maths of
 * {@link RecurrentKernels}' cells in one pass, and its derivative in one pass
 * ({@link RecurrentGateGrads}) from the gates the forward kept. The matrix products around it,
 * {@code gi = x W_ihᵀ + b_ih} and {@code gh = h W_hhᵀ}, are recorded ops of their own, so the node's
 * inputs are gi, gh, the state and b_hh, and it returns their gradients:
 * <pre>
 *   LSTM, RNN:  pre = gi + gh + b_hh       d gi = d gh = dpre,    d b_hh = Σ rows of dpre
 *   GRU:        the input part gets [dpre_r | dpre_z | dpre_n], the hidden part (gh + b_hh) [dpre_r | dpre_z | r ⊙ dpre_n]
 * </pre>
 *
 * <p>Names. PyTorch 1.13 on the CPU runs a cell as a chain of tensor ops (an LSTMCell's h has
 * {@code MulBackward0}, its c {@code AddBackward0}): the graph the plain kernel records here. Its fused
 * cells (on a GPU) are the ops {@code _thnn_fused_lstm_cell} and {@code _thnn_fused_gru_cell}, taking the
 * same gate halves as these nodes, so these carry their names, {@code ThnnFusedLstmCellBackward0} and
 * {@code ThnnFusedGruCellBackward0}. PyTorch has no fused Elman cell; its op {@code rnn_tanh_cell} (or
 * {@code rnn_relu_cell}) names that one: {@code RnnTanhCellBackward0}, {@code RnnReluCellBackward0}.
 */
final class RecurrentCellGrad {
    private RecurrentCellGrad() {
    }

    /** LSTM: {h', c'} from gi, gh (N, 4H), b_hh (4H) or null and c (N, H). */
    static Tensor[] lstm(Tensor gi, Tensor gh, Tensor bhh, Tensor c) {
        Tensor[] inputs = {gi, gh, c, bhh};
        if (!Autograd.recording(inputs)) return RecurrentKernels.lstm(gi, gh, bhh, c);
        float[][] kept = new float[2][];
        return Autograd.multi("ThnnFusedLstmCellBackward0", () -> RecurrentKernels.lstm(gi, gh, bhh, c, kept), (grads, outs) -> {
            int n = c.dims[0], hidden = c.dims[1];
            float[] dh = grads[0].contiguous().toFloatArray();
            float[] dc = grads[1].contiguous().toFloatArray();          // dL/dc', then dL/dc
            float[] dpre = Storage.allocate(n, 4 * hidden);
            RecurrentGateGrads.lstm(n, hidden, 0, hidden, kept[0], 0, c.contiguous().toFloatArray(), 0, hidden, kept[1], 0,
                    dh, 0, hidden, dc, 0, dpre, 0);
            Tensor d = Tensor.wrap(dpre, n, 4 * hidden);
            return new Tensor[] {gi.requiresGrad ? d : null, gh.requiresGrad ? d : null,
                c.requiresGrad ? Tensor.wrap(dc, n, hidden) : null, needs(bhh) ? Reductions.sum(d, 0, false, false) : null};
        }, inputs, c);
    }

    /** GRU: h' from gi, gh (N, 3H), b_hh (3H) or null and h (N, H). */
    static Tensor gru(Tensor gi, Tensor gh, Tensor bhh, Tensor h) {
        Tensor[] inputs = {gi, gh, h, bhh};
        if (!Autograd.recording(inputs)) return RecurrentKernels.gru(gi, gh, bhh, h);
        float[][] kept = new float[1][];
        return Autograd.op("ThnnFusedGruCellBackward0", () -> RecurrentKernels.gru(gi, gh, bhh, h, kept), (g, out) -> {
            int n = h.dims[0], hidden = h.dims[1], width = 3 * hidden;
            // hn = W_hn h + b_hn, as the forward added it.
            float[] hidden3 = gh.contiguous().toFloatArray(), b = RecurrentGates.bias(bhh, width);
            float[] hn = Storage.allocate(n, hidden);
            for (int r = 0; r < n; r++) {
                for (int u = 0; u < hidden; u++) hn[r * hidden + u] = hidden3[r * width + 2 * hidden + u] + b[2 * hidden + u];
            }
            float[] dgi = Storage.allocate(n, width), dgh = Storage.allocate(n, width), dPrev = Storage.allocate(n, hidden);
            RecurrentGateGrads.gru(n, hidden, 0, hidden, kept[0], 0, hn, 0, h.contiguous().toFloatArray(), 0, hidden,
                    g.contiguous().toFloatArray(), 0, hidden, dgi, 0, dgh, 0, dPrev, 0, hidden);
            Tensor dHidden = Tensor.wrap(dgh, n, width);
            return new Tensor[] {gi.requiresGrad ? Tensor.wrap(dgi, n, width) : null, gh.requiresGrad ? dHidden : null,
                h.requiresGrad ? Tensor.wrap(dPrev, n, hidden) : null,
                needs(bhh) ? Reductions.sum(dHidden, 0, false, false) : null};
        }, inputs, gh, h, bhh);
    }

    /** Elman RNN: h' = tanh(gi + gh + b_hh) (or relu) from gi, gh (N, H) and b_hh (H) or null. */
    static Tensor rnn(Tensor gi, Tensor gh, Tensor bhh, boolean relu) {
        Tensor[] inputs = {gi, gh, bhh};
        if (!Autograd.recording(inputs)) return RecurrentKernels.rnn(gi, gh, bhh, relu);
        return Autograd.op(relu ? "RnnReluCellBackward0" : "RnnTanhCellBackward0", () -> RecurrentKernels.rnn(gi, gh, bhh, relu),
                (g, out) -> {
                    int n = out.dims[0], hidden = out.dims[1];
                    Tensor y = out.contiguous();
                    float[] dpre = Storage.allocate(n, hidden);
                    RecurrentGateGrads.rnn(n, 0, hidden, relu, y.storage, y.offset, hidden, g.contiguous().toFloatArray(), 0,
                            hidden, dpre, 0, hidden);
                    Tensor d = Tensor.wrap(dpre, n, hidden);
                    return new Tensor[] {gi.requiresGrad ? d : null, gh.requiresGrad ? d : null,
                        needs(bhh) ? Reductions.sum(d, 0, false, false) : null};
                }, inputs, Autograd.OUTPUT);
    }

    private static boolean needs(Tensor t) {
        return t != null && t.requiresGrad;
    }
}
