package layerwise.tensor;

import java.util.Arrays;

/**
 * Reductions along one dim (or all): the dim is moved last and made contiguous, so each output element
 * reduces one contiguous row. Sums accumulate in double so long rows do not lose float precision.
 * When the tensor already has that layout (sum() of a contiguous tensor, sum(-1) of a contiguous one),
 * the rows are read where they lie instead of from a copy: the same values in the same order. sum and
 * mean along another dim of a contiguous tensor need no copy either ({@link #sum(Tensor, int, boolean, boolean)}).
 */
final class Reductions {
    private Reductions() {
    }

    /** Reduces one row data[from .. from+n). */
    @FunctionalInterface
    interface RowOp {
        float apply(float[] data, int from, int n);
    }

    static Tensor all(Tensor t, RowOp op) {
        if (t.isContiguous()) return Tensor.scalar(op.apply(t.storage, t.offset, t.numel()));
        float[] data = Strided.toArray(t);
        return Tensor.scalar(op.apply(data, 0, data.length));
    }

    static Tensor along(Tensor t, int dim, boolean keepdim, RowOp op) {
        int r = t.dims.length;
        int d = Shapes.wrapDim(dim, r);
        if (r == 0) return Tensor.scalar(op.apply(new float[] {t.storage[t.offset]}, 0, 1));
        int n = t.dims[d];
        int[] order = new int[r];
        for (int i = 0, j = 0; i < r; i++) if (i != d) order[j++] = i;
        order[r - 1] = d;
        Tensor rowMajor = Views.permute(t, order);
        float[] data = rowMajor.isContiguous() ? rowMajor.storage : Strided.toArray(rowMajor);
        int from = rowMajor.isContiguous() ? rowMajor.offset : 0;
        int[] outShape = keepdim ? t.dims.clone() : Views.remove(t.dims, d);
        if (keepdim) outShape[d] = 1;
        float[] out = Storage.allocate(outShape);
        int rows = out.length;
        for (int i = 0; i < rows; i++) out[i] = op.apply(data, from + i * n, n);
        return new Tensor(out, outShape, Shapes.contiguousStrides(outShape), 0);
    }

    /**
     * sum (or mean) along dim of a contiguous tensor. When dim is not the last, the tensor is read as
     * (outer, n, inner) and out[o][i] = x[o][0][i] + x[o][1][i] + ... : each output still adds its n values
     * in order into a double that starts at 0, as {@link #sum} does for a row, so the result is the same
     * bits; the loops only walk memory in order, a row of inner accumulators at a time, instead of
     * copying the tensor with dim moved last first.
     */
    static Tensor sum(Tensor t, int dim, boolean keepdim, boolean mean) {
        int r = t.dims.length;
        int d = Shapes.wrapDim(dim, r);
        int inner = r == 0 ? 1 : Shapes.numel(Arrays.copyOfRange(t.dims, d + 1, r));
        if (inner <= 1 || !t.isContiguous()) return along(t, dim, keepdim, mean ? Reductions::mean : Reductions::sum);
        int n = t.dims[d];
        int outer = Shapes.numel(Arrays.copyOfRange(t.dims, 0, d));
        int[] outShape = keepdim ? t.dims.clone() : Views.remove(t.dims, d);
        if (keepdim) outShape[d] = 1;
        float[] out = Storage.allocate(outShape);
        double[] acc = new double[inner];
        for (int o = 0; o < outer; o++) {
            Arrays.fill(acc, 0.0);
            for (int k = 0, row = t.offset + o * n * inner; k < n; k++, row += inner) {
                for (int i = 0; i < inner; i++) acc[i] += t.storage[row + i];
            }
            for (int i = 0; i < inner; i++) out[o * inner + i] = mean ? (float) (acc[i] / n) : (float) acc[i];
        }
        return new Tensor(out, outShape, Shapes.contiguousStrides(outShape), 0);
    }

    static float sum(float[] x, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) s += x[i];
        return (float) s;
    }

    /** Mean of an empty row is NaN (0/0), as in torch. */
    static float mean(float[] x, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) s += x[i];
        return (float) (s / n);
    }

    /** var = sum((x - mean)^2) / (n - 1) unbiased, or / n; two passes for accuracy. NaN when the divisor is <= 0. */
    static float var(float[] x, int from, int n, boolean unbiased) {
        double mean = 0;
        for (int i = from; i < from + n; i++) mean += x[i];
        mean /= n;
        double ss = 0;
        for (int i = from; i < from + n; i++) ss += (x[i] - mean) * (x[i] - mean);
        int divisor = unbiased ? n - 1 : n;
        return divisor <= 0 ? Float.NaN : (float) (ss / divisor);
    }

    /** Index of the largest (sign > 0) or smallest (sign < 0) element; the first NaN wins, as in torch. */
    static int argExtreme(float[] x, int from, int n, int sign) {
        float b = x[from];
        if (Float.isNaN(b)) return 0;
        int best = 0;
        for (int i = 1; i < n; i++) {
            float v = x[from + i];
            if (Float.isNaN(v)) return i;
            if (sign > 0 ? v > b : v < b) {
                best = i;
                b = v;
            }
        }
        return best;
    }

    static void requireNonEmpty(Tensor t, String op) {
        if (t.numel() == 0) {
            String msg = op + "(): Expected reduction dim to be specified for input.numel() == 0.";
            if (!op.startsWith("arg")) msg += " Specify the reduction dim with the 'dim' argument.";
            throw new ShapeError(msg, "The tensor of shape " + Shapes.str(t.dims) + " has no elements to compare.",
                    "reduce along a dim with " + op + "(dim, keepdim), or check the tensor is not empty");
        }
    }

    static void requireNonEmptyDim(Tensor t, int dim, String op) {
        int d = Shapes.wrapDim(dim, t.dims.length);
        if (t.dims.length > 0 && t.dims[d] == 0) {
            throw new IndexError(op + "(): Expected reduction dim " + d + " to have non-zero size.",
                    "dim " + d + " of shape " + Shapes.str(t.dims) + " is empty, so it has no " + op + ".",
                    "reduce along a dim with elements");
        }
    }
}
