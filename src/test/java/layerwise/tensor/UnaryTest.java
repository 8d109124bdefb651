package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The loops of {@link Unary} (neg, abs, relu, exp, log, sqrt, tanh, sigmoid), held bit for bit to the
 * formula written out here for each element, on random shapes and layouts with NaN, ±Inf, ±0 and
 * subnormal values; clamp and pow, which still run through a lambda, are checked alongside.
 */
class UnaryTest {
    private record Case(String name, UnaryOperator<Tensor> op, UnaryOperator<Float> formula) {
    }

    private static final Case[] CASES = {
        new Case("neg", Tensor::neg, x -> -x),
        new Case("abs", Tensor::abs, x -> Math.abs(x)),
        new Case("relu", Tensor::relu, x -> Float.isNaN(x) ? x : Math.max(x, 0f)),
        new Case("exp", Tensor::exp, x -> (float) Math.exp(x)),
        new Case("log", Tensor::log, x -> (float) Math.log(x)),
        new Case("sqrt", Tensor::sqrt, x -> (float) Math.sqrt(x)),
        new Case("tanh", Tensor::tanh, x -> (float) Math.tanh(x)),
        new Case("sigmoid", Tensor::sigmoid, x -> (float) (1.0 / (1.0 + Math.exp(-x)))),
        new Case("clamp(-1, 2)", t -> t.clamp(-1, 2), x -> Float.isNaN(x) ? x : Math.min(Math.max(x, -1f), 2f)),
        new Case("pow(3)", t -> t.pow(3), x -> (float) Math.pow(x, 3)),
    };

    @Test
    @DisplayName("every unary op equals its formula bit for bit on random shapes and layouts, and leaves its input alone")
    void randomLayouts() {
        Random r = new Random(29);
        for (int c = 0; c < 300; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor a = RandomViews.any(r, shape);
            float[] storage = a.storage.clone();
            int[][] idx = RandomViews.indices(shape);
            for (Case k : CASES) {
                Tensor out = k.op().apply(a);
                assertArrayEquals(shape, out.shape(), k.name());
                assertTrue(out.isContiguous());
                for (int[] i : idx) {
                    float x = a.get(i);
                    assertTrue(RandomViews.sameBits(k.formula().apply(x), out.get(i)),
                            k.name() + " of " + x + " in " + RandomViews.describe(a) + " at " + Shapes.str(i));
                }
            }
            assertArrayEquals(storage, a.storage, "the input's storage is unchanged");
        }
    }

    @Test
    @DisplayName("tensors large enough to be split over threads (3 here, with an uneven split) give every element its formula's bits")
    void largeTensorsOverThreads() {
        Random r = new Random(41);
        Tensor contiguous = RandomViews.filled(r, new int[] {100_003});
        Tensor transposed = RandomViews.filled(r, new int[] {331, 317}).t();   // copied first, then mapped in place
        int before = Kernels.threads();
        try {
            Kernels.setThreads(3);
            for (Tensor a : new Tensor[] {contiguous, transposed}) {
                float[] x = a.toFloatArray();
                for (Case k : CASES) {
                    float[] got = k.op().apply(a).toFloatArray();
                    for (int i = 0; i < x.length; i++) {
                        if (!RandomViews.sameBits(k.formula().apply(x[i]), got[i])) {
                            fail(k.name() + " of " + x[i] + " at " + i + " of " + RandomViews.describe(a) + ": got " + got[i]);
                        }
                    }
                }
            }
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    @DisplayName("signed zeros and NaN: neg(0) is -0, relu(-0) is +0, relu and abs keep NaN")
    void specialValues() {
        Tensor t = Tensor.of(new float[] {0f, -0f, Float.NaN, Float.NEGATIVE_INFINITY});
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(t.neg().get(0)));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(t.relu().get(1)));
        assertTrue(Float.isNaN(t.relu().get(2)));
        assertTrue(Float.isNaN(t.abs().get(2)));
        assertEquals(0f, t.relu().get(3));
        assertEquals(0f, t.exp().get(3));
        assertEquals(0f, t.sigmoid().get(3));
    }
}
