package layerwise.tensor;

import java.util.Arrays;
import java.util.Comparator;

/**
 * In-place random fills with torch's CPU recipes (one random word per element, elements in memory order).
 *
 * <pre>
 * uniform_(from, to):  x = (u32 &amp; 0xFFFFFF) * 2^-24;  value = fma(x, to - from, from)   (all float)
 * normal_(mean, std), fewer than 16 elements or non-contiguous: Box-Muller in double, one value per call
 * normal_(mean, std), 16 or more contiguous: float uniforms, then Box-Muller on blocks of 16 (float,
 *     with the log/sin/cos polynomials of torch's AVX2 kernel)
 * </pre>
 */
final class RandomFill {
    private RandomFill() {
    }

    static Tensor uniform(Tensor t, double from, double to) {
        return uniform(t, from, to, Generator.DEFAULT);
    }

    /** uniform_ drawing from {@code g} instead of the default generator (torch's generator= keyword). */
    static Tensor uniform(Tensor t, double from, double to, Generator g) {
        String problem = TorchText.uniformBoundsProblem(from, to);
        if (problem != null) {
            throw new ValueError(problem, uniformMeaning(from, to, "U(from, to)"), uniformFix(from, to));
        }
        Elementwise.checkWritable(t, "uniform_");
        float lo = (float) from;
        float range = (float) to - lo;
        synchronized (g) {
            fillInMemoryOrder(t, () -> Math.fma(g.nextFloat(), range, lo));
        }
        return t;
    }

    /** What a refused uniform_ range means, for {@code what} ("U(from, to)" or the init function). */
    static String uniformMeaning(double from, double to, String what) {
        if (Double.isNaN(from) || Double.isNaN(to)) return what + " got NaN as a bound, so no value could be drawn.";
        if (Double.isInfinite(from) || Double.isInfinite(to) || Math.abs(from) > Float.MAX_VALUE
                || Math.abs(to) > Float.MAX_VALUE) {
            return what + " needs finite bounds within float32's range (+-3.4028235e38); an infinite bound would"
                    + " fill inf or NaN.";
        }
        if (!(from <= to)) return what + " needs from <= to.";
        return what + " needs to - from to fit a float32; this range is wider than +-3.4028235e38 and would fill"
                + " inf or NaN.";
    }

    static String uniformFix(double from, double to) {
        if (!Double.isNaN(from) && !Double.isNaN(to) && from > to && Math.abs(from) <= Float.MAX_VALUE
                && Math.abs(to) <= Float.MAX_VALUE) {
            return "swap the bounds: uniform_(" + TorchFormat.number(to) + ", " + TorchFormat.number(from) + ").";
        }
        return "pass finite bounds with a finite difference, e.g. uniform_(-1, 1); a bound computed from a gain or"
                + " a fan may have overflowed or been divided by 0.";
    }

    static Tensor normal(Tensor t, double mean, double std) {
        return normal(t, mean, std, Generator.DEFAULT);
    }

    /** normal_ drawing from {@code g} instead of the default generator (torch's generator= keyword). */
    static Tensor normal(Tensor t, double mean, double std, Generator g) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException(TorchError.compose("normal expects std >= 0.0, but found std "
                    + TorchFormat.number(std), "N(mean, std^2) needs a standard deviation of at least 0.",
                    "pass std = " + TorchFormat.number(Math.abs(std)) + " (a std is never negative)."));
        }
        Elementwise.checkWritable(t, "normal_");
        synchronized (g) {
            if (t.numel() >= 16 && t.isContiguous()) {
                normalFill(t.storage, t.offset, t.numel(), (float) mean, (float) std, g);
            } else {
                fillInMemoryOrder(t, () -> (float) g.nextNormal(mean, std));
            }
        }
        return t;
    }

    /**
     * torch's normal_fill: fill with uniforms, transform each block of 16 (j &lt; 8 pairs j with j+8); when
     * the count is not a multiple of 16 the last 16 slots get 16 fresh uniforms and are transformed again.
     */
    private static void normalFill(float[] data, int offset, int n, float mean, float std, Generator g) {
        for (int i = 0; i < n; i++) data[offset + i] = g.nextFloat();
        for (int i = 0; i + 16 <= n; i += 16) boxMuller16(data, offset + i, mean, std);
        if (n % 16 != 0) {
            int last = offset + n - 16;
            for (int i = 0; i < 16; i++) data[last + i] = g.nextFloat();
            boxMuller16(data, last, mean, std);
        }
    }

    /**
     * u1 = 1 - d[j], u2 = d[j+8], r = sqrt(-2 log u1), theta = 2 pi u2;
     * d[j] = r cos(theta) std + mean, d[j+8] = r sin(theta) std + mean.
     * log, sin and cos are torch's AVX2 polynomials (CephesMath), so the values match torch bit for bit.
     */
    private static void boxMuller16(float[] d, int at, float mean, float std) {
        final float twoPi = (float) (2 * Math.PI);
        float[] sinCos = new float[2];
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[at + j];
            float u2 = d[at + j + 8];
            float radius = (float) Math.sqrt(-2f * CephesMath.log(u1));
            CephesMath.sincos(twoPi * u2, sinCos);
            d[at + j] = Math.fma(radius * sinCos[1], std, mean);
            d[at + j + 8] = Math.fma(radius * sinCos[0], std, mean);
        }
    }

    /** Supplies one value per element. */
    @FunctionalInterface
    private interface FloatSource {
        float next();
    }

    /** Visits elements in storage order (dims sorted by decreasing stride), as torch's kernels do. */
    private static void fillInMemoryOrder(Tensor t, FloatSource source) {
        int r = t.dims.length;
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt((Integer d) -> -t.strides[d]));
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = order[i];
        Tensor walk = Views.permute(t, perm);
        Strided.apply(walk, walk, walk, (x, y) -> source.next());
    }
}
