package layerwise.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * The plain kernels of the recurrent cells and layers: each step written as the chain of tensor ops it
 * is (add, chunk, sigmoid, tanh, mul), every matrix product on the kernel given. {@link RecurrentKernels}
 * computes the same sums in the same order in one pass; {@link Kernels} chooses between the two.
 *
 * <p>Every step starts from the input part of the gate pre-activations, {@code gi = x W_ih^T + b_ih}
 * (shape {@code (N, G*H)}). A cell computes it for one step; a layer computes it for all time steps in
 * one matrix product, because it does not depend on the state. The hidden part,
 * {@code gh = h W_hh^T + b_hh}, must wait for the previous step. {@code whhT} is {@code W_hh}
 * transposed ({@code (Hout, G*H)}), {@code bhh} may be null (bias=False).
 *
 * <p>Every op here is a recorded tensor op (the matrix products too, on the kernel given), so when a
 * parameter, the input or a state requires grad, this chain is the autograd graph itself: a node per op
 * per step, as PyTorch 1.13 records its recurrent layers on the CPU. Backpropagation through time is then
 * nothing but the chain rule applied op by op through the unrolled loop, each step's h and c sending their
 * gradients back to the step before; {@link RecurrentBackward} is the same sums written out for speed.
 */
final class RecurrentChain {
    private RecurrentChain() {
    }

    /** {@code gh = h W_hh^T + b_hh}: the hidden half of the gates, {@code (N, G*H)}. */
    private static Tensor hiddenGates(Tensor h, Tensor whhT, Tensor bhh, Kernels.Kind kind) {
        Tensor gh = MatmulGrad.matmul(h, whhT, kind);
        return bhh == null ? gh : gh.add(bhh);
    }

    /** Elman RNN: {@code h' = tanh(gi + gh)}, or {@code max(0, gi + gh)} with relu. */
    static Tensor rnn(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, boolean relu, Kernels.Kind kind) {
        Tensor pre = gi.add(hiddenGates(h, whhT, bhh, kind));
        return relu ? pre.relu() : pre.tanh();
    }

    /**
     * LSTM, gates stacked {@code [i | f | g | o]}; returns {h', c'}:
     * <pre>
     *   i, f, o = sigmoid(gi + gh)     (input, forget, output gates)
     *   g       = tanh(gi + gh)        (candidate cell)
     *   c'      = f * c + i * g
     *   h'      = o * tanh(c')
     * </pre>
     */
    static Tensor[] lstm(Tensor gi, Tensor h, Tensor c, Tensor whhT, Tensor bhh, Kernels.Kind kind) {
        List<Tensor> gates = gi.add(hiddenGates(h, whhT, bhh, kind)).chunk(4, 1);
        Tensor i = gates.get(0).sigmoid();
        Tensor f = gates.get(1).sigmoid();
        Tensor g = gates.get(2).tanh();
        Tensor o = gates.get(3).sigmoid();
        Tensor cNext = f.mul(c).add(i.mul(g));
        return new Tensor[] {o.mul(cNext.tanh()), cNext};
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
    static Tensor gru(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, Kernels.Kind kind) {
        List<Tensor> in = gi.chunk(3, 1);
        List<Tensor> hid = hiddenGates(h, whhT, bhh, kind).chunk(3, 1);
        Tensor r = in.get(0).add(hid.get(0)).sigmoid();
        Tensor z = in.get(1).add(hid.get(1)).sigmoid();
        Tensor n = in.get(2).add(r.mul(hid.get(2))).tanh();
        return n.add(z.mul(h.sub(n)));
    }

    /**
     * One layer over {@code seq (T, N, in)} step by step, each direction on its own; the output is
     * [forward | reverse] at every step. The reverse direction walks t = T-1 .. 0 and writes its output at
     * position t, so its final state is the one it had at t = 0. With a projection (LSTM proj_size),
     * h' = h' W_hr^T after each step.
     */
    static RecurrentKernels.Layer layer(RecurrentKernels.Cell cell, Tensor seq, RecurrentKernels.Direction... directions) {
        Kernels.Kind kind = Kernels.Kind.PLAIN;
        int steps = seq.size(0);
        int n = seq.size(1);
        Tensor[] outputs = new Tensor[directions.length];
        Tensor[] hN = new Tensor[directions.length];
        Tensor[] cN = new Tensor[directions.length];
        for (int dir = 0; dir < directions.length; dir++) {
            RecurrentKernels.Direction d = directions[dir];
            Tensor whhT = d.weightHh().t().contiguous();
            Tensor whrT = d.weightHr() == null ? null : d.weightHr().t().contiguous();
            // x W_ih^T + b_ih does not depend on the state: one product for all time steps.
            Tensor gi = MatmulGrad.matmul(seq.reshape(steps * n, seq.size(2)), d.weightIh().t().contiguous(), kind);
            if (d.biasIh() != null) gi = gi.add(d.biasIh());
            gi = gi.reshape(steps, n, gi.size(1));
            Tensor h = d.h0(), c = d.c0();
            Tensor[] out = new Tensor[steps];
            for (int s = 0; s < steps; s++) {
                int t = dir == 0 ? s : steps - 1 - s;
                Tensor g = gi.select(0, t);
                switch (cell) {
                    case LSTM -> {
                        Tensor[] next = lstm(g, h, c, whhT, d.biasHh(), kind);
                        h = whrT == null ? next[0] : MatmulGrad.matmul(next[0], whrT, kind);
                        c = next[1];
                    }
                    case GRU -> h = gru(g, h, whhT, d.biasHh(), kind);
                    case RNN_TANH, RNN_RELU -> h = rnn(g, h, whhT, d.biasHh(), cell == RecurrentKernels.Cell.RNN_RELU, kind);
                }
                out[t] = h;
            }
            outputs[dir] = Tensor.stack(Arrays.asList(out), 0);
            hN[dir] = h;
            cN[dir] = c;
        }
        Tensor output = outputs.length == 1 ? outputs[0] : Tensor.cat(Arrays.asList(outputs), 2);
        return new RecurrentKernels.Layer(output, hN, cell == RecurrentKernels.Cell.LSTM ? cN : new Tensor[directions.length]);
    }
}
