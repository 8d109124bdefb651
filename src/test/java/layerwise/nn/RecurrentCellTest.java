package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RNNCell, LSTMCell and GRUCell: default init and outputs against values printed by torch 1.13, the
 * plain equations, and the layers, which must equal the cell run over the sequence.
 */
class RecurrentCellTest {

    private static void assertValues(double[] expected, Tensor actual, String what) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, what + ": size");
        for (int i = 0; i < a.length; i++) {
            assertEquals((float) expected[i], a[i], 0f, what + "[" + i + "]");
        }
    }

    @Test
    @DisplayName("default init is bit-exact with torch: RNNCell(3, 2) under seed 0")
    void rnnCellInit() {
        Tensor.manualSeed(0);
        RNNCell cell = new RNNCell(3, 2);
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), List.copyOf(cell.stateDict().keySet()));
        assertValues(new double[] {-0.005293981172144413, 0.37932288646698, -0.5819807648658752,
                -0.5203874707221985, -0.27234524488449097, 0.1896158903837204}, cell.weight_ih, "weight_ih");
        assertValues(new double[] {-0.014010033570230007, 0.5606575012207031, -0.06275151669979095,
                0.1871093362569809}, cell.weight_hh, "weight_hh");
        assertValues(new double[] {-0.2136969119310379, -0.13899271190166473}, cell.bias_ih, "bias_ih");
        assertValues(new double[] {-0.6755334138870239, -0.4683041572570801}, cell.bias_hh, "bias_hh");
    }

    @Test
    @DisplayName("default init is bit-exact with torch: LSTMCell(2, 2, bias=False) under seed 1")
    void lstmCellInit() {
        Tensor.manualSeed(1);
        LSTMCell cell = new LSTMCell(2, 2, false);
        assertEquals(List.of("weight_ih", "weight_hh"), List.copyOf(cell.stateDict().keySet()));
        assertValues(new double[] {0.36434608697891235, -0.3121015429496765, -0.13708077371120453,
                0.3318939507007599, -0.665696382522583, 0.42406412959098816, -0.1454697549343109,
                0.35973623394966125, 0.09829985350370407, -0.08658108860254288, 0.19612377882003784,
                0.034882839769124985, 0.2582553029060364, -0.2755602300167084, -0.051554277539253235,
                -0.0636589378118515}, cell.weight_ih, "weight_ih");
        assertValues(new double[] {0.1024908497929573, -0.002824766095727682, 0.6181291937828064,
                0.22004464268684387, -0.26333096623420715, -0.4270651638507843, -0.11852215975522995,
                -0.30500391125679016, -0.2265913188457489, 0.03385740518569946, 0.4215259552001953,
                0.38433846831321716, -0.6912328600883484, 0.43834996223449707, 0.19754008948802948,
                0.6707299947738647}, cell.weight_hh, "weight_hh");
    }

    @Test
    @DisplayName("GRUCell(3, 2) under seed 3 gives torch's h' for a given x and h")
    void gruCellMatchesTorch() {
        Tensor.manualSeed(3);
        GRUCell cell = new GRUCell(3, 2);
        Tensor h = cell.forward(Tensor.of(new float[][] {{0.5f, -1f, 2f}}), Tensor.of(new float[][] {{0.25f, -0.75f}}));
        assertArrayEquals(new int[] {1, 2}, h.shape());
        float[] v = h.toFloatArray();
        assertEquals(-0.3720855712890625, v[0], 1e-6);
        assertEquals(-0.2399289608001709, v[1], 1e-6);
    }

    @Test
    @DisplayName("LSTMCell(3, 2) under seed 4 gives torch's (h', c')")
    void lstmCellMatchesTorch() {
        Tensor.manualSeed(4);
        LSTMCell cell = new LSTMCell(3, 2);
        Tensor h = Tensor.of(new float[][] {{0.25f, -0.75f}});
        LSTMCell.State s = cell.forward(Tensor.of(new float[][] {{0.5f, -1f, 2f}}), h, h.mul(2f));
        float[] hv = s.h().toFloatArray();
        float[] cv = s.c().toFloatArray();
        assertEquals(0.17621976137161255, hv[0], 1e-6);
        assertEquals(-0.30265381932258606, hv[1], 1e-6);
        assertEquals(0.40788283944129944, cv[0], 1e-6);
        assertEquals(-0.8956105709075928, cv[1], 1e-6);
    }

    @Test
    @DisplayName("cells follow the plain equations, batched and unbatched, with and without bias")
    void cellsMatchEquations() {
        Tensor.manualSeed(11);
        for (boolean bias : new boolean[] {true, false}) {
            for (String mode : new String[] {"RNN_TANH", "RNN_RELU", "LSTM", "GRU"}) {
                int in = 4;
                int hidden = 3;
                Tensor x = Tensor.randn(2, in);
                Tensor h = Tensor.randn(2, hidden);
                Tensor c = Tensor.randn(2, hidden);
                RecurrentCellBase cell = switch (mode) {
                    case "RNN_TANH" -> new RNNCell(in, hidden, bias);
                    case "RNN_RELU" -> new RNNCell(in, hidden, bias, "relu");
                    case "LSTM" -> new LSTMCell(in, hidden, bias);
                    default -> new GRUCell(in, hidden, bias);
                };
                // The layer reference over one step, one layer, one direction is exactly the cell's equation.
                Map<String, Tensor> sd = new java.util.LinkedHashMap<>();
                cell.stateDict().forEach((k, v) -> sd.put(k + "_l0", v));
                RecurrentReference.Result ref = RecurrentReference.run(mode, sd, 1, false, hidden, 0,
                        RecurrentReference.cube(x.unsqueeze(0)), RecurrentReference.cube(h.unsqueeze(0)),
                        RecurrentReference.cube(c.unsqueeze(0)), m -> m);
                Tensor hNext;
                Tensor cNext = null;
                Tensor hUnbatched;
                if (cell instanceof LSTMCell lstm) {
                    LSTMCell.State s = lstm.forward(x, h, c);
                    hNext = s.h();
                    cNext = s.c();
                    LSTMCell.State one = lstm.forward(x.select(0, 1), h.select(0, 1), c.select(0, 1));
                    assertArrayEquals(new int[] {hidden}, one.c().shape());
                    hUnbatched = one.h();
                } else {
                    TensorModule step = (TensorModule) cell;
                    hNext = cell instanceof RNNCell r ? r.forward(x, h) : ((GRUCell) cell).forward(x, h);
                    hUnbatched = cell instanceof RNNCell r ? r.forward(x.select(0, 1), h.select(0, 1))
                            : ((GRUCell) cell).forward(x.select(0, 1), h.select(0, 1));
                    assertArrayEquals(new int[] {2, hidden}, step.forward(x).shape());
                }
                String what = mode + " bias=" + bias;
                int[] stateShape = {1, 2, hidden};
                RecurrentPropertyTest.assertCloseTo(ref.hN(), stateShape, hNext.unsqueeze(0), what + " h'");
                if (cNext != null) {
                    RecurrentPropertyTest.assertCloseTo(ref.cN(), stateShape, cNext.unsqueeze(0), what + " c'");
                }
                assertArrayEquals(new int[] {hidden}, hUnbatched.shape(), what + " unbatched");
                RecurrentFixtures.assertClose(hNext.select(0, 1), hUnbatched, what + " unbatched h'");
            }
        }
    }

    @Test
    @DisplayName("a one-layer LSTM and GRU equal their cell run step by step with the same weights")
    void layersEqualCellsOverTime() {
        Tensor.manualSeed(21);
        Tensor x = Tensor.randn(6, 3, 5);
        LSTM lstm = new LSTM(5, 4);
        LSTMCell lstmCell = new LSTMCell(5, 4);
        GRU gru = new GRU(5, 4);
        GRUCell gruCell = new GRUCell(5, 4);
        try (var noGrad = Autograd.noGrad()) {
            for (String name : List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh")) {
                lstmCell.stateDict().get(name).copy_(lstm.getParameter(name + "_l0"));
                gruCell.stateDict().get(name).copy_(gru.getParameter(name + "_l0"));
            }
        }
        RNNOutput lo = lstm.forward(x);
        RNNOutput go = gru.forward(x);
        LSTMCell.State s = lstmCell.forward(x.select(0, 0));
        Tensor h = gruCell.forward(x.select(0, 0));
        List<Tensor> lstmSteps = new ArrayList<>(List.of(s.h()));
        List<Tensor> gruSteps = new ArrayList<>(List.of(h));
        for (int t = 1; t < 6; t++) {
            s = lstmCell.forward(x.select(0, t), s.h(), s.c());
            h = gruCell.forward(x.select(0, t), h);
            lstmSteps.add(s.h());
            gruSteps.add(h);
        }
        RecurrentFixtures.assertClose(Tensor.stack(lstmSteps, 0), lo.output(), "LSTM output");
        RecurrentFixtures.assertClose(s.c().unsqueeze(0), lo.cN(), "LSTM c_n");
        RecurrentFixtures.assertClose(Tensor.stack(gruSteps, 0), go.output(), "GRU output");
        RecurrentFixtures.assertClose(h.unsqueeze(0), go.hN(), "GRU h_n");
    }

    @Test
    @DisplayName("cells print PyTorch's repr")
    void reprs() {
        assertEquals("RNNCell(10, 20)", new RNNCell(10, 20).toString());
        assertEquals("RNNCell(10, 20, nonlinearity=relu)", new RNNCell(10, 20, true, "relu").toString());
        assertEquals("LSTMCell(10, 20, bias=False)", new LSTMCell(10, 20, false).toString());
        assertEquals("GRUCell(10, 20)", new GRUCell(10, 20).toString());
    }
}
