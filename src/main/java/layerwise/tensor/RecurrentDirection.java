package layerwise.tensor;

/**
 * One layer in one direction over a whole sequence, for {@link RecurrentKernels#layer}. Set up once:
 * <ul>
 *   <li>the input part of every step, {@code x W_ih^T}, as one matrix product (T·N rows) before the time
 *       loop, read in place at every step; b_ih joins it in the gate pass;</li>
 *   <li>{@code W_hh} packed gate by gate, so a thread can multiply just its units' columns of each gate;</li>
 *   <li>the state: h0 copied once, c (LSTM) one buffer updated in place, a scratch for {@code h W_hh^T}.</li>
 * </ul>
 * Each step is then split over the threads by hidden units, each range whole panels of the packed weight:
 * its columns of {@code h W_hh^T} for every gate, then the gates for its units ({@link RecurrentGates}),
 * writing h straight into its slot of the layer's output {@code (T, N, D·Hout)}, where the next step reads
 * it. The threads stay together for the whole sequence and meet after each step ({@link Lockstep}).
 * With a projection (LSTM proj_size) h before projection goes to a scratch and {@code h W_hr^T} follows on
 * whole rows once a step's ranges are done: one parallel call per step.
 *
 * <p>A forward that records for autograd passes a {@link RecurrentTape}: the products and gates of step t
 * then work in its slab t instead of the scratch (the gates' activations, c and the state before the
 * projection stay there), and tanh(c) and the GRU's W_hn h + b_hn are kept beside them. The sums are the
 * same either way.
 */
final class RecurrentDirection {

    private final RecurrentKernels.Cell cell;
    private final int steps, n, hidden, hOut, gates;
    private final boolean reverse;
    /** x W_ih^T, row (t, b) at t·giTs + b·giNs. */
    private final float[] gi;
    private final int giTs, giNs;
    private final float[] bi, bh;
    private final Gemm.PackedB[] whh;
    private final Gemm.PackedB whr;
    /** The layer's output (T, N, D·Hout): this direction's columns start at outOff, rows are outLd apart. */
    private final float[] out;
    private final int outOff, outLd;
    private final float[] h0, c0, c, gh, raw;
    /** Null unless the forward records; then gh, c and raw are its slabs, one per step. */
    private final RecurrentTape tape;

    RecurrentDirection(RecurrentKernels.Cell cell, SequenceRows x, RecurrentKernels.Direction d, boolean reverse,
                       float[] out, int outOff, int outLd, RecurrentTape tape) {
        this.cell = cell;
        this.gates = cell.gates();
        this.steps = x.steps();
        this.n = x.batch();
        this.hidden = d.weightHh().dims[0] / gates;
        this.hOut = d.weightHh().dims[1];
        this.reverse = reverse;
        this.out = out;
        this.outOff = outOff;
        this.outLd = outLd;
        this.tape = tape;
        int width = gates * hidden;
        Tensor wih = d.weightIh();
        gi = inputPart(reverse ? 1 : 0, steps, n, width);
        // One product for all steps, rows in the order the input is laid out in (time- or batch-major).
        Gemm.gemm(steps * n, width, x.features(), x.data(), x.offset(), x.rowStride(), x.featureStride(),
                wih.storage, wih.offset, wih.strides[1], wih.strides[0], gi, 0, width, false);
        giTs = x.timeMajor() ? n * width : width;
        giNs = x.timeMajor() ? width : steps * width;
        bi = RecurrentGates.bias(d.biasIh(), width);
        bh = RecurrentGates.bias(d.biasHh(), width);
        Tensor w = d.weightHh();
        whh = new Gemm.PackedB[gates];
        for (int g = 0; g < gates; g++) {
            whh[g] = Gemm.pack(hOut, hidden, w.storage, w.offset + g * hidden * w.strides[0], w.strides[1], w.strides[0]);
        }
        Tensor p = d.weightHr();
        whr = p == null ? null : Gemm.pack(hidden, hOut, p.storage, p.offset, p.strides[1], p.strides[0]);
        h0 = d.h0().contiguous().toFloatArray();
        boolean lstm = cell == RecurrentKernels.Cell.LSTM;
        c0 = lstm ? d.c0().contiguous().toFloatArray() : null;
        c = !lstm ? null : tape != null ? tape.c : c0;
        gh = tape != null && tape.gates != null ? tape.gates : Storage.allocate(n, width);
        raw = whr == null ? null : tape != null ? tape.m : Storage.allocate(n, hidden);
    }

    /** Input parts up to this many floats (16 MiB) are kept for the next forward on the same thread. */
    static final int KEEP_INPUT_PART = 1 << 22;

    private static final ThreadLocal<float[][]> INPUT_PARTS = ThreadLocal.withInitial(() -> new float[2][]);

    /**
     * The array for x W_ih^T of direction dir, every element of which the product overwrites: the one kept
     * from the last forward on this thread when it is large enough, so a layer run again and again (training,
     * a benchmark) does not allocate and clear megabytes per call. Larger ones are allocated each time.
     */
    private static float[] inputPart(int dir, int steps, int n, int width) {
        long size = (long) steps * n * width;
        if (size > KEEP_INPUT_PART) return Storage.allocate(steps, n, width);   // a ShapeError when it cannot fit
        float[][] kept = INPUT_PARTS.get();
        if (kept[dir] == null || kept[dir].length < size) kept[dir] = Storage.allocate(steps, n, width);
        return kept[dir];
    }

    /** Runs every step with up to {@code threads} threads (1: all on the caller's). */
    void run(int threads) {
        int tasks = Lockstep.tasks((long) n * gates * hidden * hOut, hidden, threads);
        int[] bounds = Lockstep.unitBounds(hidden, tasks);
        if (whr == null) {
            Lockstep.run(steps, tasks, (s, k) -> step(s, bounds[k], bounds[k + 1]));
            return;
        }
        for (int s = 0; s < steps; s++) {
            int step = s;
            Parallel.forEach(tasks, k -> step(step, bounds[k], bounds[k + 1]));
            int hAt = time(s) * n * outLd + outOff, rawAt = slab(time(s), hidden);
            if (tasks > 1) {
                Gemm.gemm(n, raw, rawAt, hidden, 1, whr, out, hAt, outLd, false);
            } else {
                Gemm.range(n, raw, rawAt, hidden, 1, whr, 0, hOut, out, hAt, outLd, false);
            }
        }
    }

    /** Where step t's rows of a per-step buffer of this width start: its slab of the tape, or the one scratch. */
    private int slab(int t, int width) {
        return tape == null ? 0 : t * n * width;
    }

    /** The time index of step s: s, or T-1-s in reverse. */
    private int time(int s) {
        return reverse ? steps - 1 - s : s;
    }

    /** Units u0..u1-1 of step s: their columns of h W_hh^T, then their gates. */
    private void step(int s, int u0, int u1) {
        if (u1 <= u0) return;
        int t = time(s), stepRows = n * outLd;
        // The previous h: h0, or the output of the step before (t - 1, or t + 1 in reverse).
        float[] prev = s == 0 ? h0 : out;
        int pOff = s == 0 ? 0 : time(s - 1) * stepRows + outOff;
        int pLd = s == 0 ? hOut : outLd;
        int width = gates * hidden;
        int ghOff = tape != null && gh == tape.gates ? slab(t, width) : 0;
        for (int g = 0; g < gates; g++) {
            Gemm.range(n, prev, pOff, pLd, 1, whh[g], u0, u1, gh, ghOff + g * hidden, width, false);
        }
        int giOff = t * giTs;
        float[] h = raw == null ? out : raw;
        int hOff = raw == null ? t * stepRows + outOff : slab(t, hidden), hLd = raw == null ? outLd : hidden;
        switch (cell) {
            case LSTM -> {
                int cOff = slab(t, hidden);
                if (tape != null) keepCell(s, t, u0, u1);
                RecurrentGates.lstm(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, ghOff, bh, c, cOff, hidden, h, hOff, hLd,
                        tape == null ? null : tape.tanhC, cOff);
            }
            case GRU -> {
                if (tape != null) keepHiddenCandidate(t, ghOff, u0, u1);
                RecurrentGates.gru(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, ghOff, bh, prev, pOff, pLd, h, hOff, hLd);
            }
            case RNN_TANH, RNN_RELU -> RecurrentGates.rnn(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, ghOff, bh,
                    cell == RecurrentKernels.Cell.RNN_RELU, h, hOff, hLd);
        }
    }

    /** Recording: step t's slab of c starts as the previous c (c0, or the slab of the step before), updated in place. */
    private void keepCell(int s, int t, int u0, int u1) {
        float[] from = s == 0 ? c0 : tape.c;
        int fromOff = s == 0 ? 0 : slab(time(s - 1), hidden), at = slab(t, hidden);
        for (int r = 0; r < n; r++) System.arraycopy(from, fromOff + r * hidden + u0, tape.c, at + r * hidden + u0, u1 - u0);
    }

    /** Recording, GRU: keeps W_hn h + b_hn, which the gate pass overwrites and the reset gate's derivative reads. */
    private void keepHiddenCandidate(int t, int ghOff, int u0, int u1) {
        int width = 3 * hidden, at = slab(t, hidden);
        for (int r = 0; r < n; r++) {
            int row = ghOff + r * width + 2 * hidden;
            for (int u = u0; u < u1; u++) tape.hn[at + r * hidden + u] = gh[row + u] + bh[2 * hidden + u];
        }
    }

    /** The final h, (N, Hout): the output at the last step this direction took. */
    Tensor finalH() {
        int t = reverse ? 0 : steps - 1;
        float[] h = Storage.allocate(n, hOut);
        for (int b = 0; b < n; b++) System.arraycopy(out, (t * n + b) * outLd + outOff, h, b * hOut, hOut);
        return Tensor.wrap(h, n, hOut);
    }

    /** The final c, (N, H), LSTM only (else null): the one buffer, or a copy of the last slab of the tape. */
    Tensor finalC() {
        if (c == null) return null;
        if (tape == null) return Tensor.wrap(c, n, hidden);
        float[] last = Storage.allocate(n, hidden);
        if (steps > 0) System.arraycopy(c, slab(time(steps - 1), hidden), last, 0, n * hidden);
        return Tensor.wrap(last, n, hidden);
    }

    /** Multiply-adds of the recurrence (the steps' h W_hh^T), to decide whether threads pay. */
    long recurrentWork() {
        return (long) steps * n * gates * hidden * hOut;
    }
}
