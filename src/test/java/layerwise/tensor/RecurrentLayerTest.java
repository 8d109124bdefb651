package layerwise.tensor;

import static layerwise.tensor.GateReference.sig;
import static layerwise.tensor.GateReference.th;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RecurrentKernels#layer}, the whole-direction forward, against a step loop written here: every
 * matrix product through {@code Kernels.matmul(FAST)} (the kernel the tensor ops use; its own tests hold
 * it to the plain loops), the gate maths as plain Java expressions in the documented order, sigmoid and
 * tanh the kernels' own (the tensor ops' without SIMD, GateMath's with it). So the two must agree bit for
 * bit, with and without SIMD, on one thread or two: the split by hidden units, the per-gate packing, the
 * directions in parallel and the input read through its strides may not change a single sum.
 */
class RecurrentLayerTest {

    record Case(RecurrentKernels.Cell cell, int steps, int batch, int input, int hidden, int proj, boolean bidirectional,
                boolean bias, String layout, int threads) {
    }

    static List<Case> cases() {
        List<Case> list = new ArrayList<>();
        RecurrentKernels.Cell[] cells = RecurrentKernels.Cell.values();
        int[] hiddens = {1, 7, 33, 100};
        String[] layouts = {"time-major", "batch-major", "strided"};
        Random r = new Random(13);
        int i = 0;
        for (RecurrentKernels.Cell cell : cells) {
            for (int hidden : hiddens) {
                for (int threads = 1; threads <= 2; threads++, i++) {
                    int proj = cell == RecurrentKernels.Cell.LSTM && hidden > 1 && i % 3 == 0 ? 1 + r.nextInt(hidden - 1) : 0;
                    int steps = i % 5 == 0 ? 1 : 2 + r.nextInt(4);
                    int batch = i % 4 == 1 ? 1 : i % 4 == 2 ? 32 : 2 + r.nextInt(6);
                    list.add(new Case(cell, steps, batch, 1 + r.nextInt(9), hidden, proj, i % 2 == 0, i % 7 != 3,
                            layouts[i % 3], threads));
                }
            }
        }
        // The benchmark's shape, scaled down in time: whole panels, both threads busy.
        list.add(new Case(RecurrentKernels.Cell.LSTM, 3, 32, 128, 256, 0, false, true, "time-major", 2));
        list.add(new Case(RecurrentKernels.Cell.GRU, 3, 32, 128, 256, 0, true, true, "batch-major", 2));
        return list;
    }

    private static Tensor uniform(Random r, float bound, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
        return Tensor.of(v, shape);
    }

    /** seq (T, N, in) laid out as asked: contiguous, a batch_first input's transposed view, or every other element. */
    private static Tensor sequence(Random r, Case c) {
        return switch (c.layout()) {
            case "batch-major" -> uniform(r, 2, c.batch(), c.steps(), c.input()).transpose(0, 1);
            case "strided" -> Views.slice(uniform(r, 2, c.steps(), c.batch(), 2 * c.input()), 2, 0, 2 * c.input(), 2);
            default -> uniform(r, 2, c.steps(), c.batch(), c.input());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a whole layer equals the step loop, bit for bit")
    void layerEqualsStepLoop(Case c) {
        Random r = new Random(c.toString().hashCode());
        int gates = c.cell().gates(), width = gates * c.hidden(), hOut = c.proj() > 0 ? c.proj() : c.hidden();
        float bound = (float) (1 / Math.sqrt(c.hidden()));
        Tensor seq = sequence(r, c);
        int dirs = c.bidirectional() ? 2 : 1;
        RecurrentKernels.Direction[] d = new RecurrentKernels.Direction[dirs];
        for (int k = 0; k < dirs; k++) {
            d[k] = new RecurrentKernels.Direction(uniform(r, bound, width, c.input()), c.bias() ? uniform(r, bound, width) : null,
                    uniform(r, bound, width, hOut), c.bias() ? uniform(r, bound, width) : null,
                    c.proj() > 0 ? uniform(r, bound, c.proj(), c.hidden()) : null,
                    uniform(r, 1, c.batch(), hOut), c.cell() == RecurrentKernels.Cell.LSTM ? uniform(r, 1, c.batch(), c.hidden()) : null);
        }
        int before = Parallel.threads();
        RecurrentKernels.Layer got;
        try {
            Parallel.setThreads(c.threads());
            got = RecurrentKernels.layer(c.cell(), seq, d);
        } finally {
            Parallel.setThreads(before);
        }
        assertArrayEquals(new int[] {c.steps(), c.batch(), dirs * hOut}, got.output().shape(), "output shape");
        float[] out = got.output().toFloatArray();
        for (int k = 0; k < dirs; k++) {
            float[][] want = loop(c, seq, d[k], k == 1);
            for (int t = 0; t < c.steps(); t++) {
                for (int b = 0; b < c.batch(); b++) {
                    for (int j = 0; j < hOut; j++) {
                        float g = out[(t * c.batch() + b) * dirs * hOut + k * hOut + j];
                        assertBits(want[t][b * hOut + j], g, "direction " + k + " output[" + t + "][" + b + "][" + j + "]");
                    }
                }
            }
            int last = k == 1 ? 0 : c.steps() - 1;
            assertArrayEquals(want[last], got.h()[k].toFloatArray(), "direction " + k + " final h");
            if (c.cell() == RecurrentKernels.Cell.LSTM) {
                assertArrayEquals(want[c.steps()], got.c()[k].toFloatArray(), "direction " + k + " final c");
            } else {
                assertNull(got.c()[k]);
            }
        }
    }

    @Test
    @DisplayName("two layers run at once, one inside a pool thread (its steps then on that thread alone): same bits, no hang")
    void insideParallelCall() {
        Random r = new Random(31);
        int hidden = 96, width = 4 * hidden;
        Tensor seq = uniform(r, 2, 6, 16, 24);
        RecurrentKernels.Direction d = new RecurrentKernels.Direction(uniform(r, 0.1f, width, 24), uniform(r, 0.1f, width),
                uniform(r, 0.1f, width, hidden), null, null, uniform(r, 1, 16, hidden), uniform(r, 1, 16, hidden));
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            float[] want = RecurrentKernels.layer(RecurrentKernels.Cell.LSTM, seq, d).output().toFloatArray();
            Parallel.setThreads(2);
            float[][] got = new float[2][];
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parallel.forEach(2,
                    k -> got[k] = RecurrentKernels.layer(RecurrentKernels.Cell.LSTM, seq, d).output().toFloatArray()));
            assertArrayEquals(want, got[0], "on the calling thread");
            assertArrayEquals(want, got[1], "on a pool thread");
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static void assertBits(float want, float got, String where) {
        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got), () -> where + ": want " + want + ", got " + got);
    }

    /** The step loop: h of every step (row-major (N, Hout)), in time order, then (LSTM) the final c. */
    private static float[][] loop(Case c, Tensor seq, RecurrentKernels.Direction d, boolean reverse) {
        int n = c.batch(), hidden = c.hidden(), width = c.cell().gates() * hidden;
        Tensor x2 = seq.contiguous().reshape(c.steps() * n, c.input());
        float[] gi = Kernels.matmul(x2, d.weightIh().t(), Kernels.Kind.FAST).toFloatArray();
        float[] bi = d.biasIh() == null ? null : d.biasIh().toFloatArray();
        float[] bh = d.biasHh() == null ? null : d.biasHh().toFloatArray();
        Tensor h = d.h0();
        float[] cs = d.c0() == null ? null : d.c0().toFloatArray();
        float[][] hs = new float[c.steps() + 1][];
        for (int s = 0; s < c.steps(); s++) {
            int t = reverse ? c.steps() - 1 - s : s;
            float[] gh = Kernels.matmul(h, d.weightHh().t(), Kernels.Kind.FAST).toFloatArray();
            float[] hp = h.toFloatArray();
            float[] next = new float[n * hidden];
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < hidden; j++) {
                    int row = (t * n + b) * width, q = b * width;
                    switch (c.cell()) {
                        case LSTM -> {
                            float i = sig(pre(gi, row, bi, gh, q, bh, j));
                            float f = sig(pre(gi, row, bi, gh, q, bh, hidden + j));
                            float g = th(pre(gi, row, bi, gh, q, bh, 2 * hidden + j));
                            float o = sig(pre(gi, row, bi, gh, q, bh, 3 * hidden + j));
                            float cn = f * cs[b * hidden + j] + i * g;
                            cs[b * hidden + j] = cn;
                            next[b * hidden + j] = o * th(cn);
                        }
                        case GRU -> {
                            float rr = sig(pre(gi, row, bi, gh, q, bh, j));
                            float z = sig(pre(gi, row, bi, gh, q, bh, hidden + j));
                            int at = 2 * hidden + j;
                            float in = bi == null ? gi[row + at] : gi[row + at] + bi[at];
                            float hn = bh == null ? gh[q + at] : gh[q + at] + bh[at];
                            float nn = th(in + rr * hn);
                            next[b * hidden + j] = nn + z * (hp[b * hidden + j] - nn);
                        }
                        case RNN_TANH -> next[b * hidden + j] = th(pre(gi, row, bi, gh, q, bh, j));
                        case RNN_RELU -> next[b * hidden + j] = Elementwise.relu(pre(gi, row, bi, gh, q, bh, j));
                    }
                }
            }
            h = Tensor.of(next, n, hidden);
            if (d.weightHr() != null) h = Kernels.matmul(h, d.weightHr().t(), Kernels.Kind.FAST);
            hs[t] = h.toFloatArray();
        }
        hs[c.steps()] = cs;
        return hs;
    }

    /** (gi + b_ih) + (gh + b_hh) for gate column k, an absent bias left out. */
    private static float pre(float[] gi, int row, float[] bi, float[] gh, int q, float[] bh, int k) {
        float in = bi == null ? gi[row + k] : gi[row + k] + bi[k];
        float hid = bh == null ? gh[q + k] : gh[q + k] + bh[k];
        return in + hid;
    }
}
