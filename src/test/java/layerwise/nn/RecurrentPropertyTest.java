package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random configurations of RNN, LSTM and GRU against {@link RecurrentReference}, the plain-loop version
 * of PyTorch's equations: 1-3 layers, both directions, batch_first both ways, sequence length and batch
 * down to 1, with and without biases and initial states, batched and unbatched.
 */
class RecurrentPropertyTest {

    record Config(String mode, int layers, boolean bidirectional, boolean batchFirst, int steps, int batch,
                  boolean bias, boolean withState, boolean unbatched, int inputSize, int hidden, int proj) {
        int d() {
            return bidirectional ? 2 : 1;
        }

        int hOut() {
            return proj > 0 ? proj : hidden;
        }
    }

    static List<Config> configs() {
        Random r = new Random(20261129);
        String[] modes = {"RNN_TANH", "RNN_RELU", "LSTM", "GRU"};
        List<Config> list = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String mode = modes[i % 4];
            int hidden = 1 + r.nextInt(5);
            int proj = mode.equals("LSTM") && hidden > 1 && r.nextBoolean() ? 1 + r.nextInt(hidden - 1) : 0;
            // Every 8 configurations: one with sequence length 1 and one with batch 1.
            int steps = i % 8 == 0 ? 1 : 1 + r.nextInt(5);
            int batch = i % 8 == 1 ? 1 : 1 + r.nextInt(4);
            list.add(new Config(mode, 1 + r.nextInt(3), r.nextBoolean(), r.nextBoolean(), steps, batch,
                    r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0, 1 + r.nextInt(5), hidden, proj));
        }
        return list;
    }

    static RNNBase build(Config c, double dropout) {
        RNNOptions o = RNNBase.options().numLayers(c.layers()).bias(c.bias()).batchFirst(c.batchFirst())
                .bidirectional(c.bidirectional()).dropout(dropout);
        return switch (c.mode()) {
            case "RNN_TANH" -> new RNN(c.inputSize(), c.hidden(), o);
            case "RNN_RELU" -> new RNN(c.inputSize(), c.hidden(), o.nonlinearity("relu"));
            case "LSTM" -> new LSTM(c.inputSize(), c.hidden(), o.projSize(c.proj()));
            default -> new GRU(c.inputSize(), c.hidden(), o);
        };
    }

    private static RNNOutput forward(RNNBase m, Tensor x, Tensor h0, Tensor c0) {
        if (m instanceof LSTM lstm) return h0 == null ? lstm.forward(x) : lstm.forward(x, h0, c0);
        if (m instanceof RNN rnn) return h0 == null ? rnn.forward(x) : rnn.forward(x, h0);
        return h0 == null ? ((GRU) m).forward(x) : ((GRU) m).forward(x, h0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    @DisplayName("random configurations match the plain reference loops")
    void matchesReference(Config c) {
        Tensor.manualSeed(c.toString().hashCode());
        RNNBase m = build(c, 0.0);
        checkAgainstReference(c, m, UnaryOperator.identity());
    }

    /** Runs m on random input and states and compares output, h_n and c_n with the reference. */
    private static void checkAgainstReference(Config c, RNNBase m, UnaryOperator<double[][][]> betweenLayers) {
        int states = c.layers() * c.d();
        int n = c.unbatched() ? 1 : c.batch();
        Tensor xTimeMajor = Tensor.randn(c.steps(), n, c.inputSize());
        Tensor h0 = c.withState() ? Tensor.randn(states, n, c.hOut()) : null;
        Tensor c0 = c.withState() && c.mode().equals("LSTM") ? Tensor.randn(states, n, c.hidden()) : null;

        Tensor x = c.unbatched() ? xTimeMajor.squeeze(1)
                : c.batchFirst() ? xTimeMajor.transpose(0, 1).contiguous() : xTimeMajor;
        RNNOutput out = forward(m, x, c.unbatched() && h0 != null ? h0.squeeze(1) : h0,
                c.unbatched() && c0 != null ? c0.squeeze(1) : c0);

        double[][][] zerosH = new double[states][n][c.hOut()];
        double[][][] zerosC = new double[states][n][c.hidden()];
        RecurrentReference.Result ref = RecurrentReference.run(c.mode(), m.stateDict(), c.layers(),
                c.bidirectional(), c.hidden(), c.proj(), RecurrentReference.cube(xTimeMajor),
                h0 == null ? zerosH : RecurrentReference.cube(h0), c0 == null ? zerosC : RecurrentReference.cube(c0),
                betweenLayers);

        double[][][] expectedOut = !c.unbatched() && c.batchFirst() ? RecurrentReference.swap01(ref.output())
                : ref.output();
        int[] outShape = c.unbatched() ? new int[] {c.steps(), c.d() * c.hOut()}
                : c.batchFirst() ? new int[] {n, c.steps(), c.d() * c.hOut()}
                : new int[] {c.steps(), n, c.d() * c.hOut()};
        assertCloseTo(expectedOut, outShape, out.output(), c + " output");
        int[] hShape = c.unbatched() ? new int[] {states, c.hOut()} : new int[] {states, n, c.hOut()};
        assertCloseTo(ref.hN(), hShape, out.hN(), c + " h_n");
        if (c.mode().equals("LSTM")) {
            int[] cShape = c.unbatched() ? new int[] {states, c.hidden()} : new int[] {states, n, c.hidden()};
            assertCloseTo(ref.cN(), cShape, out.cN(), c + " c_n");
        } else {
            assertNull(out.cN());
        }
    }

    static void assertCloseTo(double[][][] expected, int[] shape, Tensor actual, String what) {
        assertArrayEquals(shape, actual.shape(), what + ": shape");
        float[] a = actual.toFloatArray();
        int i = 0;
        for (double[][] plane : expected) {
            for (double[] row : plane) {
                for (double e : row) {
                    int k = i;
                    double tol = RecurrentFixtures.ATOL + RecurrentFixtures.RTOL * Math.abs(e);
                    assertTrue(Math.abs(a[k] - e) <= tol, () -> what + ": element " + k + " is " + a[k]
                            + ", expected " + e);
                    i++;
                }
            }
        }
    }

    @Test
    @DisplayName("eval mode ignores dropout; training mode drops between layers with the seeded generator")
    void dropoutBetweenLayers() {
        Config c = new Config("LSTM", 3, true, true, 4, 3, true, true, false, 3, 4, 0);
        double p = 0.4;
        Tensor.manualSeed(7);
        RNNBase m = build(c, p);
        m.eval();
        checkAgainstReference(c, m, UnaryOperator.identity());

        // Training: the mask of each gap between layers is U[0,1) < p, drawn time-major, in layer order.
        m.train();
        long seed = 99;
        Tensor.manualSeed(seed);
        Tensor.randn(c.steps(), c.batch(), c.inputSize());
        Tensor.randn(c.layers() * c.d(), c.batch(), c.hOut());
        Tensor.randn(c.layers() * c.d(), c.batch(), c.hidden());
        List<double[][][]> masks = new ArrayList<>();
        for (int gap = 0; gap < c.layers() - 1; gap++) {
            masks.add(RecurrentReference.cube(Tensor.rand(c.steps(), c.batch(), c.d() * c.hOut())));
        }
        int[] gap = {0};
        UnaryOperator<double[][][]> dropout = layerOut -> {
            double[][][] mask = masks.get(gap[0]++);
            double[][][] y = new double[layerOut.length][layerOut[0].length][];
            for (int t = 0; t < y.length; t++) {
                for (int b = 0; b < y[0].length; b++) {
                    y[t][b] = new double[layerOut[t][b].length];
                    for (int j = 0; j < y[t][b].length; j++) {
                        y[t][b][j] = mask[t][b][j] < p ? 0 : layerOut[t][b][j] / (1 - p);
                    }
                }
            }
            return y;
        };
        Tensor.manualSeed(seed);
        checkAgainstReference(c, m, dropout);
    }

    @Test
    @DisplayName("dropout=1 in training zeroes every layer's input but the first")
    void dropoutOne() {
        Config c = new Config("GRU", 2, false, false, 3, 2, true, false, false, 2, 3, 0);
        Tensor.manualSeed(5);
        RNNBase m = build(c, 1.0);
        m.train();
        checkAgainstReference(c, m, layerOut -> new double[layerOut.length][layerOut[0].length][layerOut[0][0].length]);
    }

    @Test
    @DisplayName("default init stays within U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)) and is not constant")
    void defaultInitBounds() {
        Tensor.manualSeed(0);
        LSTM lstm = new LSTM(7, 9, LSTM.options().numLayers(2).projSize(4).bidirectional(true));
        double bound = 1 / Math.sqrt(9);
        lstm.namedParameters().forEach((name, p) -> {
            float[] v = p.toFloatArray();
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (float f : v) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            assertTrue(min >= -bound && max <= bound && max > min, name + " in [" + min + ", " + max + "]");
        });
    }
}
