package layerwise.nn;

import java.util.List;

import layerwise.tensor.Kernels;
import layerwise.tensor.RecurrentKernels;
import layerwise.tensor.Tensor;

/**
 * One time step of each recurrent cell: the maths shared by {@link RNNCell}, {@link LSTMCell},
 * {@link GRUCell} and the layers {@link RNN}, {@link LSTM}, {@link GRU}.
 *
 * <p>Every step starts from the input part of the gate pre-activations, {@code gi = x W_ih^T + b_ih}
 * (shape {@code (N, G*H)}). A cell computes it for one step; a layer computes it for all time steps in
 * one matrix product, because it does not depend on the state. The hidden part,
 * {@code gh = h W_hh^T + b_hh}, must wait for the previous step. {@code whhT} is {@code W_hh}
 * transposed ({@code (Hout, G*H)}), {@code bhh} may be null (bias=False).
 *
 * <p>The {@code chain...} methods write each step as the chain of tensor ops it is (the plain kernels,
 * under {@code -Dlayerwise.kernels=plain}). By default a cell's step runs the same sums through
 * {@link RecurrentKernels}, the gate maths in one pass; the layers run whole directions there
 * ({@link RNNBase}).
 */
final class RecurrentStep {

    private RecurrentStep() {
    }

    /** The input half of the gates for inputs {@code x (M, I)}: {@code x W_ih^T + b_ih}, {@code (M, G*H)}. */
    static Tensor inputGates(Tensor x, Tensor wihT, Tensor bih) {
        Tensor gi = x.matmul(wihT);
        return bih == null ? gi : gi.add(bih);
    }

    /** {@code gh = h W_hh^T + b_hh}: the hidden half of the gates, {@code (N, G*H)}. */
    static Tensor hiddenGates(Tensor h, Tensor whhT, Tensor bhh) {
        Tensor gh = h.matmul(whhT);
        return bhh == null ? gh : gh.add(bhh);
    }

    /** Whether the steps run on the fused kernels (the default) or as chains of tensor ops. */
    static final boolean FUSED = Kernels.selected() == Kernels.Kind.FAST;

    /** Elman RNN: {@code h' = tanh(gi + gh)}, or {@code max(0, gi + gh)} with relu. */
    static Tensor rnn(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, boolean relu) {
        if (FUSED) return RecurrentKernels.rnn(gi, h.matmul(whhT), bhh, relu);
        return chainRnn(gi, h, whhT, bhh, relu);
    }

    static Tensor chainRnn(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, boolean relu) {
        Tensor pre = gi.add(hiddenGates(h, whhT, bhh));
        return relu ? pre.relu() : pre.tanh();
    }

    /**
     * LSTM, gates stacked {@code [i | f | g | o]}:
     * <pre>
     *   i, f, o = sigmoid(gi + gh)     (input, forget, output gates)
     *   g       = tanh(gi + gh)        (candidate cell)
     *   c'      = f * c + i * g
     *   h'      = o * tanh(c')         and with a projection: h' = h' W_hr^T (no bias)
     * </pre>
     * {@code whrT} is {@code W_hr} transposed ({@code (H, P)}), or null without projection.
     */
    static LSTMCell.State lstm(Tensor gi, Tensor h, Tensor c, Tensor whhT, Tensor bhh, Tensor whrT) {
        if (FUSED) {
            Tensor[] next = RecurrentKernels.lstm(gi, h.matmul(whhT), bhh, c);
            return new LSTMCell.State(whrT == null ? next[0] : next[0].matmul(whrT), next[1]);
        }
        return chainLstm(gi, h, c, whhT, bhh, whrT);
    }

    static LSTMCell.State chainLstm(Tensor gi, Tensor h, Tensor c, Tensor whhT, Tensor bhh, Tensor whrT) {
        List<Tensor> gates = gi.add(hiddenGates(h, whhT, bhh)).chunk(4, 1);
        Tensor i = gates.get(0).sigmoid();
        Tensor f = gates.get(1).sigmoid();
        Tensor g = gates.get(2).tanh();
        Tensor o = gates.get(3).sigmoid();
        Tensor cNext = f.mul(c).add(i.mul(g));
        Tensor hNext = o.mul(cNext.tanh());
        if (whrT != null) hNext = hNext.matmul(whrT);
        return new LSTMCell.State(hNext, cNext);
    }

    /**
     * GRU, gates stacked {@code [r | z | n]}; the hidden bias of n sits inside the reset product:
     * <pre>
     *   r  = sigmoid(i_r + h_r)        (reset gate)
     *   z  = sigmoid(i_z + h_z)        (update gate: how much of the OLD state to keep)
     *   n  = tanh(i_n + r * h_n)       where h_n = W_hn h + b_hn
     *   h' = (1 - z) * n + z * h  =  n + z * (h - n)
     * </pre>
     */
    static Tensor gru(Tensor gi, Tensor h, Tensor whhT, Tensor bhh) {
        if (FUSED) return RecurrentKernels.gru(gi, h.matmul(whhT), bhh, h);
        return chainGru(gi, h, whhT, bhh);
    }

    static Tensor chainGru(Tensor gi, Tensor h, Tensor whhT, Tensor bhh) {
        List<Tensor> in = gi.chunk(3, 1);
        List<Tensor> hid = hiddenGates(h, whhT, bhh).chunk(3, 1);
        Tensor r = in.get(0).add(hid.get(0)).sigmoid();
        Tensor z = in.get(1).add(hid.get(1)).sigmoid();
        Tensor n = in.get(2).add(r.mul(hid.get(2))).tanh();
        return n.add(z.mul(h.sub(n)));
    }
}
