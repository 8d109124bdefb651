package layerwise.tensor;

/**
 * A recurrent layer on the fast kernel as ONE node of the autograd graph: its forward is
 * {@link RecurrentKernels#layer} (every direction over the whole sequence), its backward
 * {@link RecurrentBackward}'s backpropagation through time, which reads what the forward kept
 * ({@link RecurrentTape}) instead of a node per op of every step.
 *
 * <p>The node's inputs are the layer's input sequence, then per direction W_ih, b_ih, W_hh, b_hh, W_hr,
 * h0 and c0 (absent ones null); its outputs the layer's output (T, N, D·Hout), then each direction's final
 * h, then (LSTM) each final c. Each input gets its gradient as {@link RecurrentBackward} states it:
 * <pre>
 *   dx = Σ_directions dPre W_ih      dW_ih = dPreᵀ X      dW_hh = Σ_t dpreʰ_tᵀ h_{t-1}
 *   db_ih = Σ rows of dPre           db_hh = Σ rows of dpreʰ                 dW_hr = Σ_t dh_tᵀ m_t
 *   dh0, dc0: what the chain rule carries back past the first step
 * </pre>
 *
 * <p>The node's name. PyTorch 1.13 on the CPU runs its recurrent layers as a chain of tensor ops, so its
 * graph has a node per op per step (the output's grad_fn is {@code StackBackward0}, the nodes behind it
 * {@code MulBackward0}, ...): that is the graph the plain kernel records here ({@link RecurrentChain}).
 * PyTorch's fused layers name their node after the library that runs them ({@code CudnnRnnBackward0} for
 * a whole cuDNN stack on a GPU, {@code MkldnnRnnLayerBackward0} for one oneDNN layer in PyTorch 2), and
 * neither runs here; so this node is named after the op it is, one layer of the cell:
 * {@code LstmLayerBackward0}, {@code GruLayerBackward0}, {@code RnnTanhLayerBackward0},
 * {@code RnnReluLayerBackward0}.
 */
final class RecurrentLayerGrad {
    private RecurrentLayerGrad() {
    }

    /** Inputs per direction: W_ih, b_ih, W_hh, b_hh, W_hr, h0, c0. */
    private static final int PER_DIRECTION = 7;

    static String name(RecurrentKernels.Cell cell) {
        return switch (cell) {
            case LSTM -> "LstmLayerBackward0";
            case GRU -> "GruLayerBackward0";
            case RNN_TANH -> "RnnTanhLayerBackward0";
            case RNN_RELU -> "RnnReluLayerBackward0";
        };
    }

    /** The node's inputs: the sequence, then each direction's seven. */
    static Tensor[] inputs(Tensor seq, RecurrentKernels.Direction[] directions) {
        Tensor[] in = new Tensor[1 + PER_DIRECTION * directions.length];
        in[0] = seq;
        for (int d = 0; d < directions.length; d++) {
            RecurrentKernels.Direction dir = directions[d];
            System.arraycopy(new Tensor[] {dir.weightIh(), dir.biasIh(), dir.weightHh(), dir.biasHh(), dir.weightHr(),
                dir.h0(), dir.c0()}, 0, in, 1 + PER_DIRECTION * d, PER_DIRECTION);
        }
        return in;
    }

    /**
     * One layer over {@code seq (T, N, in)} on the fast kernel. Without recording, the plain forward; when
     * recording, the same forward keeping its tapes and a copy of its output, and one node on the outputs.
     */
    static RecurrentKernels.Layer layer(RecurrentKernels.Cell cell, Tensor seq, RecurrentKernels.Direction... directions) {
        Tensor[] inputs = inputs(seq, directions);
        if (!Autograd.recording(inputs)) return RecurrentKernels.layer(cell, seq, directions);
        int dirs = directions.length, steps = seq.dims[0], n = seq.dims[1];
        RecurrentTape[] tapes = new RecurrentTape[dirs];
        for (int d = 0; d < dirs; d++) {
            RecurrentKernels.Direction dir = directions[d];
            tapes[d] = new RecurrentTape(cell, steps, n, dir.weightHh().dims[0] / cell.gates(), dir.weightHr() != null);
        }
        // The states h_t as the forward wrote them: a copy, so that changing the returned output in place
        // (which PyTorch allows) cannot change the gradient.
        float[][] states = new float[1][];
        Tensor[] saved = new Tensor[1 + 5 * dirs];
        saved[0] = seq;
        for (int d = 0; d < dirs; d++) {
            RecurrentKernels.Direction dir = directions[d];
            System.arraycopy(new Tensor[] {dir.weightIh(), dir.weightHh(), dir.weightHr(), dir.h0(), dir.c0()}, 0, saved,
                    1 + 5 * d, 5);
        }
        Tensor[] outs = Autograd.multi(name(cell), () -> {
            RecurrentKernels.Layer layer = RecurrentKernels.layer(cell, seq, tapes, directions);
            states[0] = layer.output().storage.clone();
            return outputs(cell, layer);
        }, (grads, o) -> Kernels.recurrentBackward(cell, seq, directions, tapes, states[0], grads), inputs, saved);
        Tensor[] h = new Tensor[dirs], c = new Tensor[dirs];
        for (int d = 0; d < dirs; d++) {
            h[d] = outs[1 + d];
            if (cell == RecurrentKernels.Cell.LSTM) c[d] = outs[1 + dirs + d];
        }
        return new RecurrentKernels.Layer(outs[0], h, c);
    }

    /** The node's outputs: output, each final h, each final c (LSTM). */
    private static Tensor[] outputs(RecurrentKernels.Cell cell, RecurrentKernels.Layer layer) {
        int dirs = layer.h().length;
        boolean lstm = cell == RecurrentKernels.Cell.LSTM;
        Tensor[] outs = new Tensor[1 + dirs * (lstm ? 2 : 1)];
        outs[0] = layer.output();
        System.arraycopy(layer.h(), 0, outs, 1, dirs);
        if (lstm) System.arraycopy(layer.c(), 0, outs, 1 + dirs, dirs);
        return outs;
    }

    /**
     * The node's derivative (see the class comment): every direction backwards through time, the two
     * side by side on a thread each when a step is large enough to split, then the weights' products.
     */
    static Tensor[] backward(RecurrentKernels.Cell cell, Tensor seq, RecurrentKernels.Direction[] directions,
                             RecurrentTape[] tapes, float[] states, Tensor[] grads) {
        int dirs = directions.length, steps = seq.dims[0], n = seq.dims[1];
        int hOut = directions[0].weightHh().dims[1];
        boolean lstm = cell == RecurrentKernels.Cell.LSTM;
        Tensor g = grads[0].contiguous();
        RecurrentBackward[] back = new RecurrentBackward[dirs];
        for (int d = 0; d < dirs; d++) {
            float[] gh = grads[1 + d].contiguous().toFloatArray();
            float[] gc = lstm ? grads[1 + dirs + d].contiguous().toFloatArray() : null;
            back[d] = new RecurrentBackward(cell, directions[d], d == 1, tapes[d], steps, states, g.storage, g.offset,
                    d * hOut, dirs * hOut, gh, gc);
        }
        long work = (long) steps * n * directions[0].weightHh().dims[0] * hOut;
        if (dirs == 2 && Parallel.threads() > 1 && work >= Gemm.PARALLEL_WORK) {
            Parallel.forEach(2, d -> back[d].run(1, needs(directions[d].h0())));
        } else {
            for (int d = 0; d < dirs; d++) back[d].run(Parallel.threads(), needs(directions[d].h0()));
        }

        Tensor[] result = new Tensor[1 + PER_DIRECTION * dirs];
        if (seq.requiresGrad) {
            int features = seq.dims[2];
            float[] dx = Storage.allocate(steps, n, features);
            for (int d = 0; d < dirs; d++) back[d].input(directions[d].weightIh(), dx, d > 0);
            result[0] = Tensor.wrap(dx, steps, n, features);
        }
        SequenceRows x = null;
        for (int d = 0; d < dirs; d++) {
            RecurrentKernels.Direction dir = directions[d];
            int at = 1 + PER_DIRECTION * d;
            if (needs(dir.weightIh())) {
                if (x == null) x = timeMajor(seq);
                result[at] = back[d].weightIh(x);
            }
            if (needs(dir.biasIh())) result[at + 1] = back[d].biasIh();
            if (needs(dir.weightHh())) result[at + 2] = back[d].weightHh();
            if (needs(dir.biasHh())) result[at + 3] = back[d].biasHh();
            if (needs(dir.weightHr())) result[at + 4] = back[d].weightHr();
            if (needs(dir.h0())) result[at + 5] = back[d].dh0();
            if (needs(dir.c0())) result[at + 6] = back[d].dc0();
        }
        return result;
    }

    private static boolean needs(Tensor t) {
        return t != null && t.requiresGrad;
    }

    /** The input's rows in time order (row t·N + b), as dPre's are: a batch-major input is copied once. */
    private static SequenceRows timeMajor(Tensor seq) {
        SequenceRows rows = SequenceRows.of(seq);
        return rows.timeMajor() ? rows : SequenceRows.of(seq.clone());
    }
}
