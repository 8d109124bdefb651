package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import layerwise.nn.AvgPool2d;
import layerwise.nn.MaxPool2d;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * max_pool2d's and avg_pool2d's backward. Max pooling has a kink wherever two values of a window tie, so
 * its inputs here are distinct values 0.1 apart, in a random order: a finite-difference step (at most
 * 0.02 here) never changes which one is largest.
 */
class PoolGradTest {

    /** The values 0.1·k − 1 for k &lt; numel, shuffled, as a leaf that requires grad. */
    private static Tensor distinct(Random r, int... shape) {
        float[] v = new float[Shapes.numel(shape)];
        for (int k = 0; k < v.length; k++) v[k] = 0.1f * k - 1f;
        for (int k = v.length - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            float t = v[k];
            v[k] = v[j];
            v[j] = t;
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    private static void maxCheck(Tensor x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        String what = java.util.Arrays.toString(x.shape()) + " k" + java.util.Arrays.toString(k) + " s" + java.util.Arrays.toString(s)
                + " p" + java.util.Arrays.toString(p) + " d" + java.util.Arrays.toString(d) + (ceil ? " ceil" : "");
        assertTrue(Autograd.gradcheck(t -> Functional.maxPool2d(t, k, s, p, d, ceil), x), what);
        assertEquals("MaxPool2DWithIndicesBackward0", Functional.maxPool2d(x, k, s, p, d, ceil).gradFn().name(), what);
    }

    @Test
    @DisplayName("max_pool2d gradcheck: overlapping windows, padding, dilation, ceil_mode, unbatched")
    void maxPool() {
        Random r = new Random(1);
        maxCheck(distinct(r, 2, 2, 5, 7), new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1}, true);
        maxCheck(distinct(r, 1, 3, 6, 6), new int[] {2}, new int[] {1}, new int[] {0}, new int[] {2}, false);
        maxCheck(distinct(r, 1, 2, 7, 8), new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, new int[] {2, 1}, true);
        maxCheck(distinct(r, 3, 5, 6), new int[] {3}, new int[] {3}, new int[] {1}, new int[] {1}, true);
        Tensor x = distinct(r, 1, 1, 3, 3);
        new MaxPool2d(2, 1).forward(x).sum().backward();
        // The windows' maxima are where the gradient goes, once per window that picked it.
        float[] v = x.detach().toFloatArray(), expected = new float[9];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                int best = i * 3 + j;
                for (int q : new int[] {i * 3 + j, i * 3 + j + 1, (i + 1) * 3 + j, (i + 1) * 3 + j + 1}) if (v[q] > v[best]) best = q;
                expected[best]++;
            }
        }
        assertArrayEquals(expected, x.grad().toFloatArray());
    }

    @Test
    @DisplayName("return_indices: the values carry the gradient, the indices none; changed indices are refused at backward")
    void withIndices() {
        Random r = new Random(2);
        Tensor x = distinct(r, 1, 2, 4, 5);
        Tensor[] both = Functional.maxPool2dWithIndices(x, new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, true);
        assertEquals("MaxPool2DWithIndicesBackward0", both[0].gradFn().name());
        assertFalse(both[1].requiresGrad());
        assertNull(both[1].gradFn());
        MaxPool2d.WithIndices layer = new MaxPool2d(new int[] {2}, null, new int[] {1}, new int[] {1}, true, false)
                .forwardWithIndices(x.unsqueeze(0).squeeze(0));
        assertEquals("MaxPool2DWithIndicesBackward0", layer.output().gradFn().name());
        assertTrue(Autograd.gradcheck(t -> Functional.maxPool2dWithIndices(t, new int[] {2}, new int[] {1}, new int[] {1},
                new int[] {1}, false)[0], x));
        both[0].sum().backward();
        float[] where = both[1].toFloatArray(), g = x.grad().toFloatArray();
        float total = 0;
        for (float e : g) total += e;
        assertEquals(where.length, total, "one unit of gradient per output");
        for (int k = 0; k < where.length; k++) assertEquals(1f, g[k / 6 * 20 + (int) where[k]], "at index " + where[k]);

        Tensor y = Functional.maxPool2dWithIndices(x, new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false)[0];
        Tensor[] again = Functional.maxPool2dWithIndices(x, new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false);
        again[1].add_(Tensor.ones(1));
        assertThrows(AutogradError.class, () -> again[0].sum().backward());
        y.sum().backward();
    }

    @Test
    @DisplayName("avg_pool2d gradcheck: count_include_pad either way, ceil_mode, divisor_override, unbatched")
    void avgPool() {
        Tensor.manualSeed(3);
        int[][] shapes = {{2, 2, 5, 7}, {3, 6, 5}};
        for (int[] shape : shapes) {
            Tensor x = Tensor.randn(shape).requiresGrad(true);
            for (boolean include : new boolean[] {true, false}) {
                for (boolean ceil : new boolean[] {true, false}) {
                    String what = java.util.Arrays.toString(shape) + " include=" + include + " ceil=" + ceil;
                    assertTrue(Autograd.gradcheck(t -> Functional.avgPool2d(t, new int[] {3, 2}, new int[] {2}, new int[] {1},
                            ceil, include), x), what);
                    assertTrue(Autograd.gradcheck(t -> Functional.avgPool2d(t, new int[] {3}, new int[] {2, 1}, new int[] {1, 0},
                            ceil, include, 7), x), what + " divisor 7");
                }
            }
            assertEquals("AvgPool2DBackward0", new AvgPool2d(2).forward(x).gradFn().name());
        }
        Tensor x = Tensor.ones(1, 1, 2, 2).requiresGrad(true);
        Functional.avgPool2d(x, new int[] {2}, new int[] {1}, new int[] {1}, false, true).sum().backward();
        assertArrayEquals(new float[] {1, 1, 1, 1}, x.grad().toFloatArray(), "each input in 4 windows of 4 (padding counted)");
    }
}
