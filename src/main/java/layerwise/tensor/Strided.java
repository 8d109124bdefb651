package layerwise.tensor;

/**
 * Walks tensors of one shape in row-major order, whatever their strides (transposed views, expanded
 * dims with stride 0, slices). Every elementwise op and copy goes through here (and every reduction of a
 * tensor not already laid out for it): the {@link Arith} ops (add, sub, mul, div, copy) by the fast row
 * loops of {@link Rows}, any other op by {@link #walk}, the plain loop that calls the op for each element.
 */
final class Strided {
    private Strided() {
    }

    /** f(a, b) for one pair of elements. */
    @FunctionalInterface
    interface BinaryOp {
        float apply(float a, float b);
    }

    /** f(x) for one element. */
    @FunctionalInterface
    interface UnaryOp {
        float apply(float x);
    }

    /** A row-major copy of t's elements. */
    static float[] toArray(Tensor t) {
        float[] out = Storage.allocate(t.dims);
        int n = out.length;
        if (n == 0) return out;
        if (t.isContiguous()) {
            System.arraycopy(t.storage, t.offset, out, 0, n);
            return out;
        }
        Tensor dst = new Tensor(out, t.dims, Shapes.contiguousStrides(t.dims), 0);
        apply(dst, t, t, Arith.COPY);
        return out;
    }

    /**
     * out[i] = op(a[i], b[i]) for every index i of out's shape; a and b must already have out's shape
     * (expanded views are fine). out may be a or b itself, element for element (in-place ops), but must
     * not otherwise overlap them: an {@link Arith} op may visit the elements in any order (transposes go
     * in tiles). Any other op is called in row-major order, which {@link RandomFill} relies on.
     */
    static void apply(Tensor out, Tensor a, Tensor b, BinaryOp op) {
        if (op instanceof Arith arith) Rows.apply(out, a, b, arith);
        else walk(out, a, b, op);
    }

    /**
     * The plain walk behind {@link #apply}: the innermost dim runs in a tight loop that calls op for each
     * element; an odometer steps the others.
     */
    static void walk(Tensor out, Tensor a, Tensor b, BinaryOp op) {
        int[] shape = out.dims;
        int rank = shape.length;
        int n = Shapes.numel(shape);
        if (n == 0) return;
        float[] o = out.storage;
        float[] x = a.storage;
        float[] y = b.storage;
        if (rank == 0) {
            o[out.offset] = op.apply(x[a.offset], y[b.offset]);
            return;
        }
        if (out.isContiguous() && a.isContiguous() && b.isContiguous()) {
            // Same shape, no gaps: one flat loop, no index arithmetic per element.
            for (int i = 0, io = out.offset, ia = a.offset, ib = b.offset; i < n; i++) o[io + i] = op.apply(x[ia + i], y[ib + i]);
            return;
        }
        int inner = shape[rank - 1];
        int so = out.strides[rank - 1];
        int sa = a.strides[rank - 1];
        int sb = b.strides[rank - 1];
        int[] idx = new int[rank];
        int po = out.offset;
        int pa = a.offset;
        int pb = b.offset;
        for (int done = 0; done < n; done += inner) {
            int io = po;
            int ia = pa;
            int ib = pb;
            for (int j = 0; j < inner; j++) {
                o[io] = op.apply(x[ia], y[ib]);
                io += so;
                ia += sa;
                ib += sb;
            }
            for (int d = rank - 2; d >= 0; d--) {
                po += out.strides[d];
                pa += a.strides[d];
                pb += b.strides[d];
                if (++idx[d] < shape[d]) break;
                po -= out.strides[d] * shape[d];
                pa -= a.strides[d] * shape[d];
                pb -= b.strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** Storage position of a full index (already range-checked). */
    static int position(Tensor t, int[] index) {
        int p = t.offset;
        for (int d = 0; d < index.length; d++) p += index[d] * t.strides[d];
        return p;
    }
}
