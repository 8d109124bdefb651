package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import layerwise.nn.Dropout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dropout's backward: g·mask/(1 − p) with the mask the forward drew, as PyTorch's MulBackward0. */
class DropoutGradTest {

    @Test
    @DisplayName("training: the gradient flows through the kept elements, scaled by 1/(1-p), with the forward's own mask")
    void sameMask() {
        double p = 0.4;
        Tensor.manualSeed(5);
        Tensor x = Tensor.randn(4, 5).requiresGrad(true);
        Tensor g = Tensor.randn(4, 5);
        Tensor.manualSeed(9);
        Tensor y = Functional.dropout(x, p, true);
        assertEquals("MulBackward0", y.gradFn().name());
        Tensor.randn(100);                                     // later draws do not change the saved mask
        y.backward(g);
        Tensor.manualSeed(9);
        float[] u = Tensor.rand(4, 5).toFloatArray(), gv = g.toFloatArray(), xv = x.detach().toFloatArray();
        float[] dx = x.grad().toFloatArray(), yv = y.detach().toFloatArray();
        float scale = (float) (1 / (1 - p));
        for (int i = 0; i < u.length; i++) {
            boolean kept = u[i] >= p;
            assertEquals(kept ? gv[i] * scale : 0f, dx[i], 0f, "dx[" + i + "]");
            assertEquals(kept ? xv[i] * scale : 0f, yv[i], 0f, "y[" + i + "]");
        }
        assertTrue(Autograd.gradcheck(t -> {
            Tensor.manualSeed(9);
            return Functional.dropout(t, p, true);
        }, Tensor.randn(3, 4).requiresGrad(true)));
    }

    @Test
    @DisplayName("eval and p = 0 pass the input (and its gradient) through; p = 1 gives zeros, and zero gradient")
    void edges() {
        Tensor x = Tensor.randn(2, 3).requiresGrad(true);
        assertSame(x, Functional.dropout(x, 0.5, false));
        assertSame(x, Functional.dropout(x, 0, true));
        Dropout layer = new Dropout(0.5);
        layer.eval();
        layer.forward(x).sum().backward();
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, x.grad().toFloatArray());
        x.grad = null;

        Tensor all = Functional.dropout(x, 1, true);
        assertEquals("MulBackward0", all.gradFn().name());
        all.sum().backward();
        assertArrayEquals(new float[6], x.grad().toFloatArray());
        // As PyTorch's input * 0: tensor([nan, -0., 0., nan]) for [inf, -1, 2, nan].
        Tensor odd = Functional.dropout(Tensor.of(new float[] {Float.POSITIVE_INFINITY, -1, 2, Float.NaN}, 4), 1, true);
        float[] v = odd.toFloatArray();
        assertTrue(Float.isNaN(v[0]) && Float.isNaN(v[3]), odd.toString());
        assertEquals(-0f, v[1], 0f);
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(v[1]));

        layer.train();
        Tensor z = Tensor.randn(3, 3).requiresGrad(true);
        assertEquals("MulBackward0", layer.forward(z).gradFn().name());
    }
}
