package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Linear's backward kernels: the plain loops and the fast products against sums written here in double,
 * on random shapes (zero sizes, primes, batch 1) and on non-contiguous operands.
 */
class LinearBackwardTest {

    private static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return Tensor.of(v, shape);
    }

    /** dx = g·W, dW = gᵀ·x, db = Σ g, each element summed in double straight from the definitions. */
    private static double[][] reference(Tensor g, Tensor x, Tensor w) {
        int rows = g.size(0), outs = g.size(1), in = x.size(1);
        double[] dx = new double[rows * in], dw = new double[outs * in], db = new double[outs];
        for (int m = 0; m < rows; m++) {
            for (int o = 0; o < outs; o++) {
                double gv = g.get(m, o);
                db[o] += gv;
                for (int i = 0; i < in; i++) {
                    dx[m * in + i] += gv * w.get(o, i);
                    dw[o * in + i] += gv * x.get(m, i);
                }
            }
        }
        return new double[][] {dx, dw, db};
    }

    /** float32 sums of k terms differ from the double sum by at most about k·2⁻²⁴·Σ|terms|: a bound of 1e-5·k·scale. */
    private static void assertNear(double[] want, Tensor got, int terms, String what) {
        float[] v = got.toFloatArray();
        assertEquals(want.length, v.length, what);
        for (int i = 0; i < v.length; i++) {
            double tol = 1e-6 * (terms + 1) * 8;
            assertEquals(want[i], v[i], tol, what + " element " + i);
        }
    }

    @Test
    @DisplayName("plain and fast give dx, dW and db equal to the definitions on random shapes")
    void randomShapes() {
        Random r = new Random(11);
        int[] sizes = {0, 1, 2, 3, 7, 13, 31, 64, 67};
        for (int c = 0; c < 40; c++) {
            int rows = sizes[r.nextInt(sizes.length)], in = sizes[r.nextInt(sizes.length)], outs = sizes[r.nextInt(sizes.length)];
            Tensor g = random(r, rows, outs), x = random(r, rows, in), w = random(r, outs, in);
            double[][] want = reference(g, x, w);
            for (Kernels.Kind kind : Kernels.Kind.values()) {
                Tensor[] d = Kernels.linearBackward(g, x, w, true, true, true, kind);
                String where = kind + " rows " + rows + " in " + in + " out " + outs;
                assertArrayEquals(new int[] {rows, in}, d[0].shape(), where);
                assertArrayEquals(new int[] {outs, in}, d[1].shape(), where);
                assertArrayEquals(new int[] {outs}, d[2].shape(), where);
                assertNear(want[0], d[0], outs, where + " dx");
                assertNear(want[1], d[1], rows, where + " dW");
                assertNear(want[2], d[2], rows, where + " db");
            }
        }
    }

    @Test
    @DisplayName("non-contiguous g, x and W (transposed, sliced) give the same gradients as their contiguous copies")
    void nonContiguous() {
        Random r = new Random(5);
        Tensor g = random(r, 9, 6).t();                     // (6, 9): 6 rows, 9 outputs
        Tensor x = random(r, 6, 22).slice(1, 1, 22, 2);      // (6, 11), stride 2
        Tensor w = random(r, 11, 9).t();                    // (9, 11)
        for (Kernels.Kind kind : Kernels.Kind.values()) {
            Tensor[] a = Kernels.linearBackward(g, x, w, true, true, true, kind);
            Tensor[] b = Kernels.linearBackward(g.contiguous(), x.contiguous(), w.contiguous(), true, true, true, kind);
            for (int i = 0; i < 3; i++) assertArrayEquals(b[i].toFloatArray(), a[i].toFloatArray(), kind + " gradient " + i);
        }
    }

    @Test
    @DisplayName("only the gradients asked for are computed")
    void onlyWhatIsNeeded() {
        Random r = new Random(3);
        Tensor[] d = Kernels.linearBackward(random(r, 2, 3), random(r, 2, 4), random(r, 3, 4), false, true, false,
                Kernels.Kind.FAST);
        assertNull(d[0]);
        assertNull(d[2]);
        assertArrayEquals(new int[] {3, 4}, d[1].shape());
    }

    @Test
    @DisplayName("through autograd, batch 1 and a 3-D input: the layer's grads equal the kernel's on the flattened rows")
    void throughAutograd() {
        Random r = new Random(8);
        Tensor x = random(r, 2, 5, 4).requiresGrad(true);
        Tensor w = random(r, 3, 4).requiresGrad(true), b = random(r, 3).requiresGrad(true);
        Tensor g = random(r, 2, 5, 3);
        Functional.linear(x, w, b).backward(g);
        Tensor[] d = Kernels.linearBackward(g.reshape(10, 3), x.detach().reshape(10, 4), w.detach(), true, true, true,
                Kernels.selected());
        assertArrayEquals(d[0].toFloatArray(), x.grad.toFloatArray());
        assertArrayEquals(d[1].toFloatArray(), w.grad.toFloatArray());
        assertArrayEquals(d[2].toFloatArray(), b.grad.toFloatArray());
        Tensor one = random(r, 1, 4).requiresGrad(true);
        Functional.linear(one, w.detach(), null).sum().backward();
        double[] col = new double[4];
        for (int o = 0; o < 3; o++) for (int i = 0; i < 4; i++) col[i] += w.get(o, i);
        for (int i = 0; i < 4; i++) assertEquals(col[i], one.grad.get(0, i), 1e-5);
    }
}
