package layerwise.tensor;

/**
 * The fast walk for {@link Arith} ops: out[i] = a[i] op b[i] over out's shape, one row loop at a time.
 *
 * <p>First the dims are merged wherever all three tensors lay them out back to back (dim d's stride equals
 * the stride times the size of what lies inside it), and size-1 dims are dropped. What is left is the
 * layout in its fewest dims, so the common cases become one or a few long rows:
 * <pre>
 *   contiguous, same shape          (1600, 1024) + (1600, 1024)  ->  one row of 1638400, strides 1, 1, 1
 *   bias over rows                  (1600, 1024) + (1024,)       ->  1600 rows of 1024, b's row stride 0
 *   scalar or 0-d                   (1600, 1024) + ()            ->  one row of 1638400, b's stride 0
 *   contiguous rows, strided dims   a slice x[:, 2:10]          ->  rows of 8, one step per row
 * </pre>
 * Each row then runs in one of {@link Arith}'s loops; only moving from one row to the next does index
 * arithmetic (an odometer over the outer dims, as in {@link Strided#walk}). The visiting order is row-major
 * like the plain walk, and each element gets the same single operation, so the results are the same bits.
 */
final class Rows {
    private Rows() {
    }

    static void apply(Tensor out, Tensor a, Tensor b, Arith op) {
        int n = Shapes.numel(out.shape);
        if (n == 0) return;
        Tensor[] t = {out, a, b};
        int r = out.shape.length;
        // Merged dims, innermost first: size[k] and stride[operand][k].
        int[] size = new int[Math.max(r, 1)];
        int[][] stride = new int[3][Math.max(r, 1)];
        int k = 0;
        for (int d = r - 1; d >= 0; d--) {
            int s = out.shape[d];
            if (s == 1) continue;
            if (k > 0 && followsInner(t, d, size[k - 1], stride, k - 1)) {
                size[k - 1] *= s;
                continue;
            }
            size[k] = s;
            for (int q = 0; q < 3; q++) stride[q][k] = t[q].strides[d];
            k++;
        }
        if (k == 0) {   // a 0-d tensor, or every dim of size 1: one row of one element
            size[0] = 1;
            k = 1;
        }
        int inner = size[0];
        int so = stride[0][0];
        int sa = stride[1][0];
        int sb = stride[2][0];
        int[] idx = new int[k];
        int po = out.offset;
        int pa = a.offset;
        int pb = b.offset;
        for (int done = 0; done < n; done += inner) {
            op.row(out.storage, po, so, a.storage, pa, sa, b.storage, pb, sb, inner);
            for (int d = 1; d < k; d++) {
                po += stride[0][d];
                pa += stride[1][d];
                pb += stride[2][d];
                if (++idx[d] < size[d]) break;
                po -= stride[0][d] * size[d];
                pa -= stride[1][d] * size[d];
                pb -= stride[2][d] * size[d];
                idx[d] = 0;
            }
        }
    }

    /** True when, in every tensor, one step along dim d is exactly one pass over the merged dim inside it. */
    private static boolean followsInner(Tensor[] t, int d, int innerSize, int[][] stride, int inner) {
        for (int q = 0; q < 3; q++) {
            if (t[q].strides[d] != stride[q][inner] * innerSize) return false;
        }
        return true;
    }
}
