package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients of RNN, LSTM, GRU and the three cells checked by central differences
 * ({@link Autograd#gradcheck}): for every element of the input, of h0 and c0 when given, and of every
 * parameter, backward's gradient of all outputs together (output, h_n, c_n) must equal the change the
 * forward pass shows when that element moves. Small sizes (T = 3, N = 2, H = 3) keep the thousands of
 * forward passes quick; the kernel is the selected one (the fast one by default, the chain of ops under
 * {@code -Dlayerwise.kernels=plain}).
 */
class RecurrentGradCheckTest {

    record Case(String layer, String option) {
        @Override
        public String toString() {
            return layer + " " + option;
        }
    }

    static List<Case> cases() {
        List<Case> list = new ArrayList<>();
        for (String layer : List.of("RNN", "RNN_RELU", "LSTM", "GRU")) {
            for (String option : List.of("plain", "h0", "bidirectional 2 layers", "batch_first", "unbatched h0", "bias=false",
                    "dropout")) {
                list.add(new Case(layer, option));
            }
        }
        list.add(new Case("LSTM", "proj_size"));
        list.add(new Case("LSTM", "proj_size bidirectional 2 layers h0"));
        return list;
    }

    private static RNNBase build(Case c) {
        boolean two = c.option().contains("2 layers");
        RNNOptions o = RNNBase.options().numLayers(two || c.option().equals("dropout") ? 2 : 1)
                .bidirectional(c.option().contains("bidirectional")).batchFirst(c.option().equals("batch_first"))
                .bias(!c.option().equals("bias=false")).dropout(c.option().equals("dropout") ? 0.4 : 0);
        return switch (c.layer()) {
            case "LSTM" -> new LSTM(2, 3, c.option().contains("proj_size") ? o.projSize(2) : o);
            case "GRU" -> new GRU(2, 3, o);
            case "RNN_RELU" -> new RNN(2, 3, o.nonlinearity("relu"));
            default -> new RNN(2, 3, o);
        };
    }

    /** output, h_n and c_n flattened into one tensor, so one check covers the gradients of all three. */
    static Tensor all(RNNOutput out) {
        List<Tensor> parts = new ArrayList<>(List.of(out.output().flatten(), out.hN().flatten()));
        if (out.cN() != null) parts.add(out.cN().flatten());
        return Tensor.cat(parts, 0);
    }

    /**
     * The seed of each case's values: relu has a kink at 0, where there is no derivative to measure, and with a
     * seed whose pre-activations come within a step (1e-3) of 0 the central difference straddles it; the seed
     * only moves the values, so this one keeps every case clear of it.
     */
    private static final int SALT = 1;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("backward's gradients equal central differences for the input, the states and every parameter")
    void layerGradcheck(Case c) {
        Tensor.manualSeed(c.toString().hashCode() + SALT);
        RNNBase m = build(c);
        boolean unbatched = c.option().contains("unbatched");
        boolean states = c.option().contains("h0");
        int layersDirs = m.numLayers() * m.numDirections();
        Tensor x = unbatched ? Tensor.randn(3, 2) : c.option().equals("batch_first") ? Tensor.randn(2, 3, 2) : Tensor.randn(3, 2, 2);
        Tensor h0 = !states ? null : unbatched ? Tensor.randn(layersDirs, m.outputSize()) : Tensor.randn(layersDirs, 2, m.outputSize());
        Tensor c0 = !states || !(m instanceof LSTM) ? null
                : unbatched ? Tensor.randn(layersDirs, m.hiddenSize()) : Tensor.randn(layersDirs, 2, m.hiddenSize());
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x.requiresGrad(true));
        if (h0 != null) inputs.add(h0.requiresGrad(true));
        if (c0 != null) inputs.add(c0.requiresGrad(true));
        inputs.addAll(m.parameters());
        long seed = c.hashCode();
        Function<List<Tensor>, Tensor> fn = xs -> {
            Tensor.manualSeed(seed);    // the same dropout mask in every forward pass
            RNNOutput out = m instanceof LSTM lstm ? lstm.forward(x, h0, c0)
                    : m instanceof GRU gru ? gru.forward(x, h0) : ((RNN) m).forward(x, h0);
            return all(out);
        };
        assertTrue(Autograd.gradcheck(fn, inputs));
    }

    @Test
    @DisplayName("dropout between layers passes gradients through the kept elements only, scaled by 1/(1-p)")
    void dropoutMask() {
        Tensor.manualSeed(3);
        Tensor x = Tensor.randn(4, 5).requiresGrad(true);
        Tensor.manualSeed(4);
        Tensor y = layerwise.tensor.Functional.dropout(x, 0.5, true);
        assertEquals("MulBackward0", y.gradFn().name());
        y.backward(Tensor.onesLike(y));
        float[] out = y.toFloatArray(), g = x.grad.toFloatArray(), in = x.toFloatArray();
        for (int i = 0; i < g.length; i++) {
            boolean kept = out[i] != 0f;
            assertEquals(kept ? 2f : 0f, g[i], "element " + i);
            if (kept) assertEquals(in[i] * 2f, out[i]);
        }
        Tensor z = layerwise.tensor.Functional.dropout(x, 1.0, true);
        z.sum().backward();
        assertEquals(0f, z.abs().sum().item());
    }

    record CellCase(String cell, boolean unbatched, boolean state, boolean bias) {
    }

    static List<CellCase> cellCases() {
        List<CellCase> list = new ArrayList<>();
        for (String cell : List.of("RNNCell", "RNNCell relu", "LSTMCell", "GRUCell")) {
            list.add(new CellCase(cell, false, true, true));
            list.add(new CellCase(cell, false, false, true));
            list.add(new CellCase(cell, true, true, false));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellCases")
    @DisplayName("a cell's gradients equal central differences for x, h, c and every parameter")
    void cellGradcheck(CellCase c) {
        Tensor.manualSeed(c.toString().hashCode() + SALT);
        RecurrentCellBase cell = switch (c.cell()) {
            case "LSTMCell" -> new LSTMCell(3, 4, c.bias());
            case "GRUCell" -> new GRUCell(3, 4, c.bias());
            case "RNNCell relu" -> new RNNCell(3, 4, c.bias(), "relu");
            default -> new RNNCell(3, 4, c.bias());
        };
        Tensor x = c.unbatched() ? Tensor.randn(3) : Tensor.randn(2, 3);
        Tensor h = !c.state() ? null : c.unbatched() ? Tensor.randn(4) : Tensor.randn(2, 4);
        Tensor s = !c.state() || !(cell instanceof LSTMCell) ? null : c.unbatched() ? Tensor.randn(4) : Tensor.randn(2, 4);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x.requiresGrad(true));
        if (h != null) inputs.add(h.requiresGrad(true));
        if (s != null) inputs.add(s.requiresGrad(true));
        inputs.addAll(cell.parameters());
        Function<List<Tensor>, Tensor> fn = xs -> {
            if (cell instanceof LSTMCell lstm) {
                LSTMCell.State next = lstm.forward(x, h, s);
                return Tensor.cat(List.of(next.h().flatten(), next.c().flatten()), 0);
            }
            return cell instanceof GRUCell gru ? gru.forward(x, h) : ((RNNCell) cell).forward(x, h);
        };
        assertTrue(Autograd.gradcheck(fn, inputs));
    }
}
