package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RNN, LSTM and GRU on their fused kernels (whole directions at once, the default) against the chain of
 * tensor ops of each step ({@link RecurrentStep}'s, what {@code -Dlayerwise.kernels=plain} runs), on the
 * same module and input: layers, directions, batch_first, proj_size, unbatched input, given states, no
 * bias, hidden sizes that are not whole vector panels, batch 1 and one step, on one thread and two.
 *
 * <p>Without SIMD the two add the same terms in the same order with the same sigmoid and tanh: equal bit
 * for bit. With SIMD the fused gates use GateMath's sigmoid and tanh, each within one unit in the last
 * place of the tensor ops' (and equal on all but about one value in 10^4, RecurrentKernelsTest), while
 * every sum stays the same; a gate differing by one ulp (at most 6e-8, the gates lie in [-1, 1]) moves h
 * and c by about as much, and the next steps carry that along, scaled per step by about |W_hh| ≈ 1 for
 * PyTorch's U(±1/√H) init. Over the few steps and layers here that stays well below 2e-6 of
 * max(1, |value|) (about 32 ulps): the bound used. (In practice the two are equal here: the rare
 * one-ulp gates do not happen to come up.)
 */
class RecurrentKernelPathTest {

    private static final double SIMD_BOUND = 2e-6;

    record Config(String mode, int layers, boolean bidirectional, boolean batchFirst, int proj, boolean unbatched,
                  boolean withState, boolean bias, int steps, int batch, int input, int hidden, int threads) {
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
            list.add(new Config(mode, 1 + i % 2, r.nextBoolean(), r.nextBoolean(), proj, i % 7 == 3, r.nextBoolean(),
                    i % 5 != 4, steps, batch, 1 + r.nextInt(12), hidden, 1 + i / 16));
        }
        return list;
    }

    private static RNNBase build(Config c) {
        RNNOptions o = RNNBase.options().numLayers(c.layers()).bidirectional(c.bidirectional()).batchFirst(c.batchFirst())
                .bias(c.bias());
        return switch (c.mode()) {
            case "LSTM" -> new LSTM(c.input(), c.hidden(), o.projSize(c.proj()));
            case "GRU" -> new GRU(c.input(), c.hidden(), o);
            case "RNN_RELU" -> new RNN(c.input(), c.hidden(), o.nonlinearity("relu"));
            default -> new RNN(c.input(), c.hidden(), o);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    @DisplayName("the fused forward equals the chain of tensor ops (bit for bit without SIMD)")
    void fusedEqualsChain(Config c) {
        Tensor.manualSeed(c.toString().hashCode());
        RNNBase m = build(c);
        int states = c.layers() * (c.bidirectional() ? 2 : 1);
        int hOut = c.proj() > 0 ? c.proj() : c.hidden();
        Tensor x = c.unbatched() ? Tensor.randn(c.steps(), c.input())
                : c.batchFirst() ? Tensor.randn(c.batch(), c.steps(), c.input()) : Tensor.randn(c.steps(), c.batch(), c.input());
        Tensor h0 = null, c0 = null;
        if (c.withState()) {
            h0 = c.unbatched() ? Tensor.randn(states, hOut) : Tensor.randn(states, c.batch(), hOut);
            if (c.mode().equals("LSTM")) c0 = c.unbatched() ? Tensor.randn(states, c.hidden()) : Tensor.randn(states, c.batch(), c.hidden());
        }
        int before = Kernels.threads();
        RNNOutput fused, chain;
        try {
            Kernels.setThreads(c.threads());
            fused = m.run(x, h0, c0, true);
            chain = m.run(x, h0, c0, false);
        } finally {
            Kernels.setThreads(before);
        }
        assertSame(chain.output(), fused.output(), c + " output");
        assertSame(chain.hN(), fused.hN(), c + " h_n");
        if (c.mode().equals("LSTM")) {
            assertSame(chain.cN(), fused.cN(), c + " c_n");
        } else {
            assertNull(fused.cN());
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
