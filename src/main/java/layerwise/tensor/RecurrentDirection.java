package layerwise.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

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
 * it. The threads stay together for the whole sequence and meet after each step ({@link #runTogether}).
 * With a projection (LSTM proj_size) h before projection goes to a scratch and {@code h W_hr^T} follows on
 * whole rows once a step's ranges are done: one parallel call per step.
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
    private final float[] h0, c, gh, raw;

    RecurrentDirection(RecurrentKernels.Cell cell, SequenceRows x, RecurrentKernels.Direction d, boolean reverse,
                       float[] out, int outOff, int outLd) {
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
        c = cell == RecurrentKernels.Cell.LSTM ? d.c0().contiguous().toFloatArray() : null;
        gh = Storage.allocate(n, width);
        raw = whr == null ? null : Storage.allocate(n, hidden);
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
        int panel = Gemm.panelWidth();
        int panels = (hidden + panel - 1) / panel;
        long work = (long) n * gates * hidden * hOut;
        int tasks = work < Gemm.PARALLEL_WORK ? 1 : Math.min(threads, panels);
        int[] bounds = new int[tasks + 1];
        for (int k = 0; k <= tasks; k++) bounds[k] = Math.min(hidden, panels * k / tasks * panel);
        if (tasks > 1 && whr == null) {
            runTogether(tasks, bounds);
            return;
        }
        for (int s = 0; s < steps; s++) {
            int step = s;
            Parallel.forEach(tasks, k -> step(step, bounds[k], bounds[k + 1]));
            if (whr != null) {
                int hAt = time(s) * n * outLd + outOff;
                if (tasks > 1) {
                    Gemm.gemm(n, raw, 0, hidden, 1, whr, out, hAt, outLd, false);
                } else {
                    Gemm.range(n, raw, 0, hidden, 1, whr, 0, hOut, out, hAt, outLd, false);
                }
            }
        }
    }

    /** Spins (about 50 µs) a waiting thread makes before it yields the core between checks. */
    private static final int SPINS = 1 << 10;

    /**
     * All steps in one parallel call instead of one per step (waking a pool thread for every step costs tens
     * of µs, a good part of a step): step s's unit ranges are claimed one by one, each thread its own range
     * first (whose weights its cache holds), then any range left, and no thread starts step s+1 before every
     * range of step s is done. A thread that starts late or not at all holds nothing up, the others claim
     * its ranges; waiting spins briefly, then yields. A thread that fails lets the others stop.
     */
    private void runTogether(int tasks, int[] bounds) {
        AtomicIntegerArray claimed = new AtomicIntegerArray(steps * tasks);
        AtomicIntegerArray done = new AtomicIntegerArray(steps);
        AtomicBoolean failed = new AtomicBoolean();
        Parallel.forEach(tasks, k -> {
            for (int s = 0; s < steps; s++) {
                for (int j = 0; j < tasks; j++) {
                    int part = (k + j) % tasks;
                    if (!claimed.compareAndSet(s * tasks + part, 0, 1)) continue;
                    try {
                        step(s, bounds[part], bounds[part + 1]);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    done.incrementAndGet(s);
                }
                for (int spins = 0; done.get(s) < tasks; spins++) {
                    if (failed.get()) return;
                    if (spins < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        Thread.yield();
                    }
                }
            }
        });
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
        for (int g = 0; g < gates; g++) {
            Gemm.range(n, prev, pOff, pLd, 1, whh[g], u0, u1, gh, g * hidden, width, false);
        }
        int giOff = t * giTs;
        float[] h = raw == null ? out : raw;
        int hOff = raw == null ? t * stepRows + outOff : 0, hLd = raw == null ? outLd : hidden;
        switch (cell) {
            case LSTM -> RecurrentGates.lstm(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, bh, c, 0, hidden, h, hOff, hLd);
            case GRU -> RecurrentGates.gru(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, bh, prev, pOff, pLd, h, hOff, hLd);
            case RNN_TANH, RNN_RELU -> RecurrentGates.rnn(n, hidden, u0, u1, gi, giOff, giNs, bi, gh, bh,
                    cell == RecurrentKernels.Cell.RNN_RELU, h, hOff, hLd);
        }
    }

    /** The final h, (N, Hout): the output at the last step this direction took. */
    Tensor finalH() {
        int t = reverse ? 0 : steps - 1;
        float[] h = Storage.allocate(n, hOut);
        for (int b = 0; b < n; b++) System.arraycopy(out, (t * n + b) * outLd + outOff, h, b * hOut, hOut);
        return Tensor.wrap(h, n, hOut);
    }

    /** The final c, (N, H), LSTM only (else null). */
    Tensor finalC() {
        return c == null ? null : Tensor.wrap(c, n, hidden);
    }

    /** Multiply-adds of the recurrence (the steps' h W_hh^T), to decide whether threads pay. */
    long recurrentWork() {
        return (long) steps * n * gates * hidden * hOut;
    }
}
