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
 * arithmetic (an odometer over the outer dims, as in {@link Strided#walk}). Rows go in row-major order,
 * except that a transposed operand is walked in tiles ({@link #plane}). Either way each element gets the
 * same single operation on its own two inputs, so the results are the same bits as the plain walk's.
 */
final class Rows {
    private Rows() {
    }

    static void apply(Tensor out, Tensor a, Tensor b, Arith op) {
        int n = Shapes.numel(out.dims);
        if (n == 0) return;
        Tensor[] t = {out, a, b};
        int r = out.dims.length;
        // Merged dims, innermost first: size[k] and stride[operand][k]; at least two, padded with size 1.
        int[] size = new int[Math.max(r, 2)];
        int[][] stride = new int[3][Math.max(r, 2)];
        int k = 0;
        for (int d = r - 1; d >= 0; d--) {
            int s = out.dims[d];
            if (s == 1) continue;
            if (k > 0 && followsInner(t, d, size[k - 1], stride, k - 1)) {
                size[k - 1] *= s;
                continue;
            }
            size[k] = s;
            for (int q = 0; q < 3; q++) stride[q][k] = t[q].strides[d];
            k++;
        }
        while (k < 2) size[k++] = 1;   // a 0-d tensor or a single row: planes of one row of one or more elements
        // An odometer over the dims outside the innermost two; each step is one plane of rows.
        int planeSize = size[0] * size[1];
        int[] idx = new int[k];
        int po = out.offset;
        int pa = a.offset;
        int pb = b.offset;
        for (int done = 0; done < n; done += planeSize) {
            plane(op, out.storage, po, a.storage, pa, b.storage, pb, size, stride);
            for (int d = 2; d < k; d++) {
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

    /**
     * Side of the square tiles for a transposed operand: a tile's rows of 64 floats read 64 cache lines of
     * it (4 KB), which stay in L1 while the tile's next rows use their other floats (16 floats a line).
     * 64 measured faster than 16 and as fast as 128 for a (1024, 1024) transpose here.
     */
    private static final int TILE = 64;

    /**
     * size[1] rows of size[0] elements. Usually row by row. When some operand steps by more than one float
     * along the row (a transpose), each of its reads would fetch a new cache line and use one float of it;
     * then the plane goes in TILE x TILE tiles, so the lines fetched for one row are still cached for the
     * next rows, which use their neighbouring floats. Each element is still computed once from its own two
     * inputs, so the order of the tiles does not change any result.
     */
    private static void plane(Arith op, float[] o, int po, float[] x, int pa, float[] y, int pb, int[] size, int[][] stride) {
        int inner = size[0];
        int rows = size[1];
        int so = stride[0][0];
        int sa = stride[1][0];
        int sb = stride[2][0];
        int ro = stride[0][1];
        int ra = stride[1][1];
        int rb = stride[2][1];
        boolean transposed = (so > 1 || sa > 1 || sb > 1) && rows > 1 && inner > TILE;
        int width = transposed ? TILE : inner;
        int height = transposed ? TILE : rows;
        for (int r0 = 0; r0 < rows; r0 += height) {
            for (int c0 = 0; c0 < inner; c0 += width) {
                int w = Math.min(width, inner - c0);
                for (int i = r0; i < Math.min(rows, r0 + height); i++) {
                    op.row(o, po + i * ro + c0 * so, so, x, pa + i * ra + c0 * sa, sa, y, pb + i * rb + c0 * sb, sb, w);
                }
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
