package layerwise.tensor;

/** arange, linspace and eye, with torch's formulas so the values match bit for bit where torch's do. */
final class Ranges {
    private Ranges() {
    }

    /** size = ceil((end - start) / step); value[i] = start + i * step, computed in double then rounded. */
    static Tensor arange(float start, float end, float step) {
        if (step == 0) {
            throw new ShapeError("step must be nonzero", "arange counts from start towards end in steps of step.",
                    "pass a step such as 1 or -1");
        }
        if ((end - start) * step < 0) {
            throw new ShapeError("upper bound and larger bound inconsistent with step sign",
                    "From " + start + " a step of " + step + " moves away from " + end + ".",
                    "flip the sign of step, or swap start and end");
        }
        int n = (int) Math.ceil(((double) end - start) / step);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float) (start + (double) step * i);
        return Tensor.of(data);
    }

    /**
     * steps evenly spaced values from start to end inclusive. step = (end - start) / (steps - 1) in float;
     * the first half counts up from start, the second half down from end, as torch does.
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
            for (int i = 0; i < steps; i++) {
                data[i] = i < halfway ? start + step * i : end - step * (steps - i - 1);
            }
        }
        return Tensor.of(data);
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
