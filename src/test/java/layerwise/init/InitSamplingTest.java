package layerwise.init;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static layerwise.init.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Samples against their distributions, for every sampled entry of init_stats.json, with the fixture's seed.
 *
 * <p>Kolmogorov–Smirnov: D = sup |F_n(x) − F(x)| must stay below 1.95/√n, the asymptotic critical value at
 * α = 0.001, so a correct sampler fails a given case with probability 0.1% for a random seed (the seeds are
 * fixed, so the outcome is deterministic). F is written here from the fixture's parameters, with its own
 * normal CDF, independent of the code under test.
 */
class InitSamplingTest {
    private static final double KS_CRITICAL_0_001 = 1.95;

    /** Φ by Abramowitz & Stegun 26.2.17 (|error| &lt; 7.5e-8), enough for a KS test at n ≤ 32768. */
    static double phi(double z) {
        if (Double.isInfinite(z)) return z > 0 ? 1 : 0;
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double upper = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - upper : upper;
    }

    static double ksStatistic(float[] sample, DoubleUnaryOperator cdf) {
        float[] x = sample.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    private static DoubleUnaryOperator cdfOf(Map<String, Object> c) {
        String dist = (String) c.get("dist");
        switch (dist) {
            case "uniform": {
                double lo = num(c.get("low")), hi = num(c.get("high"));
                return x -> Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
            }
            case "normal": {
                double mean = num(c.get("mean")), std = num(c.get("std"));
                return x -> phi((x - mean) / std);
            }
            case "truncated_normal": {
                double mean = num(c.get("mean")), std = num(c.get("std"));
                double pa = phi((num(c.get("low")) - mean) / std), pb = phi((num(c.get("high")) - mean) / std);
                return x -> Math.min(1, Math.max(0, (phi((x - mean) / std) - pa) / (pb - pa)));
            }
            default: throw new IllegalArgumentException(dist);
        }
    }

    /** Runs the Java call matching a fixture entry on an empty tensor of its shape, after its seed. */
    private static Tensor sample(Map<String, Object> c) {
        String fn = (String) c.get("fn");
        Map<String, Object> args = map(c.get("args"));
        Tensor.manualSeed((long) num(map(c.get("sample")).get("seed")));
        Tensor t = Tensor.empty(shape(c.get("shape")));
        switch (fn) {
            case "xavier_uniform_": return Init.xavierUniform(t, num(args.get("gain")));
            case "xavier_normal_": return Init.xavierNormal(t, num(args.get("gain")));
            case "kaiming_uniform_":
                return Init.kaimingUniform(t, num(args.get("a")), (String) args.get("mode"), (String) args.get("nonlinearity"));
            case "kaiming_normal_":
                return Init.kaimingNormal(t, num(args.get("a")), (String) args.get("mode"), (String) args.get("nonlinearity"));
            case "uniform_": return Init.uniform(t, num(args.get("a")), num(args.get("b")));
            case "normal_": return Init.normal(t, num(args.get("mean")), num(args.get("std")));
            case "trunc_normal_":
                return Init.truncNormal(t, num(args.get("mean")), num(args.get("std")), num(args.get("a")), num(args.get("b")));
            default: throw new IllegalArgumentException(fn);
        }
    }

    @Test
    @DisplayName("every sampled fixture entry passes Kolmogorov-Smirnov at alpha 0.001")
    void kolmogorovSmirnov() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            if (!c.containsKey("sample")) continue;
            float[] x = sample(c).toFloatArray();
            double d = ksStatistic(x, cdfOf(c));
            if (d * Math.sqrt(x.length) >= KS_CRITICAL_0_001) failures.add(c.get("fn") + " " + c.get("args") + " D=" + d);
            checked++;
        }
        assertEquals(96, checked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("uniform-based fills reproduce torch's sample: same min and max bits, same mean and std")
    void uniformBasedSamplesMatchTorch() {
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            if (!c.containsKey("sample") || !"uniform".equals(c.get("dist"))) continue;
            Map<String, Object> s = map(c.get("sample"));
            Tensor t = sample(c);
            String what = c.get("fn") + " " + c.get("args") + " " + c.get("shape");
            assertEquals((float) num(s.get("min")), t.min().item(), 0f, what);
            assertEquals((float) num(s.get("max")), t.max().item(), 0f, what);
            assertEquals(num(s.get("mean")), t.mean().item(), 2e-6, what);
            assertEquals(num(s.get("std")), t.std().item(), 2e-6, what);
            checked++;
        }
        assertEquals(44, checked);
    }

    @Test
    @DisplayName("normal-based fills: sample mean and std within 4 standard errors of the theory")
    void normalMoments() {
        // 4 standard errors: a false alarm has probability about 6e-5 per moment.
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            if (!c.containsKey("sample") || !"normal".equals(c.get("dist"))) continue;
            float[] x = sample(c).toFloatArray();
            int n = x.length;
            double mean = Arrays.stream(toDouble(x)).average().orElseThrow();
            double var = Arrays.stream(toDouble(x)).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
            double mu = num(c.get("mean")), sigma = num(c.get("std"));
            String what = c.get("fn") + " " + c.get("args") + " " + c.get("shape");
            assertEquals(mu, mean, 4 * sigma / Math.sqrt(n), what);
            assertEquals(1.0, Math.sqrt(var) / sigma, 4 / Math.sqrt(2.0 * n), what);
        }
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    @Test
    @DisplayName("trunc_normal_ never leaves [a, b], whatever the std")
    void truncNormalStaysInBounds() {
        Tensor.manualSeed(11);
        float[] x = Init.truncNormal(Tensor.empty(4000), 0.0, 1.0, -0.04, 0.04).toFloatArray();
        for (float v : x) assertTrue(v >= -0.04f && v <= 0.04f, "value " + v);
        // any rank, like torch: a 0-d tensor and a non-contiguous view are filled in place
        Tensor scalar = Tensor.scalar(9f);
        assertSame(scalar, Init.truncNormal(scalar));
        assertTrue(Math.abs(scalar.item()) <= 2f);
        Tensor base = Tensor.full(new int[] {4, 6}, 9f);
        Init.truncNormal(base.t(), 0.0, 1.0, -1.0, 1.0);
        assertTrue(base.abs().max().item() <= 1f, "the view wrote into its base");
    }

    @Test
    @DisplayName("orthogonal_: the smaller Gram matrix is gain^2 * I (fixture shapes)")
    void orthogonalGram() {
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            if (!"orthogonal_".equals(c.get("fn"))) continue;
            int[] shape = shape(c.get("shape"));
            double gain = num(map(c.get("args")).get("gain"));
            Tensor.manualSeed(3);
            Tensor w = Init.orthogonal(Tensor.empty(shape), gain);
            int rows = shape[0], cols = w.numel() / rows;
            Tensor m = w.reshape(rows, cols);
            Tensor gram = rows <= cols ? m.matmul(m.t()) : m.t().matmul(m);
            int k = Math.min(rows, cols);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double expected = i == j ? gain * gain : 0.0;
                    // torch's own float32 error on these shapes is up to 9.5e-7 (fixture max_abs_gram_error)
                    assertEquals(expected, gram.get(i, j), 4e-6, Arrays.toString(shape) + " (" + i + "," + j + ")");
                }
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    @DisplayName("sparse_: exactly ceil(sparsity*rows) zeros in every column (fixture shapes)")
    void sparseZerosPerColumn() {
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            if (!"sparse_".equals(c.get("fn"))) continue;
            int[] shape = shape(c.get("shape"));
            Map<String, Object> args = map(c.get("args"));
            Tensor.manualSeed(5);
            Tensor w = Init.sparse(Tensor.empty(shape), num(args.get("sparsity")), num(args.get("std")));
            int expected = (int) num(c.get("zeros_per_column"));
            for (int col = 0; col < shape[1]; col++) {
                int zeros = 0;
                for (int row = 0; row < shape[0]; row++) zeros += w.get(row, col) == 0f ? 1 : 0;
                assertEquals(expected, zeros, Arrays.toString(shape) + " column " + col);
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    @DisplayName("eye_, dirac_ (with groups), constant_, ones_, zeros_ put their values where torch does")
    void structuredFills() {
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            String fn = (String) c.get("fn");
            int[] shape = shape(c.get("shape"));
            Tensor t = Tensor.full(shape, 7f);
            switch (fn) {
                case "eye_": Init.eye(t); break;
                case "dirac_": Init.dirac(t, (int) num(map(c.get("args")).get("groups"))); break;
                case "constant_": Init.constant(t, num(map(c.get("args")).get("val"))); break;
                case "ones_": Init.ones(t); break;
                case "zeros_": Init.zeros(t); break;
                default: continue;
            }
            if (c.containsKey("nonzero_indices")) {
                Tensor expected = Tensor.zeros(shape);
                for (Object idx : (List<?>) c.get("nonzero_indices")) expected.set(1f, shape(idx));
                assertTrue(expected.equal(t), fn + " " + Arrays.toString(shape) + "\n" + t);
            } else {
                assertTrue(Tensor.full(shape, (float) num(c.get("value"))).equal(t), fn + "\n" + t);
            }
            checked++;
        }
        assertEquals(10, checked);
    }
}
