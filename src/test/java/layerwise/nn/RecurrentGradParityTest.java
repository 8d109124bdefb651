package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gradients of RNN, LSTM, GRU and the cells against PyTorch 1.13's, printed by torch itself. Each test builds
 * the model PyTorch built, under the same seed (the default init and randn are bit-exact with torch's),
 * feeds it the same input and states, and backpropagates the same loss
 * {@code L = Σ output·wo + Σ h_n·wh (+ Σ c_n·wc)} with fixed random weights w. It then compares the
 * gradients of the input and the states in full, and those of the parameters either in full or, for the
 * larger models, as the checksum {@code Σ_i g_i·((i mod 7) − 3)} over the flattened gradient, which any
 * wrong or misplaced element changes. Tolerances: atol 1e-5, rtol 1e-4 (the checksums' atol scaled by
 * their terms' weights).
 *
 * <p>The values were printed with this script (torch 1.13, CPU), each case's model below it:
 * <pre>
 * import torch
 * fmt = lambda t: ", ".join("%.8g" % v for v in t.detach().flatten().tolist())
 * def checksum(g):
 *     g = g.detach().double().flatten()
 *     k = torch.tensor([(i % 7) - 3 for i in range(g.numel())], dtype=torch.float64)
 *     return "%.8g" % float((g * k).sum())
 * def report(m, inputs, full):
 *     for n, t in inputs: print(n, fmt(t.grad))
 *     for n, p in m.named_parameters():
 *         print(n, fmt(p.grad) if n in full else checksum(p.grad))
 * </pre>
 */
class RecurrentGradParityTest {

    private static final double ATOL = 1e-5;
    private static final double RTOL = 1e-4;

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /** Every expected gradient: in full (a double[]), or else a parameter's checksum (a Double). */
    private static void check(Object[] full, Object[] checksums, Module m, Map<String, Tensor> inputs) {
        Map<String, Object> expected = map(full);
        map(checksums).forEach(expected::putIfAbsent);
        expected.forEach((name, want) -> {
            Tensor t = inputs.containsKey(name) ? inputs.get(name) : m.getParameter(name);
            float[] g = t.grad.toFloatArray();
            if (want instanceof double[] values) {
                assertEquals(values.length, g.length, name + ": size");
                for (int i = 0; i < g.length; i++) {
                    assertEquals(values[i], g[i], ATOL + RTOL * Math.abs(values[i]), name + ".grad[" + i + "]");
                }
            } else {
                double sum = 0, weights = 0;
                for (int i = 0; i < g.length; i++) {
                    sum += (double) g[i] * ((i % 7) - 3);
                    weights += Math.abs((i % 7) - 3);
                }
                double v = (Double) want;
                assertEquals(v, sum, ATOL * Math.max(1, weights) + RTOL * Math.abs(v), name + ".grad checksum");
            }
        });
        for (String name : m.namedParameters().keySet()) assertTrue(expected.containsKey(name), name + " has no fixture");
    }

    private static boolean fast() {
        return Kernels.selected() == Kernels.Kind.FAST;
    }

    /**
     * <pre>
     * torch.manual_seed(0)
     * m = torch.nn.LSTM(3, 4, num_layers=2, bidirectional=True, proj_size=2)
     * x = torch.randn(3, 2, 3, requires_grad=True)
     * h0 = torch.randn(4, 2, 2, requires_grad=True)
     * c0 = torch.randn(4, 2, 4, requires_grad=True)
     * wo, wh, wc = torch.randn(3, 2, 4), torch.randn(4, 2, 2), torch.randn(4, 2, 4)
     * out, (h, c) = m(x, (h0, c0))
     * ((out * wo).sum() + (h * wh).sum() + (c * wc).sum()).backward()
     * report(m, [("x", x), ("h0", h0), ("c0", c0)], ["weight_hr_l1_reverse", "bias_hh_l0_reverse", "weight_hh_l1"])
     * </pre>
     */
    @Test
    @DisplayName("a 2-layer bidirectional LSTM with proj_size, from given h0 and c0")
    void lstm() {
        Tensor.manualSeed(0);
        LSTM m = new LSTM(3, 4, LSTM.options().numLayers(2).bidirectional(true).projSize(2));
        Tensor x = Tensor.randn(3, 2, 3).requiresGrad(true);
        Tensor h0 = Tensor.randn(4, 2, 2).requiresGrad(true);
        Tensor c0 = Tensor.randn(4, 2, 4).requiresGrad(true);
        Tensor wo = Tensor.randn(3, 2, 4), wh = Tensor.randn(4, 2, 2), wc = Tensor.randn(4, 2, 4);
        RNNOutput out = m.forward(x, h0, c0);
        assertEquals(fast() ? "LstmLayerBackward0" : "CatBackward0", out.output().gradFn().name());
        assertEquals("StackBackward0", out.hN().gradFn().name());
        assertEquals("StackBackward0", out.cN().gradFn().name());
        out.output().mul(wo).sum().add(out.hN().mul(wh).sum()).add(out.cN().mul(wc).sum()).backward();
        check(LSTM_GRADIENTS, LSTM_CHECKSUMS, m, Map.of("x", x, "h0", h0, "c0", c0));
    }

    /**
     * <pre>
     * torch.manual_seed(1)
     * m = torch.nn.GRU(3, 4, batch_first=True)
     * x = torch.randn(2, 3, 3, requires_grad=True)
     * h0 = torch.randn(1, 2, 4, requires_grad=True)
     * wo, wh = torch.randn(2, 3, 4), torch.randn(1, 2, 4)
     * out, h = m(x, h0)
     * ((out * wo).sum() + (h * wh).sum()).backward()
     * report(m, [("x", x), ("h0", h0)], [n for n, _ in m.named_parameters()])
     * </pre>
     */
    @Test
    @DisplayName("a batch_first GRU from a given h0")
    void gru() {
        Tensor.manualSeed(1);
        GRU m = new GRU(3, 4, GRU.options().batchFirst(true));
        Tensor x = Tensor.randn(2, 3, 3).requiresGrad(true);
        Tensor h0 = Tensor.randn(1, 2, 4).requiresGrad(true);
        Tensor wo = Tensor.randn(2, 3, 4), wh = Tensor.randn(1, 2, 4);
        RNNOutput out = m.forward(x, h0);
        assertEquals("TransposeBackward0", out.output().gradFn().name());
        out.output().mul(wo).sum().add(out.hN().mul(wh).sum()).backward();
        check(GRU_GRADIENTS, GRU_CHECKSUMS, m, Map.of("x", x, "h0", h0));
    }

    /**
     * <pre>
     * torch.manual_seed(2)
     * m = torch.nn.RNN(3, 4, num_layers=2, nonlinearity='relu')
     * x = torch.randn(4, 2, 3, requires_grad=True)
     * wo, wh = torch.randn(4, 2, 4), torch.randn(2, 2, 4)
     * out, h = m(x)
     * ((out * wo).sum() + (h * wh).sum()).backward()
     * report(m, [("x", x)], [n for n, _ in m.named_parameters()])
     * </pre>
     */
    @Test
    @DisplayName("a 2-layer relu RNN from zero states")
    void rnnRelu() {
        Tensor.manualSeed(2);
        RNN m = new RNN(3, 4, RNN.options().numLayers(2).nonlinearity("relu"));
        Tensor x = Tensor.randn(4, 2, 3).requiresGrad(true);
        Tensor wo = Tensor.randn(4, 2, 4), wh = Tensor.randn(2, 2, 4);
        RNNOutput out = m.forward(x);
        assertEquals(fast() ? "RnnReluLayerBackward0" : "StackBackward0", out.output().gradFn().name());
        out.output().mul(wo).sum().add(out.hN().mul(wh).sum()).backward();
        check(RNN_GRADIENTS, RNN_CHECKSUMS, m, Map.of("x", x));
    }

    /**
     * <pre>
     * torch.manual_seed(3)
     * m = torch.nn.LSTMCell(3, 4)
     * x = torch.randn(2, 3, requires_grad=True)
     * hx = torch.randn(2, 4, requires_grad=True)
     * cx = torch.randn(2, 4, requires_grad=True)
     * wh, wc = torch.randn(2, 4), torch.randn(2, 4)
     * h, c = m(x, (hx, cx))
     * ((h * wh).sum() + (c * wc).sum()).backward()
     * report(m, [("x", x), ("h", hx), ("c", cx)], [])
     * </pre>
     */
    @Test
    @DisplayName("an LSTMCell step from given h and c")
    void lstmCell() {
        Tensor.manualSeed(3);
        LSTMCell m = new LSTMCell(3, 4);
        Tensor x = Tensor.randn(2, 3).requiresGrad(true);
        Tensor h = Tensor.randn(2, 4).requiresGrad(true);
        Tensor c = Tensor.randn(2, 4).requiresGrad(true);
        Tensor wh = Tensor.randn(2, 4), wc = Tensor.randn(2, 4);
        LSTMCell.State next = m.forward(x, h, c);
        assertEquals(fast() ? "ThnnFusedLstmCellBackward0" : "MulBackward0", next.h().gradFn().name());
        next.h().mul(wh).sum().add(next.c().mul(wc).sum()).backward();
        check(LSTMCELL_GRADIENTS, LSTMCELL_CHECKSUMS, m, Map.of("x", x, "h", h, "c", c));
    }

    /**
     * <pre>
     * torch.manual_seed(4)
     * m = torch.nn.GRUCell(3, 4)
     * x = torch.randn(2, 3, requires_grad=True)
     * hx = torch.randn(2, 4, requires_grad=True)
     * wh = torch.randn(2, 4)
     * h = m(x, hx)
     * (h * wh).sum().backward()
     * report(m, [("x", x), ("h", hx)], [])
     * </pre>
     */
    @Test
    @DisplayName("a GRUCell step from a given h")
    void gruCell() {
        Tensor.manualSeed(4);
        GRUCell m = new GRUCell(3, 4);
        Tensor x = Tensor.randn(2, 3).requiresGrad(true);
        Tensor h = Tensor.randn(2, 4).requiresGrad(true);
        Tensor wh = Tensor.randn(2, 4);
        Tensor next = m.forward(x, h);
        assertEquals(fast() ? "ThnnFusedGruCellBackward0" : "AddBackward0", next.gradFn().name());
        next.mul(wh).sum().backward();
        check(GRUCELL_GRADIENTS, GRUCELL_CHECKSUMS, m, Map.of("x", x, "h", h));
    }

    // ---------------------------------------------------------------- the values PyTorch printed

    // lstm(): LSTM(3, 4, num_layers=2, bidirectional=True, proj_size=2)
    private static final Object[] LSTM_GRADIENTS = {
        "x", new double[] {
            -0.66417098, -0.30444676, 0.30236754, -0.066646241, -0.2271508, 0.050703701, -0.064635232, -0.046449315,
            0.34651929, 0.036182754, -0.16010199, -0.033513304, 0.17924532, -0.0068052933, 0.40645474, -0.1457766,
            -0.55547351, -0.38999233},
        "h0", new double[] {
            -0.0032999713, -0.050113585, -0.0027764651, -0.021080431, 0.14839999, 0.030375531, -0.045149505, -0.029814461,
            -0.2697866, -0.28197697, 0.055443924, 0.009948465, 0.073033586, 0.061587103, 0.0049865423, -0.036165416},
        "c0", new double[] {
            0.072024964, -0.092321709, -0.11397177, -0.019546099, 0.075150356, 0.085410647, -0.042072073, 0.057568789,
            0.13986835, -0.35249746, 0.089835577, 0.06398572, -0.014662541, 0.31162629, -0.044304948, -0.1350016,
            -0.087588325, 0.16710246, -0.27541625, -0.47670254, -0.018723495, -0.13035421, 0.086040698, 0.22628833,
            -0.05639293, -0.21994735, 0.17960307, -0.022874063, -0.064472094, 0.16115046, -0.095197447, 0.070886604},
        "bias_hh_l0_reverse", new double[] {
            -0.2950716, -0.22364348, 0.12471591, 0.068192378, -0.16992882, 0.31652653, 0.0069376938, 0.11454321, 1.1223108,
            -0.035294965, 0.88959551, 0.047531109, -0.048617106, -0.017922178, 0.0037098555, 0.026823487},
        "weight_hh_l1", new double[] {
            -0.0052411607, 0.017393772, -0.0054549533, 0.015744001, 0.00087879878, 0.079219751, -0.02233994, 0.038769372,
            -0.016890151, 0.029567618, -0.054860245, -0.10041316, 0.060795829, 0.020280011, -0.031906378, 0.01830592,
            0.014796165, -0.06146476, 0.10840586, 0.034759611, 0.12966782, -0.17155209, -0.022648185, -0.12782493,
            -0.059565187, 0.025803747, -0.016819973, 0.025357768, 0.026208147, -0.010364454, 0.017327284, 0.041544732},
        "weight_hr_l1_reverse", new double[] {
            -0.26584497, -0.77524424, -0.15925398, 0.21202126, 0.90742409, 1.5995634, 0.1111499, -0.87609053}
    };
    private static final Object[] LSTM_CHECKSUMS = {
        "weight_ih_l0", 7.2275778, "weight_hh_l0", -0.368006, "bias_ih_l0", 0.2984257, "bias_hh_l0", 0.29842571,
        "weight_hr_l0", 1.043052, "weight_ih_l0_reverse", -6.3314064, "weight_hh_l0_reverse", 0.24351695,
        "bias_ih_l0_reverse", -1.0294791, "bias_hh_l0_reverse", -1.0294792, "weight_hr_l0_reverse", -2.7859039,
        "weight_ih_l1", 0.31076357, "weight_hh_l1", 1.340644, "bias_ih_l1", -1.3847792, "bias_hh_l1", -1.384779,
        "weight_hr_l1", -1.1380746, "weight_ih_l1_reverse", -0.039058699, "weight_hh_l1_reverse", 0.20935115,
        "bias_ih_l1_reverse", 2.9250616, "bias_hh_l1_reverse", 2.9250617, "weight_hr_l1_reverse", 9.5755495};
    // gru(): GRU(3, 4, batch_first=True)
    private static final Object[] GRU_GRADIENTS = {
        "x", new double[] {
            0.19462679, 0.37315336, -0.19388036, 0.28048047, 0.42697006, -0.044767532, 0.035380412, 0.5211342, 0.26820201,
            0.017164126, -0.11428183, 0.032976385, 0.082107268, -0.16285138, -0.00016257702, 0.46643615, 0.21853825,
            -0.11158611},
        "h0", new double[] {
            -0.080822349, -0.37053704, -0.13146368, -0.38880065, -0.0014926456, 0.50543714, -0.25950325, -0.22826582},
        "weight_ih_l0", new double[] {
            0.042769276, 0.058537129, 0.031600531, 0.23925373, 0.24391443, -0.076340467, -0.02247465, -0.073219955,
            0.059596296, -0.070153892, -0.10971364, 0.093808956, -0.15261674, -0.31605744, 0.17468753, 0.30156577,
            0.033169214, 0.25712967, 0.83067316, 1.5347779, 0.13795702, -0.40263444, -1.5519714, -0.68150622, -0.040862776,
            0.630247, -0.63860333, -1.8311722, -2.1131995, 0.62690741, -0.067356341, -0.49930784, 0.55149841, -1.2220384,
            -1.8259077, 1.6672685},
        "weight_hh_l0", new double[] {
            -0.0093015349, -0.0084666284, -0.029272744, 0.044023853, -0.10722774, -0.031055279, -0.17517105, -0.093459196,
            0.05530877, 0.04469344, 0.059317328, -0.012871474, 0.071663797, 0.040938035, 0.086073115, 0.0364337,
            -0.027106784, -0.078091808, -0.020118102, 0.30933008, 0.20935798, 0.27454594, 0.11885267, -0.28101465,
            -0.15485643, -0.090288952, -0.45804602, 0.11155398, 0.26949072, 0.41049969, 0.45818019, -0.93685395,
            -0.07980226, -0.04725305, 0.0106747, -0.46433458, 0.15773851, -0.0090399692, 0.32970572, 0.26132736, 0.18153274,
            0.1469299, 0.18019506, -0.025696401, 0.71389824, 0.36810577, 0.92237204, 0.42720821},
        "bias_ih_l0", new double[] {
            0.032572307, 0.19976872, -0.11861982, -0.14147584, 0.057928529, -0.49704531, 0.59152091, -0.89820665, 0.1942907,
            -1.4402033, -0.95035028, -2.1788125},
        "bias_hh_l0", new double[] {
            0.03257231, 0.19976872, -0.11861982, -0.14147584, 0.057928532, -0.49704528, 0.59152079, -0.89820671, 0.14355023,
            -0.30745339, -0.37956244, -1.4645455}
    };
    private static final Object[] GRU_CHECKSUMS = {
        "weight_ih_l0", -6.4545032, "weight_hh_l0", -0.27630444, "bias_ih_l0", 2.0271954, "bias_hh_l0", 1.7101934};
    // rnnRelu(): RNN(3, 4, num_layers=2, nonlinearity='relu')
    private static final Object[] RNN_GRADIENTS = {
        "x", new double[] {
            0, 0, 0, 0.01841351, -0.15400071, -0.085824981, 0.024364769, -0.20377387, -0.11356368, 0.004092406,
            -0.034226689, -0.019074619, -0.030926201, -0.14706671, 0.033652894, -0.30862364, -0.012721727, -0.0095104668,
            0.020625461, -0.17250028, -0.096134834, -0.031015417, 0.25939631, 0.14456221},
        "weight_ih_l0", new double[] {
            0.022795616, 0.11005803, -0.052558988, 1.1041411, -0.33231512, -0.94166863, -0.11565889, -0.55840516,
            0.26667032, -1.2084013, 0.025101732, -0.33988836},
        "weight_hh_l0", new double[] {
            0, -0.028034495, 0, 0, -0.17541836, -0.066323802, -0.19252616, 0.25163093, 0, 0.14223957, 0, 0, 0, 0.13248721,
            0, 0},
        "bias_ih_l0", new double[] {
            -0.076122463, -1.7074437, 0.3862251, 0.71327972},
        "bias_hh_l0", new double[] {
            -0.076122463, -1.7074437, 0.3862251, 0.71327972},
        "weight_ih_l1", new double[] {
            0, 0, 0, 0, -0.053303577, 0.43189701, -0.058502048, -0.027537536, 0, 0, 0, 0, 0.23067729, -3.1222577,
            0.25317428, 0.095708922},
        "weight_hh_l1", new double[] {
            0, 0, 0, 0, 0, -0.23132336, 0, 0.59624451, 0, 0, 0, 0, 0, -2.9809568, 0, -3.2952495},
        "bias_ih_l1", new double[] {
            0, 4.5290031, 0, -3.2245224},
        "bias_hh_l1", new double[] {
            0, 4.5290031, 0, -3.2245224}
    };
    private static final Object[] RNN_CHECKSUMS = {
        "weight_ih_l0", -0.78818515, "weight_hh_l0", -1.3292462, "bias_ih_l0", 3.2570297, "bias_hh_l0", 3.2570297,
        "weight_ih_l1", -9.1387623, "weight_hh_l1", -4.6037517, "bias_ih_l1", -9.0580063, "bias_hh_l1", -9.0580063};
    // lstmCell(): LSTMCell(3, 4)
    private static final Object[] LSTMCELL_GRADIENTS = {
        "x", new double[] {
            0.16933358, 0.60733187, -0.0046766098, 0.00081564841, -0.1112055, 0.11399966},
        "h", new double[] {
            0.10510019, 0.041305378, 0.19947763, 0.15577583, -0.022877866, 0.15608418, 0.055232555, -0.017443141},
        "c", new double[] {
            -1.9115189, -0.27459922, 0.024385819, -0.71420228, 0.51228946, -0.090347417, -0.16853482, 0.19809538}
    };
    private static final Object[] LSTMCELL_CHECKSUMS = {
        "weight_ih", -3.3050737, "weight_hh", 0.47641452, "bias_ih", 2.1823603, "bias_hh", 2.1823603};
    // gruCell(): GRUCell(3, 4)
    private static final Object[] GRUCELL_GRADIENTS = {
        "x", new double[] {
            0.047152728, 0.26424107, -0.03602808, 0.12587987, 0.18026753, -0.041513458},
        "h", new double[] {
            0.087762192, 0.5755434, -0.2861976, 0.050945386, -0.0055287741, 0.13704821, -0.021397619, 0.27150837}
    };
    private static final Object[] GRUCELL_CHECKSUMS = {
        "weight_ih", -5.5556785, "weight_hh", 0.39126006, "bias_ih", -3.5923901, "bias_hh", -2.7088277};
}
