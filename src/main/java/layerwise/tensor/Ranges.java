package layerwise.tensor;

/** arange, linspace and eye, computed the way torch 1.13's CPU kernels compute them, so the values match bit for bit. */
final class Ranges {
    private Ranges() {
    }

    /** Elements that torch's AVX2 kernels write as two vectors of 8 lanes; the rest are written one by one. */
    private static int vectorized(int n) {
        return n / 16 * 16;
    }

    /**
     * size = ceil((end - start) / step), and element i is start + i * step computed in double, then
     * rounded to float. Like torch's AVX2 kernel, the first multiple of 16 elements come in lanes of 8:
     * base = (float) (start + step * i0), element i0 + l = (float) (base + l * step).
     */
    static Tensor arange(double start, double end, double step) {
        if (!(step > 0 || step < 0)) { // NaN too, as torch checks it
            throw new ShapeError("step must be nonzero", "arange counts from start towards end in steps of step"
                    + " (got " + step + ").", "pass a step such as 1 or -1");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new ShapeError("unsupported range: " + cNumber(start) + " -> " + cNumber(end),
                    "arange needs finite bounds: counting towards " + end + " from " + start + " has no last element.",
                    "pass finite start and end");
        }
        if ((end - start) * step < 0) {
            throw new ShapeError("upper bound and larger bound inconsistent with step sign",
                    "From " + start + " a step of " + step + " moves away from " + end + ".",
                    "flip the sign of step, or swap start and end");
        }
        double size = Math.ceil((end - start) / step);
        if (size > Shapes.MAX_NUMEL) {
            throw new ShapeError("arange(" + cNumber(start) + ", " + cNumber(end) + ", " + cNumber(step) + ") would have "
                    + String.format(java.util.Locale.ROOT, "%.0f", size) + " elements",
                    "A tensor here holds at most 2^31-1 = " + Shapes.MAX_NUMEL + " elements (one Java float[]).",
                    "use a larger step or a shorter range");
        }
        int n = (int) size;
        float[] data = new float[n];
        int vec = vectorized(n);
        for (int i0 = 0; i0 < vec; i0 += 8) {
            float base = (float) (start + step * i0);
            for (int lane = 0; lane < 8; lane++) data[i0 + lane] = (float) (base + lane * step);
        }
        for (int i = vec; i < n; i++) data[i] = (float) (start + step * i);
        return Tensor.of(data);
    }

    /** A double as PyTorch's C++ messages print it: 0, 0.5, 1e+20, nan, inf, -inf. */
    private static String cNumber(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return TorchFormat.number(v);
    }

    /**
     * steps evenly spaced values from start to end inclusive: step = (end - start) / (steps - 1) in float;
     * the first half counts up from start, the second half down from end (so both ends are exact).
     * torch's compiled kernel fuses those multiply-adds (one rounding, hence Math.fma) and, for the
     * first multiple of 16 elements, writes lanes of 8 as base + lane * step.
     */
    static Tensor linspace(float start, float end, int steps) {
        if (steps < 0) {
            throw new ShapeError("number of steps must be non-negative", "steps is the number of values to produce.",
                    "pass steps >= 0");
        }
        float[] data = new float[steps];
        if (steps == 1) data[0] = start;
        if (steps > 1) {
            float step = (end - start) / (steps - 1);
            int halfway = steps / 2;
            int vec = vectorized(steps);
            for (int i0 = 0; i0 < vec; i0 += 8) {
                float base = linspaceAt(start, end, step, steps, halfway, i0);
                for (int lane = 0; lane < 8; lane++) data[i0 + lane] = base + lane * step;
            }
            for (int i = vec; i < steps; i++) data[i] = linspaceAt(start, end, step, steps, halfway, i);
        }
        return Tensor.of(data);
    }

    private static float linspaceAt(float start, float end, float step, int steps, int halfway, int i) {
        return i < halfway ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
    }

    /** An n x m matrix with ones on the diagonal. */
    static Tensor eye(int n, int m) {
        if (n < 0 || m < 0) {
            String which = n < 0 ? "n" : "m";
            throw new ShapeError(which + " must be greater or equal to 0, got " + (n < 0 ? n : m),
                    "eye(n, m) builds an n x m matrix.", "pass sizes >= 0");
        }
        Tensor t = Tensor.zeros(n, m);
        for (int i = 0; i < Math.min(n, m); i++) t.storage[i * m + i] = 1f;
        return t;
    }
}
