package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast recurrent backward ({@link RecurrentBackward}, one node per layer; {@link RecurrentCellGrad}, one
 * node per cell step) against the plain one, which is autograd itself applying the chain rule to every op
 * of the unrolled steps ({@link RecurrentChain}): the same gradients for the input sequence, h0, c0 and
 * every weight and bias, on stacked layers, both directions, proj_size, no bias, hidden sizes that are not
 * whole vector panels, batch 1 and 0, one step, inputs read through a transposed or strided view, on one
 * thread and two.
 *
 * <p>Tolerance: the two add the same terms in other orders (the fast weight gradients are one product over
 * all T·N rows, the plain ones a sum of T products; fused multiply-adds with SIMD), each sum of k terms
 * carrying a rounding error of about k·2^-24 of the sum of its terms' sizes. With k up to a few hundred here
 * and gradients of order 1, 5e-6 of max(1, |largest gradient of that tensor|) holds that with room (the
 * largest difference seen is under 1e-6 of it); a wrong formula misses by orders of magnitude more.
 */
class RecurrentBackwardTest {

    private static final double BOUND = 5e-6;

    record Config(RecurrentKernels.Cell cell, int layers, boolean bidirectional, int proj, boolean withState, boolean bias,
                  int steps, int batch, int input, int hidden, String layout, int threads) {
    }

    static List<Config> configs() {
        RecurrentKernels.Cell[] cells = RecurrentKernels.Cell.values();
        int[] hiddens = {1, 5, 13, 37};
        String[] layouts = {"time-major", "batch-major", "strided"};
        Random r = new Random(2024);
        List<Config> list = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            RecurrentKernels.Cell cell = cells[i % 4];
            int hidden = hiddens[(i / 4) % 4];
            int proj = cell == RecurrentKernels.Cell.LSTM && hidden > 1 && i % 3 != 2 ? 1 + r.nextInt(hidden - 1) : 0;
            int steps = i % 5 == 0 ? 1 : 2 + r.nextInt(5);
            int batch = i % 7 == 1 ? 1 : i % 11 == 3 ? 0 : 2 + r.nextInt(9);
            list.add(new Config(cell, 1 + (i / 4) % 2, i % 3 != 1, proj, i % 4 < 2, i % 5 != 4, steps, batch, 1 + r.nextInt(11),
                    hidden, layouts[i % 3], 1 + (i / 2) % 2));
        }
        // Large enough that each step splits over two threads, both directions side by side, and the products use SIMD panels.
        list.add(new Config(RecurrentKernels.Cell.LSTM, 2, true, 0, true, true, 4, 17, 29, 96, "batch-major", 2));
        list.add(new Config(RecurrentKernels.Cell.GRU, 1, false, 0, true, true, 5, 32, 24, 70, "time-major", 2));
        list.add(new Config(RecurrentKernels.Cell.RNN_TANH, 1, true, 0, false, true, 3, 40, 16, 130, "strided", 2));
        list.add(new Config(RecurrentKernels.Cell.LSTM, 2, true, 31, true, true, 4, 20, 12, 67, "time-major", 2));
        return list;
    }

    /** Leaves for one run: the sequence (in its layout), and per layer and direction the seven inputs of a direction. */
    private static final class Leaves {
        final Tensor seqLeaf;
        final String layout;
        final int input;
        final List<Tensor[]> directions = new ArrayList<>();
        final Map<String, Tensor> named = new LinkedHashMap<>();

        Leaves(Config c, Random r) {
            seqLeaf = switch (c.layout()) {
                case "batch-major" -> uniform(r, 1, c.batch(), c.steps(), c.input());
                case "strided" -> uniform(r, 1, c.steps(), c.batch(), 2 * c.input());
                default -> uniform(r, 1, c.steps(), c.batch(), c.input());
            };
            seqLeaf.requiresGrad(true);
            layout = c.layout();
            input = c.input();
            named.put("input", seqLeaf);
            int dirs = c.bidirectional() ? 2 : 1, gates = c.cell().gates(), hOut = c.proj() > 0 ? c.proj() : c.hidden();
            float bound = (float) (1 / Math.sqrt(c.hidden()));
            for (int layer = 0; layer < c.layers(); layer++) {
                for (int d = 0; d < dirs; d++) {
                    int in = layer == 0 ? c.input() : dirs * hOut;
                    String sfx = "_l" + layer + (d == 1 ? "_reverse" : "");
                    Tensor[] t = {
                        leaf("weight_ih" + sfx, uniform(r, bound, gates * c.hidden(), in)),
                        c.bias() ? leaf("bias_ih" + sfx, uniform(r, bound, gates * c.hidden())) : null,
                        leaf("weight_hh" + sfx, uniform(r, bound, gates * c.hidden(), hOut)),
                        c.bias() ? leaf("bias_hh" + sfx, uniform(r, bound, gates * c.hidden())) : null,
                        c.proj() > 0 ? leaf("weight_hr" + sfx, uniform(r, bound, c.proj(), c.hidden())) : null,
                        c.withState() ? leaf("h0" + sfx, uniform(r, 1, c.batch(), hOut)) : Tensor.zeros(c.batch(), hOut),
                        c.cell() != RecurrentKernels.Cell.LSTM ? null
                                : c.withState() ? leaf("c0" + sfx, uniform(r, 1, c.batch(), c.hidden())) : Tensor.zeros(c.batch(), c.hidden())};
                    directions.add(t);
                }
            }
        }

        /** The sequence (T, N, in), a view of the leaf in its layout: a new view (and node) for each run. */
        Tensor seq() {
            return switch (layout) {
                case "batch-major" -> seqLeaf.transpose(0, 1);
                case "strided" -> seqLeaf.slice(2, 0, 2 * input, 2);
                default -> seqLeaf;
            };
        }

        private Tensor leaf(String name, Tensor t) {
            named.put(name, t.requiresGrad(true));
            return t;
        }

        RecurrentKernels.Direction direction(int index) {
            Tensor[] t = directions.get(index);
            return new RecurrentKernels.Direction(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
        }
    }

    static Tensor uniform(Random r, float bound, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
        return Tensor.of(v, shape);
    }

    /**
     * Runs the layers on one kernel and backward from L = Σ output·w + Σ h_n·w + Σ c_n·w (fixed random w),
     * returning every leaf's gradient by name.
     */
    private static Map<String, float[]> gradients(Config c, Leaves leaves, Kernels.Kind kind) {
        for (Tensor t : leaves.named.values()) t.grad = null;
        Random r = new Random(7);
        int dirs = c.bidirectional() ? 2 : 1;
        Tensor seq = leaves.seq();
        Tensor loss = Tensor.scalar(0f);
        for (int layer = 0; layer < c.layers(); layer++) {
            RecurrentKernels.Direction[] d = new RecurrentKernels.Direction[dirs];
            for (int k = 0; k < dirs; k++) d[k] = leaves.direction(layer * dirs + k);
            RecurrentKernels.Layer out = Kernels.recurrentLayer(c.cell(), seq, kind, d);
            for (int k = 0; k < dirs; k++) {
                loss = loss.add(out.h()[k].mul(uniform(r, 1, out.h()[k].shape())).sum());
                if (out.c()[k] != null) loss = loss.add(out.c()[k].mul(uniform(r, 1, out.c()[k].shape())).sum());
            }
            seq = out.output();
        }
        loss = loss.add(seq.mul(uniform(r, 1, seq.shape())).sum());
        loss.backward();
        Map<String, float[]> grads = new LinkedHashMap<>();
        leaves.named.forEach((name, t) -> {
            assertNotNull(t.grad, name + " got no gradient");
            assertArrayEquals(t.shape(), t.grad.shape(), name + ": gradient shape");
            grads.put(name, t.grad.toFloatArray());
        });
        return grads;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    @DisplayName("the fast backward through time equals autograd through the chain of ops of every step")
    void fastEqualsPlain(Config c) {
        Leaves leaves = new Leaves(c, new Random(c.toString().hashCode()));
        int before = Kernels.threads();
        try {
            Kernels.setThreads(c.threads());
            Map<String, float[]> plain = gradients(c, leaves, Kernels.Kind.PLAIN);
            Map<String, float[]> fast = gradients(c, leaves, Kernels.Kind.FAST);
            plain.forEach((name, want) -> assertClose(want, fast.get(name), c + " " + name));
        } finally {
            Kernels.setThreads(before);
        }
    }

    static void assertClose(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what + ": size");
        double scale = 1;
        for (float w : want) scale = Math.max(scale, Math.abs(w));
        for (int i = 0; i < want.length; i++) {
            int k = i;
            assertTrue(Math.abs(want[i] - got[i]) <= BOUND * scale,
                    () -> what + "[" + k + "]: plain " + want[k] + ", fast " + got[k]);
        }
    }

    // ---------------------------------------------------------------- cells

    record CellCase(String cell, int batch, int input, int hidden, boolean bias, boolean withState) {
    }

    static List<CellCase> cellCases() {
        List<CellCase> list = new ArrayList<>();
        String[] cells = {"RNN_TANH", "RNN_RELU", "LSTM", "GRU"};
        int i = 0;
        for (String cell : cells) {
            list.add(new CellCase(cell, 3, 5, 7, true, true));
            list.add(new CellCase(cell, 1, 2, 17, i % 2 == 0, false));
            list.add(new CellCase(cell, 0, 3, 4, true, true));
            list.add(new CellCase(cell, 33, 19, 64, true, true));
            i++;
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellCases")
    @DisplayName("a fast cell step's node gives the gradients of the chain of ops of the plain step")
    void cellFastEqualsPlain(CellCase c) {
        Random r = new Random(c.toString().hashCode());
        int gates = c.cell().equals("LSTM") ? 4 : c.cell().equals("GRU") ? 3 : 1, width = gates * c.hidden();
        float bound = (float) (1 / Math.sqrt(c.hidden()));
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        leaves.put("x", uniform(r, 1, c.batch(), c.input()));
        leaves.put("h", uniform(r, 1, c.batch(), c.hidden()));
        leaves.put("c", uniform(r, 1, c.batch(), c.hidden()));
        leaves.put("weight_ih", uniform(r, bound, width, c.input()));
        leaves.put("weight_hh", uniform(r, bound, width, c.hidden()));
        if (c.bias()) {
            leaves.put("bias_ih", uniform(r, bound, width));
            leaves.put("bias_hh", uniform(r, bound, width));
        }
        leaves.forEach((name, t) -> t.requiresGrad(c.withState() || !(name.equals("h") || name.equals("c"))));
        Tensor wh = uniform(r, 1, c.batch(), c.hidden()), wc = uniform(r, 1, c.batch(), c.hidden());
        Map<String, float[]> grads = new LinkedHashMap<>();
        for (Kernels.Kind kind : Kernels.Kind.values()) {
            for (Tensor t : leaves.values()) t.grad = null;
            Tensor gi = leaves.get("x").matmul(leaves.get("weight_ih").t());
            if (c.bias()) gi = gi.add(leaves.get("bias_ih"));
            Tensor whhT = leaves.get("weight_hh").t(), bhh = leaves.get("bias_hh"), h = leaves.get("h");
            Tensor loss = switch (c.cell()) {
                case "LSTM" -> {
                    Tensor[] hc = Kernels.lstmCell(gi, h, leaves.get("c"), whhT, bhh, kind);
                    yield hc[0].mul(wh).sum().add(hc[1].mul(wc).sum());
                }
                case "GRU" -> Kernels.gruCell(gi, h, whhT, bhh, kind).mul(wh).sum();
                default -> Kernels.rnnCell(gi, h, whhT, bhh, c.cell().equals("RNN_RELU"), kind).mul(wh).sum();
            };
            loss.backward();
            leaves.forEach((name, t) -> {
                if (t.requiresGrad() && !(name.equals("c") && !c.cell().equals("LSTM"))) {
                    float[] g = t.grad.toFloatArray();
                    if (kind == Kernels.Kind.PLAIN) {
                        grads.put(name, g);
                    } else {
                        assertClose(grads.get(name), g, c + " " + name);
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- the graph itself

    private static RecurrentKernels.Direction lstmDirection(Random r, int input, int hidden, int batch, boolean grad) {
        Tensor[] t = {uniform(r, 0.3f, 4 * hidden, input), uniform(r, 0.3f, 4 * hidden), uniform(r, 0.3f, 4 * hidden, hidden),
            uniform(r, 0.3f, 4 * hidden), uniform(r, 1, batch, hidden), uniform(r, 1, batch, hidden)};
        for (Tensor x : t) x.requiresGrad(grad);
        return new RecurrentKernels.Direction(t[0], t[1], t[2], t[3], null, t[4], t[5]);
    }

    @Test
    @DisplayName("node names: one fused node per fast layer and cell; the plain chain's are PyTorch's on the CPU")
    void nodeNames() {
        Random r = new Random(5);
        Tensor seq = uniform(r, 1, 3, 2, 4);
        RecurrentKernels.Direction d = lstmDirection(r, 4, 3, 2, true), rev = lstmDirection(r, 4, 3, 2, true);
        RecurrentKernels.Layer fast = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST, d, rev);
        assertEquals("LstmLayerBackward0", fast.output().gradFn().name());
        assertEquals("LstmLayerBackward0", fast.h()[1].gradFn().name());
        assertEquals("LstmLayerBackward0", fast.c()[0].gradFn().name());
        assertEquals(List.of("None", "AccumulateGrad", "AccumulateGrad", "AccumulateGrad", "AccumulateGrad", "None",
                "AccumulateGrad", "AccumulateGrad"), fast.output().gradFn().nextFunctions().subList(0, 8));
        RecurrentKernels.Layer plain = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.PLAIN, d, rev);
        assertEquals("CatBackward0", plain.output().gradFn().name());
        assertEquals("MulBackward0", plain.h()[0].gradFn().name());
        assertEquals("AddBackward0", plain.c()[0].gradFn().name());
        assertEquals("StackBackward0", Kernels.recurrentLayer(RecurrentKernels.Cell.GRU, seq, Kernels.Kind.PLAIN,
                new RecurrentKernels.Direction(uniform(r, 1, 9, 4).requiresGrad(true), null, uniform(r, 1, 9, 3), null, null,
                        Tensor.zeros(2, 3), null)).output().gradFn().name());
        assertEquals("GruLayerBackward0", Kernels.recurrentLayer(RecurrentKernels.Cell.GRU, seq, Kernels.Kind.FAST,
                new RecurrentKernels.Direction(uniform(r, 1, 9, 4).requiresGrad(true), null, uniform(r, 1, 9, 3), null, null,
                        Tensor.zeros(2, 3), null)).output().gradFn().name());

        Tensor gi = uniform(r, 1, 2, 12).requiresGrad(true), h = uniform(r, 1, 2, 3), whhT = uniform(r, 1, 3, 12);
        Tensor[] hc = Kernels.lstmCell(gi, h, uniform(r, 1, 2, 3), whhT, null, Kernels.Kind.FAST);
        assertEquals("ThnnFusedLstmCellBackward0", hc[0].gradFn().name());
        assertEquals("ThnnFusedGruCellBackward0", Kernels.gruCell(gi.narrow(1, 0, 9), h, whhT.narrow(1, 0, 9), null,
                Kernels.Kind.FAST).gradFn().name());
        assertEquals("RnnReluCellBackward0", Kernels.rnnCell(gi.narrow(1, 0, 3), h, whhT.narrow(1, 0, 3), null, true,
                Kernels.Kind.FAST).gradFn().name());
        Tensor[] plainCell = Kernels.lstmCell(gi, h, uniform(r, 1, 2, 3), whhT, null, Kernels.Kind.PLAIN);
        assertEquals("MulBackward0", plainCell[0].gradFn().name());
        assertEquals("AddBackward0", plainCell[1].gradFn().name());
    }

    @Test
    @DisplayName("without recording (noGrad, or nothing requires grad) a layer records nothing and keeps nothing")
    void inferenceRecordsNothing() {
        Random r = new Random(9);
        Tensor seq = uniform(r, 1, 4, 3, 5);
        RecurrentKernels.Direction d = lstmDirection(r, 5, 6, 3, true);
        RecurrentKernels.Layer recorded = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST, d);
        RecurrentKernels.Layer quiet;
        try (Autograd.GradMode g = Autograd.noGrad()) {
            quiet = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST, d);
        }
        assertNull(quiet.output().gradFn());
        assertTrue(!quiet.output().requiresGrad() && !quiet.h()[0].requiresGrad());
        assertArrayEquals(recorded.output().toFloatArray(), quiet.output().toFloatArray(), "the same forward either way");
        assertArrayEquals(recorded.c()[0].toFloatArray(), quiet.c()[0].toFloatArray(), "the same final c either way");
        RecurrentKernels.Layer constant = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST,
                lstmDirection(new Random(9), 5, 6, 3, false));
        assertNull(constant.output().gradFn());
    }

    @Test
    @DisplayName("retain_graph: a second backward through the fast layer adds the same gradient again")
    void retainGraph() {
        Random r = new Random(13);
        Tensor seq = uniform(r, 1, 5, 3, 4).requiresGrad(true);
        RecurrentKernels.Direction d = lstmDirection(r, 4, 7, 3, true);
        RecurrentKernels.Layer out = Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST, d);
        Tensor loss = out.output().sum().add(out.c()[0].sum());
        loss.backward(null, true);
        float[] once = seq.grad.toFloatArray(), onceW = d.weightHh().grad.toFloatArray();
        loss.backward(null, true);
        float[] twice = seq.grad.toFloatArray(), twiceW = d.weightHh().grad.toFloatArray();
        for (int i = 0; i < once.length; i++) assertEquals(2 * once[i], twice[i], 1e-6f * Math.max(1, Math.abs(twice[i])));
        for (int i = 0; i < onceW.length; i++) assertEquals(2 * onceW[i], twiceW[i], 1e-6f * Math.max(1, Math.abs(twiceW[i])));
    }

    @Test
    @DisplayName("changing the returned output in place leaves the gradient alone; changing a saved weight is refused")
    void inPlaceAfterForward() {
        Random r = new Random(11);
        Tensor seq = uniform(r, 1, 4, 3, 5).requiresGrad(true);
        RecurrentKernels.Direction d = lstmDirection(r, 5, 6, 3, true);
        Supplier<RecurrentKernels.Layer> run = () -> Kernels.recurrentLayer(RecurrentKernels.Cell.LSTM, seq, Kernels.Kind.FAST, d);
        RecurrentKernels.Layer first = run.get();
        first.h()[0].sum().backward();
        float[] want = seq.grad.toFloatArray();
        seq.grad = null;
        RecurrentKernels.Layer second = run.get();
        Tensor loss = second.h()[0].sum();
        second.output().add_(Tensor.scalar(3f));
        loss.backward();
        assertArrayEquals(want, seq.grad.toFloatArray());

        RecurrentKernels.Layer third = run.get();
        try (Autograd.GradMode g = Autograd.noGrad()) {
            d.weightHh().add_(Tensor.scalar(0.5f));
        }
        AutogradError e = assertThrows(AutogradError.class, () -> third.output().sum().backward());
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation"), e.getMessage());
    }
}
