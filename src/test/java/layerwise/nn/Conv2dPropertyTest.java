package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conv2d and Linear on random configurations against reference loops written here, straight from the
 * equations (in double precision):
 * <pre>
 *   conv: out[n,o,i,j] = b[o] + sum_{c,u,v} W[o,c,u,v] * xp[n, g*Cg + c, i*sH + u*dH, j*sW + v*dW]
 *   linear: y[r,o] = b[o] + sum_k x[r,k] * W[o,k]
 * </pre>
 * where xp is the input padded by the layer's padding mode.
 */
class Conv2dPropertyTest {
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-4;
    static final String[] MODES = {"zeros", "reflect", "replicate", "circular"};

    /** One random configuration; the fields mirror PyTorch's constructor arguments. */
    record Config(int batch, boolean batched, int groups, int in, int out, int kH, int kW, int sH, int sW, int dH,
                  int dW, String paddingString, int pH, int pW, String mode, boolean bias, int h, int w) {
        Conv2d build() {
            Conv2dOptions o = Conv2d.options().stride(sH, sW).dilation(dH, dW).groups(groups).bias(bias).paddingMode(mode);
            if (paddingString != null) o.padding(paddingString); else o.padding(pH, pW);
            return new Conv2d(in, out, new int[] {kH, kW}, o);
        }

        /** {top, bottom, left, right}, with padding='same' split as total//2 before, the rest after. */
        int[] sides() {
            if ("valid".equals(paddingString)) return new int[4];
            if ("same".equals(paddingString)) {
                int th = dH * (kH - 1), tw = dW * (kW - 1);
                return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
            }
            return new int[] {pH, pH, pW, pW};
        }
    }

    static Config randomConfig(Random r) {
        int groups = 1 + r.nextInt(3);
        int in = groups * (1 + r.nextInt(3));
        int out = groups * (1 + r.nextInt(3));
        int kH = 1 + r.nextInt(4), kW = 1 + r.nextInt(4);
        int dH = 1 + r.nextInt(2), dW = 1 + r.nextInt(2);
        String paddingString = null;
        int sH = 1 + r.nextInt(3), sW = 1 + r.nextInt(3);
        int pick = r.nextInt(5);
        if (pick == 0) {
            paddingString = "same";
            sH = 1;
            sW = 1;
        } else if (pick == 1) {
            paddingString = "valid";
        }
        int pH = r.nextInt(3), pW = r.nextInt(3);
        String mode = MODES[r.nextInt(MODES.length)];
        boolean batched = mode.equals("circular") || r.nextInt(4) != 0;   // torch 1.13 can't pad unbatched circularly
        int batch = r.nextInt(4);                                         // includes the zero-size batch
        return new Config(batch, batched, groups, in, out, kH, kW, sH, sW, dH, dW, paddingString, pH, pW, mode,
                r.nextBoolean(), 1 + r.nextInt(9), 1 + r.nextInt(9));
    }

    static float[] randomValues(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return v;
    }

    /** Index of padded position p in a dim of size n, per mode; -1 for a zero. */
    static int padSource(int p, int n, String mode) {
        if (p >= 0 && p < n) return p;
        switch (mode) {
            case "reflect": return p < 0 ? -p : 2 * n - 2 - p;
            case "replicate": return p < 0 ? 0 : n - 1;
            case "circular": return ((p % n) + n) % n;
            default: return -1;
        }
    }

    /** The reference convolution, in double. x is (N, C, H, W) row-major. */
    static double[] reference(Config c, float[] x, int n, float[] w, float[] b, int outH, int outW) {
        int[] s = c.sides();
        int cg = c.in() / c.groups(), og = c.out() / c.groups();
        double[] y = new double[n * c.out() * outH * outW];
        for (int ni = 0; ni < n; ni++) {
            for (int o = 0; o < c.out(); o++) {
                int g = o / og;
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ci = 0; ci < cg; ci++) {
                            for (int u = 0; u < c.kH(); u++) {
                                for (int v = 0; v < c.kW(); v++) {
                                    int row = padSource(i * c.sH() + u * c.dH() - s[0], c.h(), c.mode());
                                    int col = padSource(j * c.sW() + v * c.dW() - s[2], c.w(), c.mode());
                                    if (row < 0 || col < 0) continue;
                                    double xv = x[((ni * c.in() + g * cg + ci) * c.h() + row) * c.w() + col];
                                    sum += w[((o * cg + ci) * c.kH() + u) * c.kW() + v] * xv;
                                }
                            }
                        }
                        y[((ni * c.out() + o) * outH + i) * outW + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** Whether PyTorch accepts this configuration (padding-mode limits and kernel size). */
    static boolean valid(Config c) {
        int[] s = c.sides();
        if (c.mode().equals("reflect") && (Math.max(s[0], s[1]) >= c.h() || Math.max(s[2], s[3]) >= c.w())) return false;
        if (c.mode().equals("circular") && (Math.max(s[0], s[1]) > c.h() || Math.max(s[2], s[3]) > c.w())) return false;
        return c.h() + s[0] + s[1] >= c.dH() * (c.kH() - 1) + 1 && c.w() + s[2] + s[3] >= c.dW() * (c.kW() - 1) + 1;
    }

    @Test
    @DisplayName("300 random Conv2d configurations match the reference loops, or are refused with a ShapeError")
    void randomConfigurations() {
        Random r = new Random(20240601);
        int checked = 0, refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            Config c = randomConfig(r);
            Conv2d conv = c.build();
            int n = c.batched() ? c.batch() : 1;
            float[] x = randomValues(r, n * c.in() * c.h() * c.w());
            Tensor input = c.batched() ? Tensor.of(x, n, c.in(), c.h(), c.w()) : Tensor.of(x, c.in(), c.h(), c.w());
            float[] w = randomValues(r, conv.weight.numel());
            float[] b = c.bias() ? randomValues(r, c.out()) : null;
            conv.loadStateDict(b == null ? Map.of("weight", Tensor.of(w, conv.weight.shape()))
                    : Map.of("weight", Tensor.of(w, conv.weight.shape()), "bias", Tensor.of(b, c.out())));
            if (!valid(c)) {
                assertThrows(ShapeError.class, () -> conv.forward(input), c.toString());
                refused++;
                continue;
            }
            Tensor y = conv.forward(input);
            int[] s = c.sides();
            int outH = (c.h() + s[0] + s[1] - c.dH() * (c.kH() - 1) - 1) / c.sH() + 1;
            int outW = (c.w() + s[2] + s[3] - c.dW() * (c.kW() - 1) - 1) / c.sW() + 1;
            int[] shape = c.batched() ? new int[] {n, c.out(), outH, outW} : new int[] {c.out(), outH, outW};
            assertArrayEquals(shape, y.shape(), c.toString());
            double[] expected = reference(c, x, n, w, b, outH, outW);
            float[] got = y.toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertTrue(Math.abs(got[i] - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]),
                        c + " element " + i + ": " + got[i] + " vs " + expected[i]);
            }
            checked++;
        }
        assertTrue(checked > 150 && refused > 10, "checked " + checked + ", refused " + refused);
    }

    @Test
    @DisplayName("random Linear layers (any leading dims, with and without bias) match the reference loop")
    void randomLinear() {
        Random r = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int in = r.nextInt(9), out = 1 + r.nextInt(9);
            boolean bias = r.nextBoolean();
            int[] lead = new int[r.nextInt(4)];
            int rows = 1;
            for (int d = 0; d < lead.length; d++) {
                lead[d] = r.nextInt(4);
                rows *= lead[d];
            }
            int[] shape = java.util.Arrays.copyOf(lead, lead.length + 1);
            shape[lead.length] = in;
            Linear lin = new Linear(in, out, bias);
            float[] w = lin.weight.toFloatArray();
            float[] b = bias ? lin.bias.toFloatArray() : null;
            float[] x = randomValues(r, rows * in);
            Tensor y = lin.forward(Tensor.of(x, shape));
            int[] outShape = shape.clone();
            outShape[lead.length] = out;
            assertArrayEquals(outShape, y.shape());
            float[] got = y.toFloatArray();
            for (int row = 0; row < rows; row++) {
                for (int o = 0; o < out; o++) {
                    double sum = b == null ? 0 : b[o];
                    for (int k = 0; k < in; k++) sum += (double) x[row * in + k] * w[o * in + k];
                    assertEquals(sum, got[row * out + o], ATOL + RTOL * Math.abs(sum));
                }
            }
        }
    }
}
