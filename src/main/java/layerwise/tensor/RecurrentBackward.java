package layerwise.tensor;

/**
 * Backpropagation through time for one direction of a recurrent layer, from what its recording forward
 * kept ({@link RecurrentTape} and the layer's output): the fast side of {@link Kernels#recurrentBackward}.
 *
 * <p>The unrolled layer is a chain of steps, each reading h_{t-1} (and c_{t-1}) and the input x_t. The
 * chain rule runs it backwards, from the last step the forward took to the first:
 * <pre>
 *   dh_t     = dL/d output_t + (dpreʰ_{t+1} W_hh  [+ GRU: dh_{t+1} ⊙ z_{t+1}])     (h_n's gradient at the last step)
 *   dpre_t   = the gates' derivative at step t ({@link RecurrentGateGrads})           (N, G·H)
 *   dh_{-1}  = what reaches h0 the same way
 * </pre>
 * Only the product with W_hh must wait for the step after; the weights' gradients add one term per step,
 * so they are computed once the loop is done, each as ONE product over all T·N rows:
 * <pre>
 *   dW_ih = Σ_t dpre_tᵀ x_t = dPreᵀ X        (G·H, in)      X: (T·N, in), dPre: (T·N, G·H)
 *   dx    = dPre W_ih                        (T·N, in)
 *   dW_hh = Σ_t dpreʰ_tᵀ h_{t-1}              (G·H, Hout)    h_{t-1}: h0, then the outputs one step behind
 *   db_ih = Σ rows of dPre,  db_hh = Σ rows of dPreʰ
 *   dW_hr = Σ_t dh_tᵀ m_t                    (P, H)         LSTM with proj_size (h_t = m_t W_hrᵀ)
 * </pre>
 * dpreʰ, the gradient of the hidden part of the pre-activations, is dpre itself except for the GRU, whose
 * candidate's hidden part is scaled by r. Each step is split over the threads by hidden units, as the
 * forward is ({@link Lockstep}): a thread computes its columns of dh_t (all of dpre_{t+1} is done by then),
 * then the gates of its units.
 */
final class RecurrentBackward {

    private final RecurrentKernels.Cell cell;
    private final int steps, n, hidden, hOut, width;
    private final boolean reverse;
    private final RecurrentTape tape;
    /** The layer's output (T, N, D·Hout) as the forward wrote it: this direction's h_t at t·N·ld + b·ld + off. */
    private final float[] hs;
    private final int hsOff, hsLd;
    /** dL/d(the layer's output), laid out as hs is. */
    private final float[] gOut;
    private final int gOff;
    private final float[] h0, c0;
    /** W_hh as B of dpre·W_hh (G·H × Hout), and W_hr (P × H) as B of dh·W_hr. */
    private final Gemm.PackedB whh, whr;

    /** dpre and dpreʰ (the same array but for the GRU), (T, N, G·H) time-major. */
    private final float[] dPre, dPreHidden;
    /** With proj_size: dh_t for every step, (T, N, P), for dW_hr. */
    private final float[] dHs;
    /** During the loop the gradient flowing into h_{t-1} from step t; at the end dL/dh0 (N, Hout). */
    private final float[] carry;
    /** dL/dc of the step being done; at the end dL/dc0 (N, H). LSTM only. */
    private final float[] dc;
    private final float[] dh, dm;

    /**
     * @param steps T; {@code hs} the layer's output, {@code gOut} its gradient (both contiguous
     *           (T, N, D·Hout), gOut from {@code gOff}), {@code dirOff} this direction's first column;
     *           {@code ghN}, {@code gcN} the gradients of the final h and c, (N, Hout) and (N, H).
     */
    RecurrentBackward(RecurrentKernels.Cell cell, RecurrentKernels.Direction d, boolean reverse, RecurrentTape tape,
                      int steps, float[] hs, float[] gOut, int gOff, int dirOff, int hsLd, float[] ghN, float[] gcN) {
        this.cell = cell;
        this.steps = steps;
        this.n = d.h0().dims[0];
        Tensor w = d.weightHh();
        this.hidden = w.dims[0] / cell.gates();
        this.hOut = w.dims[1];
        this.width = w.dims[0];
        this.reverse = reverse;
        this.tape = tape;
        this.hs = hs;
        this.hsOff = dirOff;
        this.hsLd = hsLd;
        this.gOut = gOut;
        this.gOff = gOff + dirOff;
        this.h0 = d.h0().contiguous().toFloatArray();
        this.c0 = d.c0() == null ? null : d.c0().contiguous().toFloatArray();
        whh = Gemm.pack(width, hOut, w.storage, w.offset, w.strides[0], w.strides[1]);
        Tensor p = d.weightHr();
        whr = p == null ? null : Gemm.pack(hOut, hidden, p.storage, p.offset, p.strides[0], p.strides[1]);
        dPre = Storage.allocate(steps, n, width);
        dPreHidden = cell == RecurrentKernels.Cell.GRU ? Storage.allocate(steps, n, width) : dPre;
        dHs = whr == null ? null : Storage.allocate(steps, n, hOut);
        carry = ghN.clone();
        dc = gcN == null ? null : gcN.clone();
        dh = Storage.allocate(n, hOut);
        dm = whr == null ? null : Storage.allocate(n, hidden);
    }

    private int time(int s) {
        return reverse ? steps - 1 - s : s;
    }

    private int slab(int t, int w) {
        return t * n * w;
    }

    /** Runs every step backwards with up to {@code threads} threads; then, if asked for, dL/dh0 is {@link #dh0()}. */
    void run(int threads, boolean needH0) {
        int tasks = Lockstep.tasks((long) n * width * hOut, hidden, threads);
        int[] bounds = Lockstep.unitBounds(hidden, tasks);
        if (whr == null) {
            Lockstep.run(steps, tasks, (q, k) -> step(steps - 1 - q, bounds[k], bounds[k + 1]));
        } else {
            for (int s = steps - 1; s >= 0; s--) projectedStep(s, tasks, bounds);
        }
        // What reaches h0: through W_hh from the first step the forward took (plus the GRU's direct term).
        if (needH0 && steps > 0) {
            Gemm.gemm(n, dPreHidden, slab(time(0), width), width, 1, whh, carry, 0, hOut, cell == RecurrentKernels.Cell.GRU);
        }
    }

    /** Units u0..u1-1 of step s (no projection, so Hout = H): their columns of dh_t, then their gates. */
    private void step(int s, int u0, int u1) {
        if (u1 <= u0) return;
        int t = time(s);
        if (s < steps - 1) {
            // carry = dpreʰ_{t+1} W_hh, added to the GRU's direct term that step t+1 left in carry.
            Gemm.range(n, dPreHidden, slab(time(s + 1), width), width, 1, whh, u0, u1, carry, 0, hOut,
                    cell == RecurrentKernels.Cell.GRU);
        }
        int at = gOff + t * n * hsLd;
        for (int r = 0; r < n; r++) {
            for (int u = u0; u < u1; u++) dh[r * hOut + u] = gOut[at + r * hsLd + u] + carry[r * hOut + u];
        }
        gates(s, t, u0, u1, dh, hOut);
    }

    /** Step s of an LSTM with proj_size: dh_t (N, P) whole, then dm = dh_t W_hr (N, H), then the gates by units. */
    private void projectedStep(int s, int tasks, int[] bounds) {
        int t = time(s);
        if (s < steps - 1) Gemm.gemm(n, dPre, slab(time(s + 1), width), width, 1, whh, carry, 0, hOut, false);
        int at = gOff + t * n * hsLd, dAt = slab(t, hOut);
        for (int r = 0; r < n; r++) {
            for (int u = 0; u < hOut; u++) dHs[dAt + r * hOut + u] = gOut[at + r * hsLd + u] + carry[r * hOut + u];
        }
        Gemm.gemm(n, dHs, dAt, hOut, 1, whr, dm, 0, hidden, false);
        Parallel.forEach(tasks, k -> gates(s, t, bounds[k], bounds[k + 1], dm, hidden));
    }

    /** The gates' derivative at step s (time t) for units u0..u1-1, from dL/d(the step's new state) in d (rows of ld). */
    private void gates(int s, int t, int u0, int u1, float[] d, int ld) {
        if (u1 <= u0) return;
        switch (cell) {
            case LSTM -> {
                float[] cPrev = s == 0 ? c0 : tape.c;
                int cOff = s == 0 ? 0 : slab(time(s - 1), hidden);
                RecurrentGateGrads.lstm(n, hidden, u0, u1, tape.gates, slab(t, width), cPrev, cOff, hidden,
                        tape.tanhC, slab(t, hidden), d, 0, ld, dc, 0, dPre, slab(t, width));
            }
            case GRU -> {
                float[] prev = s == 0 ? h0 : hs;
                int pOff = s == 0 ? 0 : time(s - 1) * n * hsLd + hsOff, pLd = s == 0 ? hOut : hsLd;
                RecurrentGateGrads.gru(n, hidden, u0, u1, tape.gates, slab(t, width), tape.hn, slab(t, hidden),
                        prev, pOff, pLd, d, 0, ld, dPre, slab(t, width), dPreHidden, slab(t, width), carry, 0, hOut);
            }
            case RNN_TANH, RNN_RELU -> RecurrentGateGrads.rnn(n, u0, u1, cell == RecurrentKernels.Cell.RNN_RELU,
                    hs, t * n * hsLd + hsOff, hsLd, d, 0, ld, dPre, slab(t, width), width);
        }
    }

    /** dL/dh0, (N, Hout), after {@link #run}. */
    Tensor dh0() {
        return Tensor.wrap(carry, n, hOut);
    }

    /** dL/dc0, (N, H), after {@link #run} (LSTM). */
    Tensor dc0() {
        return Tensor.wrap(dc, n, hidden);
    }

    // ---------------------------------------------------------------- the weights: one product each over all steps

    /** dW_ih = dPreᵀ X: (G·H, in), X the layer's input as T·N time-major rows. */
    Tensor weightIh(SequenceRows x) {
        float[] dw = Storage.allocate(width, x.features());
        Gemm.gemm(width, x.features(), steps * n, dPre, 0, 1, width, x.data(), x.offset(), x.rowStride(), x.featureStride(),
                dw, 0, x.features(), false);
        return Tensor.wrap(dw, width, x.features());
    }

    /** dx (+)= dPre W_ih: (T·N, in) time-major; accumulate adds to what the other direction wrote. */
    void input(Tensor wih, float[] dx, boolean accumulate) {
        Gemm.gemm(steps * n, wih.dims[1], width, dPre, 0, width, 1, wih.storage, wih.offset, wih.strides[0], wih.strides[1],
                dx, 0, wih.dims[1], accumulate);
    }

    /**
     * dW_hh = Σ_t dpreʰ_tᵀ h_{t-1}: the steps after the first read the outputs one step behind (rows of
     * T−1 steps, one product), the first reads h0 (one more, added).
     */
    Tensor weightHh() {
        float[] dw = Storage.allocate(width, hOut);
        int later = Math.max(steps - 1, 0) * n;
        // Forward: steps t = 1..T-1 read h_{t-1} = outputs 0..T-2. Reverse: t = 0..T-2 read h_{t+1} = outputs 1..T-1.
        int preAt = reverse ? 0 : n * width, hAt = (reverse ? n * hsLd : 0) + hsOff;
        Gemm.gemm(width, hOut, later, dPreHidden, preAt, 1, width, hs, hAt, hsLd, 1, dw, 0, hOut, false);
        if (steps > 0) {
            Gemm.gemm(width, hOut, n, dPreHidden, slab(time(0), width), 1, width, h0, 0, hOut, 1, dw, 0, hOut, true);
        }
        return Tensor.wrap(dw, width, hOut);
    }

    /** db_ih: the rows of dPre summed. */
    Tensor biasIh() {
        return columnSums(dPre);
    }

    /** db_hh: the rows of dPreʰ summed (dPre itself but for the GRU). */
    Tensor biasHh() {
        return columnSums(dPreHidden);
    }

    private Tensor columnSums(float[] d) {
        float[] sum = Storage.allocate(width);
        for (int row = 0; row < steps * n; row++) {
            int at = row * width;
            for (int j = 0; j < width; j++) sum[j] += d[at + j];
        }
        return Tensor.wrap(sum, width);
    }

    /** dW_hr = Σ_t dh_tᵀ m_t: (P, H), one product over all steps (LSTM with proj_size). */
    Tensor weightHr() {
        float[] dw = Storage.allocate(hOut, hidden);
        Gemm.gemm(hOut, hidden, steps * n, dHs, 0, 1, hOut, tape.m, 0, hidden, 1, dw, 0, hidden, false);
        return Tensor.wrap(dw, hOut, hidden);
    }
}
