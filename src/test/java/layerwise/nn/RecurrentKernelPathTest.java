package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import layerwise.tensor.Kernels;
import layerwise.tensor.RecurrentKernels;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each recurrent layer of RNN, LSTM and GRU on its two kernels, as {@link Kernels#recurrentLayer} runs
 * them: the fast one (whole directions at once, the default) against the plain one (the chain of tensor
 * ops of each step, what {@code -Dlayerwise.kernels=plain} runs), on a module's own parameters: stacked
 * layers, both directions, proj_size, given states, no bias, hidden sizes that are not whole vector
 * panels, batch 1 and one step, on one thread and two. (Batch-first and unbatched inputs are rearranged
 * by RNNBase before either kernel runs.)
 *
 * <p>Without SIMD the two add the same terms in the same order with the same sigmoid and tanh: equal bit
 * for bit. With SIMD the fast matrix products round each multiply-add once (fma) and the fast gates use
 * GateMath's sigmoid and tanh, each within one unit in the last place of the tensor ops' (and equal on
 * all but about one value in 10^4, RecurrentKernelsTest); a product or gate differing in its last bit
 * (about 6e-8 of it) moves h and c by about as much, and the next steps carry that along, scaled per step
 * by about |W_hh| ≈ 1 for PyTorch's U(±1/√H) init. Over the few steps and layers here that stays well
 * below 2e-6 of max(1, |value|) (about 32 ulps): the bound used.
 */
class RecurrentKernelPathTest {

    private static final double SIMD_BOUND = 2e-6;

    record Config(String mode, int layers, boolean bidirectional, int proj, boolean withState, boolean bias, int steps,
                  int batch, int input, int hidden, int threads) {
    }

    static List<Config> configs() {
        String[] modes = {"LSTM", "GRU", "RNN_TANH", "RNN_RELU"};
        int[] hiddens = {1, 7, 33, 100};
        Random r = new Random(1313);
        List<Config> list = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String mode = modes[i % 4];
            int hidden = hiddens[(i / 4) % 4];
            int proj = mode.equals("LSTM") && hidden > 1 && i % 3 != 2 ? 1 + r.nextInt(hidden - 1) : 0;
            int steps = i % 5 == 0 ? 1 : 2 + r.nextInt(4);
            int batch = i % 6 == 1 ? 1 : 2 + r.nextInt(30);
            list.add(new Config(mode, 1 + i % 2, r.nextBoolean(), proj, r.nextBoolean(), i % 5 != 4, steps, batch,
                    1 + r.nextInt(12), hidden, 1 + i / 16));
        }
        return list;
    }

    private static RNNBase build(Config c) {
        RNNOptions o = RNNBase.options().numLayers(c.layers()).bidirectional(c.bidirectional()).bias(c.bias());
        return switch (c.mode()) {
            case "LSTM" -> new LSTM(c.input(), c.hidden(), o.projSize(c.proj()));
            case "GRU" -> new GRU(c.input(), c.hidden(), o);
            case "RNN_RELU" -> new RNN(c.input(), c.hidden(), o.nonlinearity("relu"));
            default -> new RNN(c.input(), c.hidden(), o);
        };
    }

    /** One layer's directions, from the module's parameters by their PyTorch names; states random or zero. */
    private static RecurrentKernels.Direction[] directions(RNNBase m, Config c, int layer) {
        int dirs = c.bidirectional() ? 2 : 1;
        int hOut = c.proj() > 0 ? c.proj() : c.hidden();
        RecurrentKernels.Direction[] d = new RecurrentKernels.Direction[dirs];
        for (int dir = 0; dir < dirs; dir++) {
            String sfx = "_l" + layer + (dir == 1 ? "_reverse" : "");
            Tensor h0 = c.withState() ? Tensor.randn(c.batch(), hOut) : Tensor.zeros(c.batch(), hOut);
            Tensor c0 = !c.mode().equals("LSTM") ? null : c.withState() ? Tensor.randn(c.batch(), c.hidden())
                    : Tensor.zeros(c.batch(), c.hidden());
            d[dir] = new RecurrentKernels.Direction(m.getParameter("weight_ih" + sfx), c.bias() ? m.getParameter("bias_ih" + sfx) : null,
                    m.getParameter("weight_hh" + sfx), c.bias() ? m.getParameter("bias_hh" + sfx) : null,
                    c.proj() > 0 ? m.getParameter("weight_hr" + sfx) : null, h0, c0);
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    @DisplayName("the fast recurrent layer equals the chain of tensor ops (bit for bit without SIMD)")
    void fastEqualsChain(Config c) {
        Tensor.manualSeed(c.toString().hashCode());
        RNNBase m = build(c);
        RecurrentKernels.Cell cell = RecurrentKernels.Cell.valueOf(c.mode());
        Tensor seq = Tensor.randn(c.steps(), c.batch(), c.input());
        int before = Kernels.threads();
        try {
            Kernels.setThreads(c.threads());
            for (int layer = 0; layer < c.layers(); layer++) {
                RecurrentKernels.Direction[] d = directions(m, c, layer);
                RecurrentKernels.Layer fast = Kernels.recurrentLayer(cell, seq, Kernels.Kind.FAST, d);
                RecurrentKernels.Layer chain = Kernels.recurrentLayer(cell, seq, Kernels.Kind.PLAIN, d);
                String at = c + " layer " + layer;
                assertSame(chain.output(), fast.output(), at + " output");
                for (int dir = 0; dir < d.length; dir++) {
                    assertSame(chain.h()[dir], fast.h()[dir], at + " h_n " + dir);
                    if (cell == RecurrentKernels.Cell.LSTM) {
                        assertSame(chain.c()[dir], fast.c()[dir], at + " c_n " + dir);
                    } else {
                        assertNull(fast.c()[dir]);
                        assertNull(chain.c()[dir]);
                    }
                }
                seq = chain.output();          // the next layer reads [forward | reverse] at every step
            }
        } finally {
            Kernels.setThreads(before);
        }
    }

    private static void assertSame(Tensor chain, Tensor fused, String what) {
        assertArrayEquals(chain.shape(), fused.shape(), what + ": shape");
        float[] a = chain.toFloatArray(), b = fused.toFloatArray();
        boolean simd = Kernels.simd().startsWith("SIMD on");
        for (int i = 0; i < a.length; i++) {
            if (!simd) {
                int k = i;
                assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]),
                        () -> what + " at " + k + ": chain " + a[k] + ", fused " + b[k]);
            } else {
                assertTrue(Math.abs(a[i] - b[i]) <= SIMD_BOUND * Math.max(1, Math.abs(a[i])), what + " at " + i + ": chain " + a[i] + ", fused " + b[i]);
            }
        }
    }
}
