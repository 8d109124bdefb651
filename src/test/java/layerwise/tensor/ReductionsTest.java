package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reductions on y = (torch.manual_seed(1), torch.rand(4, 5)), compared with torch 1.13's results. */
class ReductionsTest {
    private static final float TOL = 1e-6f;

    private static Tensor y() {
        Tensor.manualSeed(1);
        return Tensor.rand(4, 5);
    }

    @Test
    @DisplayName("sum, mean along dims and overall")
    void sumAndMean() {
        // y.sum(0), y.mean(1)
        assertArrayEquals(new float[] {2.6511571407318115f, 1.7735861539840698f, 2.33805775642395f,
            2.5464258193969727f, 1.5872001647949219f}, y().sum(0).toFloatArray(), TOL);
        assertArrayEquals(new float[] {0.44079557061195374f, 0.5919308662414551f, 0.5229310989379883f,
            0.6236278414726257f}, y().mean(1).toFloatArray(), TOL);
        assertArrayEquals(new int[] {4, 1}, y().sum(-1, true).shape());
        assertArrayEquals(new int[] {5}, y().mean(-2).shape());
        float total = 0;
        for (float v : y().toFloatArray()) total += v;
        assertEquals(total, y().sum().item(), 1e-5f);
        assertEquals(total / 20, y().mean().item(), 1e-6f);
        assertEquals(0, y().sum().dim());
    }

    @Test
    @DisplayName("var and std are unbiased (n - 1) by default, as torch")
    void varStd() {
        // y.var(0); y.var(1, unbiased=False); y.var(); y.std(); y.std(1, keepdim=True)
        assertArrayEquals(new float[] {0.023848790675401688f, 0.017443064600229263f, 0.02629392221570015f,
            0.07142384350299835f, 0.06942060589790344f}, y().var(0, false).toFloatArray(), TOL);
        assertArrayEquals(new float[] {0.07672002166509628f, 0.026304831728339195f, 0.017971009016036987f,
            0.029222970828413963f}, y().var(1, false, false).toFloatArray(), TOL);
        assertEquals(0.04472346231341362f, y().var().item(), TOL);
        assertEquals(0.21147923171520233f, y().std().item(), TOL);
        Tensor s = y().std(1, true);
        assertArrayEquals(new int[] {4, 1}, s.shape());
        assertArrayEquals(new float[] {0.3096773028373718f, 0.1813313066959381f, 0.14987915754318237f,
            0.19112485647201538f}, s.toFloatArray(), TOL);
        assertEquals((float) Math.sqrt(y().var(1, false, false).get(2)), y().std(1, false, false).get(2), TOL);
    }

    @Test
    @DisplayName("max, min, argmax along dims and overall")
    void extremes() {
        // y.max(1).values, y.min(0).values, y.argmax(0), y.argmax()
        assertArrayEquals(new float[] {0.7576315999031067f, 0.7998586297035217f, 0.6826140880584717f,
            0.93708336353302f}, y().max(1, false).toFloatArray());
        assertArrayEquals(new float[] {0.4549863338470459f, 0.2793108820915222f, 0.40306925773620605f,
            0.30514949560165405f, 0.029281556606292725f}, y().min(0, false).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 1, 3, 3}, y().argmax(0, false).toFloatArray());
        assertEquals(18f, y().argmax().item());
        assertEquals(0.93708336353302f, y().max().item());
        assertEquals(0.029281556606292725f, y().min().item());
        assertArrayEquals(new int[] {1, 5}, y().max(0, true).shape());
        assertTrue(Float.isNaN(Tensor.of(new float[] {1, Float.NaN, 3}).max().item()));
        assertEquals(1f, Tensor.of(new float[] {1, Float.NaN, 3}).argmax().item());
    }

    @Test
    @DisplayName("transposed input reduces along the logical dim")
    void nonContiguous() {
        Tensor t = y().t();
        assertArrayEquals(y().sum(0).toFloatArray(), t.sum(1).toFloatArray());
        assertArrayEquals(y().var(1, false).toFloatArray(), t.var(0, false).toFloatArray());
    }

    @Test
    @DisplayName("empty and single-element edge cases follow torch")
    void edgeCases() {
        // torch.ones(0,3).sum(0) = [0,0,0]; torch.ones(0).mean() = nan; torch.ones(1).var() = nan; fill_(1).var(0) = 0
        assertArrayEquals(new float[] {0, 0, 0}, Tensor.ones(0, 3).sum(0).toFloatArray());
        assertTrue(Float.isNaN(Tensor.ones(0).mean().item()));
        assertTrue(Float.isNaN(Tensor.ones(1).var().item()));
        assertArrayEquals(new float[] {0, 0, 0}, Tensor.ones(2, 3).var(0, false).toFloatArray());
        assertEquals(3f, Tensor.scalar(3).sum(0).item());
        assertEquals(0, Tensor.ones(0, 3).max(1, false).numel());
        assertEquals("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim"
                + " with the 'dim' argument.", assertThrows(ShapeError.class, () -> Tensor.ones(0).max()).torchMessage());
        assertEquals("max(): Expected reduction dim 0 to have non-zero size.",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.ones(0, 3).max(0, false))
                        .getMessage().split("\n")[0]);
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                assertThrows(IndexOutOfBoundsException.class, () -> y().sum(-3)).getMessage().split("\n")[0]);
    }

    /** sum of the elements at idx with dim d running 0 .. n-1 (all of t when d < 0), in double, in row-major order. */
    private static double plainSum(Tensor t, int[] idx, int d) {
        double s = 0;
        for (float v : line(t, idx, d)) s += v;
        return s;
    }

    /** The elements a reduction along d (or over all, d < 0) sees for one output, in row-major order. */
    private static float[] line(Tensor t, int[] idx, int d) {
        if (d < 0) {
            int[][] all = RandomViews.indices(t.dims);
            float[] out = new float[all.length];
            for (int k = 0; k < all.length; k++) out[k] = t.get(all[k]);
            return out;
        }
        float[] out = new float[t.dims[d]];
        int[] at = idx.clone();
        for (int k = 0; k < out.length; k++) {
            at[d] = k;
            out[k] = t.get(at);
        }
        return out;
    }

    /** Position of the first NaN, else of the first largest (sign 1) or smallest (sign -1) value. */
    private static int plainArg(float[] x, int sign) {
        int best = 0;
        for (int k = 0; k < x.length; k++) {
            if (Float.isNaN(x[k])) return k;
            if (sign > 0 ? x[k] > x[best] : x[k] < x[best]) best = k;
        }
        return best;
    }

    private static double plainVar(float[] x, boolean unbiased) {
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (float v : x) ss += (v - mean) * (v - mean);
        int divisor = unbiased ? x.length - 1 : x.length;
        return divisor <= 0 ? Double.NaN : ss / divisor;
    }

    @Test
    @DisplayName("sum, mean, var, max, min, argmax over all and along every dim equal plain loops bit for bit, any layout")
    void randomLayouts() {
        Random r = new Random(31);
        for (int c = 0; c < 300; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor t = r.nextInt(4) == 0 ? RandomViews.any(r, shape) : RandomViews.finite(r, shape);
            String where = RandomViews.describe(t);
            float[] all = line(t, null, -1);
            assertSame((float) plainSum(t, null, -1), t.sum().item(), "sum() " + where);
            assertSame((float) (plainSum(t, null, -1) / all.length), t.mean().item(), "mean() " + where);
            assertSame((float) plainVar(all, true), t.var().item(), "var() " + where);
            if (all.length > 0) {
                assertSame(all[plainArg(all, 1)], t.max().item(), "max() " + where);
                assertSame(all[plainArg(all, -1)], t.min().item(), "min() " + where);
                assertEquals(plainArg(all, 1), t.argmax().item(), "argmax() " + where);
            }
            for (int d = 0; d < shape.length; d++) {
                int[] outShape = Views.remove(shape, d);
                Tensor sum = t.sum(d);
                Tensor mean = t.mean(d, true);
                Tensor var = t.var(d, false, false);
                boolean empty = shape[d] == 0;
                Tensor max = empty ? null : t.max(d, false);
                Tensor argmax = empty ? null : t.argmax(d, false);
                assertArrayEquals(outShape, sum.shape());
                for (int[] o : RandomViews.indices(outShape)) {
                    int[] idx = new int[shape.length];
                    for (int k = 0, j = 0; k < shape.length; k++) if (k != d) idx[k] = o[j++];
                    float[] x = line(t, idx, d);
                    double s = plainSum(t, idx, d);
                    String at = " along " + d + " at " + Shapes.str(o) + " of " + where;
                    assertSame((float) s, sum.get(o), "sum" + at);
                    int[] kept = idx.clone();
                    kept[d] = 0;
                    assertSame((float) (s / x.length), mean.get(kept), "mean" + at);
                    assertSame((float) plainVar(x, false), var.get(o), "var" + at);
                    if (!empty) {
                        assertSame(x[plainArg(x, 1)], max.get(o), "max" + at);
                        assertEquals(plainArg(x, 1), argmax.get(o), "argmax" + at);
                    }
                }
            }
        }
    }

    private static void assertSame(float want, float got, String what) {
        assertTrue(RandomViews.sameBits(want, got), what + ": want " + want + " got " + got);
    }
}
