package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The max-pooling kernel (taps across a whole output row at a time) against the definition written as
 * one window at a time, on random geometries and on values with ties, NaN, ±infinity and ±0: the same
 * values bit for bit and the same indices.
 */
class MaxPoolKernelTest {

    /** out[n,c,i,j] and its index: the window's taps in order (u, v), a larger value or a NaN replacing the kept one. */
    private static float[][] reference(float[] x, int planes, int h, int w, PoolKernels.Geometry g) {
        float[] out = new float[planes * g.outH() * g.outW()], where = new float[out.length];
        int at = 0;
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    float max = Float.NEGATIVE_INFINITY;
                    // a window of -inf points at its first tap at or past row 0 and column 0 (torch's start position)
                    int r0 = i * g.sH() - g.pH(), c0 = j * g.sW() - g.pW();
                    int rFirst = r0, cFirst = c0;
                    while (rFirst < 0) rFirst += g.dH();
                    while (cFirst < 0) cFirst += g.dW();
                    int index = rFirst * w + cFirst;
                    for (int u = 0; u < g.kH(); u++) {
                        for (int v = 0; v < g.kW(); v++) {
                            int r = i * g.sH() - g.pH() + u * g.dH(), c = j * g.sW() - g.pW() + v * g.dW();
                            if (r < 0 || r >= h || c < 0 || c >= w) continue;
                            float val = x[p * h * w + r * w + c];
                            if (val > max || Float.isNaN(val)) {
                                max = val;
                                index = r * w + c;
                            }
                        }
                    }
                    out[at] = max;
                    where[at++] = index;
                }
            }
        }
        return new float[][] {out, where};
    }

    @Test
    @DisplayName("random geometries (stride, padding, dilation, ceil_mode) and awkward values: the definition's bits and indices")
    void matchesTheDefinition() {
        Random rnd = new Random(19);
        float[] awkward = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f, 1f, 1f};
        for (int t = 0; t < 300; t++) {
            int n = 1 + rnd.nextInt(2), c = 1 + rnd.nextInt(3), h = 1 + rnd.nextInt(9), w = 1 + rnd.nextInt(9);
            int kH = 1 + rnd.nextInt(3), kW = 1 + rnd.nextInt(3);
            int sH = 1 + rnd.nextInt(3), sW = 1 + rnd.nextInt(3), dH = 1 + rnd.nextInt(2), dW = 1 + rnd.nextInt(2);
            int pH = rnd.nextInt(kH / 2 + 1), pW = rnd.nextInt(kW / 2 + 1);
            boolean ceil = rnd.nextBoolean();
            Tensor x = Tensor.zeros(n, c, h, w);
            float[] v = x.storage;
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(4) == 0 ? awkward[rnd.nextInt(awkward.length)] : rnd.nextInt(5) - 2;   // ties too
            }
            PoolKernels.Geometry g;
            try {
                g = PoolChecks.geometry(x, new int[] {kH, kW}, new int[] {sH, sW}, new int[] {pH, pW}, new int[] {dH, dW}, ceil);
            } catch (RuntimeException tooSmall) {
                continue;                                            // an input too small for the window: not this test's subject
            }
            float[][] want = reference(v, n * c, h, w, g);
            Tensor[] got = PoolKernels.maxPoolWithIndices(x, g);
            float[] values = PoolKernels.maxPool(x, g).toFloatArray(), withIdx = got[0].toFloatArray(), idx = got[1].toFloatArray();
            String where = "case " + t + ": " + java.util.Arrays.asList(n, c, h, w, kH, kW, sH, sW, pH, pW, dH, dW, ceil);
            for (int i = 0; i < want[0].length; i++) {
                assertEquals(Float.floatToIntBits(want[0][i]), Float.floatToIntBits(values[i]), where + " value " + i);
                assertEquals(Float.floatToIntBits(want[0][i]), Float.floatToIntBits(withIdx[i]), where + " value (with indices) " + i);
                assertEquals(want[1][i], idx[i], where + " index " + i);
            }
        }
    }
}
