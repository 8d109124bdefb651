package layerwise.tensor;

/**
 * The fast kernels of {@code layerwise.nn}'s recurrent layers and cells. The plain way to write a step is a
 * chain of tensor ops (add, chunk, sigmoid, tanh, mul), each a pass over memory that allocates its result.
 * Here:
 * <ul>
 *   <li>a cell's step ({@link #lstm}, {@link #gru}, {@link #rnn}) takes the input part {@code gi = x W_ih^T
 *       + b_ih}, the hidden product {@code gh = h W_hh^T} and {@code b_hh}, and does the gate maths in one
 *       pass ({@link RecurrentGates});</li>
 *   <li>a layer ({@link #layer}) runs each direction over the whole sequence at once
 *       ({@link RecurrentDirection}): the input part of all steps as one matrix product, then per step the
 *       hidden product and the gates split over the threads by hidden units, with no array allocated and h
 *       written straight into the output; a bidirectional layer runs its two directions side by side.</li>
 * </ul>
 * When the forward records for autograd, a layer is one node whose backward is {@link RecurrentBackward}
 * ({@link RecurrentLayerGrad}), and a cell step one node ({@link RecurrentCellGrad}).
 * The sums are the chained ops' sums, in the same order: a gate's pre-activation is
 * {@code (x W_ih^T + b_ih) + (h W_hh^T + b_hh)}, then {@code f*c + i*g}, ... and every matrix product adds
 * its terms as {@link Gemm} does for {@code matmul}. Without SIMD, sigmoid and tanh are the tensor ops'
 * own and the results are the chain's bit for bit; with SIMD they are {@link GateMath}'s (within one unit
 * in the last place of the tensor ops', tested).
 */
public final class RecurrentKernels {
    private RecurrentKernels() {
    }

    /** The cell a recurrent layer runs, with G, the number of gates its weights stack. */
    public enum Cell {
        RNN_TANH(1), RNN_RELU(1), LSTM(4), GRU(3);

        private final int gates;

        Cell(int gates) {
            this.gates = gates;
        }

        int gates() {
            return gates;
        }
    }

    /**
     * One direction of a layer: {@code weightIh (G·H, in)}, {@code weightHh (G·H, Hout)}, the biases
     * {@code (G·H)} or null, {@code weightHr (Hout, H)} (LSTM projection) or null, the initial states
     * {@code h0 (N, Hout)} and, LSTM only, {@code c0 (N, H)}.
     */
    public record Direction(Tensor weightIh, Tensor biasIh, Tensor weightHh, Tensor biasHh, Tensor weightHr,
                            Tensor h0, Tensor c0) {
    }

    /** A layer's result: output {@code (T, N, D·Hout)}, [forward | reverse] at each step, and per direction the final h and c (LSTM, else null). */
    public record Layer(Tensor output, Tensor[] h, Tensor[] c) {
    }

    /**
     * One layer over {@code seq (T, N, in)}, any strides, in one or two directions (the second walks
     * t = T-1 .. 0 and writes its output at position t). Each direction's pre-activations are
     * {@code (x W_ih^T + b_ih) + (h W_hh^T + b_hh)}, absent biases left out.
     */
    public static Layer layer(Cell cell, Tensor seq, Direction... directions) {
        return layer(cell, seq, null, directions);
    }

    /**
     * {@link #layer(Cell, Tensor, Direction...)} that, when {@code tapes} is not null (a forward that records),
     * keeps in tapes[d] what direction d's backward reads.
     */
    static Layer layer(Cell cell, Tensor seq, RecurrentTape[] tapes, Direction... directions) {
        int dirs = directions.length;
        int steps = seq.dims[0], n = seq.dims[1], hOut = directions[0].weightHh().dims[1];
        float[] out = Storage.allocate(steps, n, dirs * hOut);
        SequenceRows x = SequenceRows.of(seq);
        RecurrentDirection[] run = new RecurrentDirection[dirs];
        for (int d = 0; d < dirs; d++) {
            run[d] = new RecurrentDirection(cell, x, directions[d], d == 1, out, d * hOut, dirs * hOut,
                    tapes == null ? null : tapes[d]);
        }
        if (dirs == 2 && Parallel.threads() > 1 && run[0].recurrentWork() >= Gemm.PARALLEL_WORK) {
            // The two directions are independent: one thread each, every step on that thread.
            Parallel.forEach(2, d -> run[d].run(1));
        } else {
            for (RecurrentDirection r : run) r.run(Parallel.threads());
        }
        Tensor[] h = new Tensor[dirs], c = new Tensor[dirs];
        for (int d = 0; d < dirs; d++) {
            h[d] = run[d].finalH();
            c[d] = run[d].finalC();
        }
        return new Layer(Tensor.wrap(out, steps, n, dirs * hOut), h, c);
    }

    /**
     * One LSTM cell step, gates stacked {@code [i | f | g | o]}: with pre = gi + (gh + b_hh) (bhh may be
     * null), i, f, o = sigmoid(pre), g = tanh(pre), c' = f*c + i*g, h' = o * tanh(c'). Returns {h', c'}.
     */
    public static Tensor[] lstm(Tensor gi, Tensor gh, Tensor bhh, Tensor c) {
        return lstm(gi, gh, bhh, c, null);
    }

    /** {@link #lstm(Tensor, Tensor, Tensor, Tensor)} that keeps, when kept is not null, the gates in kept[0] and tanh(c') in kept[1]. */
    static Tensor[] lstm(Tensor gi, Tensor gh, Tensor bhh, Tensor c, float[][] kept) {
        int n = gh.dims[0], hidden = c.dims[1];
        Tensor x = gi.contiguous();
        float[] gates = gh.toFloatArray();
        float[] cNext = c.toFloatArray();
        float[] hNext = Storage.allocate(n, hidden);
        float[] tanhC = kept == null ? null : Storage.allocate(n, hidden);
        // A cell's gi already holds b_ih.
        RecurrentGates.lstm(n, hidden, 0, hidden, x.storage, x.offset, 4 * hidden, RecurrentGates.bias(null, 4 * hidden),
                gates, 0, RecurrentGates.bias(bhh, 4 * hidden), cNext, 0, hidden, hNext, 0, hidden, tanhC, 0);
        if (kept != null) {
            kept[0] = gates;
            kept[1] = tanhC;
        }
        return new Tensor[] {Tensor.wrap(hNext, n, hidden), Tensor.wrap(cNext, n, hidden)};
    }

    /**
     * One GRU cell step, gates stacked {@code [r | z | n]}, with hb = gh + b_hh: r = sigmoid(gi_r + hb_r),
     * z = sigmoid(gi_z + hb_z), n = tanh(gi_n + r * hb_n), h' = n + z * (h − n).
     */
    public static Tensor gru(Tensor gi, Tensor gh, Tensor bhh, Tensor h) {
        return gru(gi, gh, bhh, h, null);
    }

    /** {@link #gru(Tensor, Tensor, Tensor, Tensor)} that keeps, when kept is not null, the gates [r | z | n] in kept[0]. */
    static Tensor gru(Tensor gi, Tensor gh, Tensor bhh, Tensor h, float[][] kept) {
        int n = gh.dims[0], hidden = h.dims[1];
        Tensor x = gi.contiguous(), prev = h.contiguous();
        float[] out = Storage.allocate(n, hidden);
        float[] gates = gh.toFloatArray();
        RecurrentGates.gru(n, hidden, 0, hidden, x.storage, x.offset, 3 * hidden, RecurrentGates.bias(null, 3 * hidden),
                gates, 0, RecurrentGates.bias(bhh, 3 * hidden), prev.storage, prev.offset, hidden, out, 0, hidden);
        if (kept != null) kept[0] = gates;
        return Tensor.wrap(out, n, hidden);
    }

    /** One Elman RNN cell step: h' = tanh(gi + (gh + b_hh)), or relu of it. */
    public static Tensor rnn(Tensor gi, Tensor gh, Tensor bhh, boolean relu) {
        int n = gh.dims[0], hidden = gh.dims[1];
        Tensor x = gi.contiguous();
        float[] out = Storage.allocate(n, hidden);
        RecurrentGates.rnn(n, hidden, 0, hidden, x.storage, x.offset, hidden, RecurrentGates.bias(null, hidden),
                gh.toFloatArray(), 0, RecurrentGates.bias(bhh, hidden), relu, out, 0, hidden);
        return Tensor.wrap(out, n, hidden);
    }
}
