package layerwise.tensor;

import static layerwise.tensor.GateReference.sig;
import static layerwise.tensor.GateReference.th;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fused gate kernels against the chain of tensor ops they replace, and GateMath's sigmoid and tanh
 * against the tensor ops' (Math.exp / Math.tanh in double, rounded once).
 */
class RecurrentKernelsTest {

    private static Tensor gaussian(Random r, float scale, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * scale);
        return Tensor.of(v, shape);
    }

    private static int ulps(float a, float b) {
        if (SumOrder.same(a, b)) return 0;
        return Math.abs(Float.floatToIntBits(a) - Float.floatToIntBits(b));
    }

    @Test
    @DisplayName("GateMath's sigmoid and tanh: within 1 ulp of the tensor ops on 2 million values; specials exact")
    void gateMathAgainstTensorOps() {
        Random r = new Random(5);
        int differ = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // Magnitudes from 1e-8 to 100, both signs: the series branch, the exp branch and saturation.
            float x = (float) (Math.pow(10, -8 + 10 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
            int ds = ulps(Elementwise.sigmoid(x), GateMath.sigmoid(x));
            int dt = ulps((float) Math.tanh(x), GateMath.tanh(x));
            if (ds > 1 || dt > 1) fail("x = " + x + ": sigmoid " + ds + " ulp, tanh " + dt + " ulp apart");
            if (ds + dt > 0) differ++;
        }
        assertTrue(differ < 200, differ + " of 2e6 values differ in the last bit");
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, 9f, -9f, 20f, 88f, -88f, 104f, -104f,
            1e30f, -1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float x : specials) {
            assertEquals(Elementwise.sigmoid(x), GateMath.sigmoid(x), "sigmoid(" + x + ")");
            assertEquals((float) Math.tanh(x), GateMath.tanh(x), "tanh(" + x + ")");
        }
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(GateMath.tanh(-0f)), "tanh(-0) = -0");
    }

    @Test
    @DisplayName("the vector sigmoid and tanh give GateMath's scalar results bit for bit, tails included")
    void vectorEqualsScalar() {
        if (!Simd.ACTIVE) return;   // the vector code is not loaded without the Vector API module
        Random r = new Random(6);
        float[] x = new float[100_003];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(6) - 3));
        x[17] = Float.NaN;
        x[18] = Float.POSITIVE_INFINITY;
        x[19] = -0f;
        float[] s = new float[x.length], t = new float[x.length];
        SimdGates.sigmoid(x, s, 0, x.length);
        SimdGates.tanh(x, 0, x.length, t, 0);
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToIntBits(s[i]) != Float.floatToIntBits(GateMath.sigmoid(x[i]))) fail("sigmoid at " + i + " x=" + x[i]);
            if (Float.floatToIntBits(t[i]) != Float.floatToIntBits(GateMath.tanh(x[i]))) fail("tanh at " + i + " x=" + x[i]);
        }
    }

    @Test
    @DisplayName("fused LSTM step = the chain of tensor ops, with the kernels' sigmoid and tanh, bit for bit")
    void lstmStep() {
        Random r = new Random(7);
        for (int[] nh : new int[][] {{1, 1}, {3, 5}, {32, 17}, {2, 33}}) {
            int n = nh[0], h = nh[1];
            Tensor gi = gaussian(r, 2, 5, n, 4 * h).select(0, 2);           // a time step of a (T, N, 4H) tensor
            Tensor gh = gaussian(r, 2, n, 4 * h);
            Tensor b = gaussian(r, 1, 4 * h);
            Tensor c = gaussian(r, 1, n, h);
            Tensor[] fused = RecurrentKernels.lstm(gi, gh, b, c);
            float[] pre = gi.add(gh.add(b)).toFloatArray(), cs = c.toFloatArray();
            float[] hf = fused[0].toFloatArray(), cf = fused[1].toFloatArray();
            for (int row = 0; row < n; row++) {
                for (int j = 0; j < h; j++) {
                    int g = row * 4 * h;
                    float i = sig(pre[g + j]), f = sig(pre[g + h + j]), gg = th(pre[g + 2 * h + j]), o = sig(pre[g + 3 * h + j]);
                    float cn = f * cs[row * h + j] + i * gg;
                    float hn = o * th(cn);
                    assertEquals(cn, cf[row * h + j], "c' [" + row + "][" + j + "]");
                    assertEquals(hn, hf[row * h + j], "h' [" + row + "][" + j + "]");
                }
            }
            // And against the tensor ops themselves: equal without SIMD, a few ulps with it.
            List<Tensor> q = gi.add(gh.add(b)).chunk(4, 1);
            Tensor cChain = q.get(1).sigmoid().mul(c).add(q.get(0).sigmoid().mul(q.get(2).tanh()));
            Tensor hChain = q.get(3).sigmoid().mul(cChain.tanh());
            assertClose(cChain, fused[1], "c'");
            assertClose(hChain, fused[0], "h'");
        }
    }

    @Test
    @DisplayName("fused GRU and RNN steps = the chains of tensor ops, bit for bit with the kernels' sigmoid and tanh")
    void gruAndRnnSteps() {
        Random r = new Random(8);
        int n = 6, h = 19;
        Tensor gi = gaussian(r, 2, n, 3 * h), gh = gaussian(r, 2, n, 3 * h), b = gaussian(r, 1, 3 * h), hs = gaussian(r, 1, n, h);
        float[] x = gi.toFloatArray(), hb = gh.add(b).toFloatArray(), hv = hs.toFloatArray();
        float[] out = RecurrentKernels.gru(gi, gh, b, hs).toFloatArray();
        for (int row = 0; row < n; row++) {
            for (int j = 0; j < h; j++) {
                int g = row * 3 * h;
                float rr = sig(x[g + j] + hb[g + j]);
                float z = sig(x[g + h + j] + hb[g + h + j]);
                float nn = th(x[g + 2 * h + j] + rr * hb[g + 2 * h + j]);
                assertEquals(nn + z * (hv[row * h + j] - nn), out[row * h + j], "gru h' [" + row + "][" + j + "]");
            }
        }
        List<Tensor> in = gi.chunk(3, 1), hid = gh.add(b).chunk(3, 1);
        Tensor rc = in.get(0).add(hid.get(0)).sigmoid(), zc = in.get(1).add(hid.get(1)).sigmoid();
        Tensor nc = in.get(2).add(rc.mul(hid.get(2))).tanh();
        assertClose(nc.add(zc.mul(hs.sub(nc))), RecurrentKernels.gru(gi, gh, b, hs), "gru h'");

        Tensor gi1 = gaussian(r, 2, n, h), gh1 = gaussian(r, 2, n, h), b1 = gaussian(r, 1, h);
        float[] pre = gi1.add(gh1.add(b1)).toFloatArray();
        float[] tanhOut = RecurrentKernels.rnn(gi1, gh1, b1, false).toFloatArray();
        float[] reluOut = RecurrentKernels.rnn(gi1, gh1, null, true).toFloatArray();
        float[] preNoBias = gi1.add(gh1).toFloatArray();
        for (int q = 0; q < pre.length; q++) {
            assertEquals(th(pre[q]), tanhOut[q], "rnn tanh " + q);
            assertEquals(Math.max(preNoBias[q], 0f), reluOut[q], "rnn relu " + q);
        }
    }

    /**
     * Equal without SIMD. With SIMD each sigmoid/tanh may be 1 ulp off the tensor op's; through c' = f*c + i*g
     * and h' = o*tanh(c') that is at most a few ulps of the terms' size: 8 ulps of max(|value|, 1e-3).
     */
    private static void assertClose(Tensor chain, Tensor fused, String what) {
        float[] a = chain.toFloatArray(), b = fused.toFloatArray();
        for (int q = 0; q < a.length; q++) {
            if (!Simd.ACTIVE) {
                assertEquals(a[q], b[q], what + " at " + q);
            } else {
                double tol = 8 * Math.ulp(Math.max(Math.abs(a[q]), 1e-3f));
                assertTrue(Math.abs(a[q] - b[q]) <= tol, what + " at " + q + ": chain " + a[q] + ", fused " + b[q]);
            }
        }
    }
}
