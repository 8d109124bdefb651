package layerwise.tensor;

import java.util.Arrays;

/**
 * torch.matmul's rank rules, with torch's error text for each case:
 * <ul>
 *   <li>1-D @ 1-D: dot product, a 0-d result;</li>
 *   <li>2-D @ 2-D: matrix product (n x m) @ (m x p) = (n x p);</li>
 *   <li>a 1-D operand acts as a row (left) or a column (right) that is removed from the result;</li>
 *   <li>otherwise the dims before the last two are batch dims and broadcast against each other.</li>
 * </ul>
 */
final class Matmul {
    private Matmul() {
    }

    static Tensor matmul(Tensor a, Tensor b, Kernels.Kind kind) {
        int da = a.dims.length;
        int db = b.dims.length;
        if (da == 0 || db == 0) {
            throw new ShapeError(TorchText.matmulZeroDim(da, db),
                    "matmul multiplies vectors and matrices; a 0-d tensor is a single number.",
                    "use mul(...) to scale by a number, or reshape(1) the 0-d operand");
        }
        int m1 = a.dims[da - 1];
        int m2 = db == 1 ? b.dims[0] : b.dims[db - 2];
        int n = da == 1 ? 1 : a.dims[da - 2];
        int p = db == 1 ? 1 : b.dims[db - 1];
        int[] batchA = Arrays.copyOf(a.dims, Math.max(da - 2, 0));
        int[] batchB = Arrays.copyOf(b.dims, Math.max(db - 2, 0));
        int[] batch = da >= 3 && db >= 3 ? Shapes.broadcast(batchA, batchB) : null;
        if (m1 != m2) throw mismatch(a, b, m1, m2, n, p, batch);

        int[] outShape;
        float[] out;
        if (db <= 2) {
            // Fold a's leading dims into rows: (..., m) @ (m, p) is one (rows x m) @ (m x p) product.
            int rows = Shapes.numel(Arrays.copyOf(a.dims, da - 1));
            out = Storage.allocate(rows, p);
            if (kind == Kernels.Kind.FAST && da <= 2) {
                // The fast kernel reads both operands through their strides: a transposed view is not copied.
                int ars = da == 1 ? 0 : a.strides[0];
                int bcs = db == 1 ? 0 : b.strides[1];
                Gemm.gemm(rows, p, m1, a.storage, a.offset, ars, a.strides[da - 1], b.storage, b.offset, b.strides[0], bcs,
                        out, 0, p, false);
            } else {
                Tensor x = a.contiguous();
                Tensor y = b.contiguous();
                MatmulKernels.mm(kind, x.storage, x.offset, y.storage, y.offset, out, 0, rows, m1, p);
            }
            outShape = db == 1 ? Arrays.copyOf(a.dims, da - 1) : withLast(Arrays.copyOf(a.dims, da - 1), p);
        } else {
            if (batch == null) batch = Shapes.broadcast(batchA, batchB);
            int count = Shapes.numel(batch);
            Tensor x = Views.expand(da == 1 ? Views.unsqueeze(a, 0) : a, concat(batch, n, m1)).contiguous();
            Tensor y = Views.expand(b, concat(batch, m2, p)).contiguous();
            out = Storage.allocate(concat(batch, n, p));
            for (int i = 0; i < count; i++) {
                MatmulKernels.mm(kind, x.storage, x.offset + i * n * m1, y.storage, y.offset + i * m2 * p,
                        out, i * n * p, n, m1, p);
            }
            outShape = da == 1 ? withLast(batch, p) : concat(batch, n, p);
        }
        return new Tensor(out, outShape, Shapes.contiguousStrides(outShape), 0);
    }

    /** torch.mm: both operands must be matrices. */
    static Tensor mm(Tensor a, Tensor b, Kernels.Kind kind) {
        requireRank(a, 2, "self must be a matrix", "mm");
        requireRank(b, 2, "mat2 must be a matrix", "mm");
        return matmul(a, b, kind);
    }

    /** torch.bmm: (B, n, m) @ (B, m, p) = (B, n, p), no broadcasting of the batch dim. */
    static Tensor bmm(Tensor a, Tensor b, Kernels.Kind kind) {
        requireRank(a, 3, "batch1 must be a 3D tensor", "bmm");
        requireRank(b, 3, "batch2 must be a 3D tensor", "bmm");
        if (b.dims[0] != a.dims[0] || b.dims[1] != a.dims[2]) {
            throw new ShapeError("Expected size for first two dimensions of batch2 tensor to be: [" + a.dims[0] + ", "
                    + a.dims[2] + "] but got: [" + b.dims[0] + ", " + b.dims[1] + "].",
                    "bmm multiplies batch1 " + Shapes.str(a.dims) + " by batch2 " + Shapes.str(b.dims)
                            + " matrix by matrix: both need the same batch size and batch2's rows must equal batch1's columns.",
                    "give batch2 the shape [" + a.dims[0] + ", " + a.dims[2] + ", p], or use matmul to broadcast batch dims");
        }
        return matmul(a, b, kind);
    }

    private static void requireRank(Tensor t, int rank, String text, String op) {
        if (t.dims.length != rank) {
            throw new ShapeError(text, op + " takes " + rank + "-D operands; got shape " + Shapes.str(t.dims) + ".",
                    rank == 2 ? "use matmul for vectors and batches, or reshape to 2-D"
                            : "use matmul to broadcast batch dims, or reshape to 3-D");
        }
    }

    private static ShapeError mismatch(Tensor a, Tensor b, int m1, int m2, int n, int p, int[] batch) {
        int da = a.dims.length;
        int db = b.dims.length;
        String sa = Shapes.str(a.dims);
        String sb = Shapes.str(b.dims);
        String text;
        if (da == 1 && db == 1) {
            text = "inconsistent tensor size, expected tensor [" + m1 + "] and src [" + m2
                    + "] to have the same number of elements, but got " + m1 + " and " + m2 + " elements respectively";
        } else if (batch != null) {
            int count = Shapes.numel(batch);
            text = "Expected size for first two dimensions of batch2 tensor to be: [" + count + ", " + m1
                    + "] but got: [" + count + ", " + m2 + "].";
        } else if (db >= 3) {
            // torch computes this case as (b^T @ a^T)^T, so its message names the transposed operands.
            int rows = Shapes.numel(Arrays.copyOf(b.dims, db - 2)) * p;
            text = da == 1 ? "size mismatch, got " + rows + ", " + rows + "x" + m2 + "," + m1
                    : TorchText.matmulShapes(rows, m2, m1, n);
        } else {
            int rows = Shapes.numel(Arrays.copyOf(a.dims, da - 1));
            text = db == 1 ? "size mismatch, got " + rows + ", " + rows + "x" + m1 + "," + m2
                    : TorchText.matmulShapes(rows, m1, m2, p);
        }
        String explanation = "matmul of " + sa + " and " + sb + " pairs the last dim of the first (" + m1
                + ") with the " + (db == 1 ? "only" : "second-to-last") + " dim of the second (" + m2 + "); they must be equal.";
        String fix = "make them agree: reshape or transpose one operand (e.g. b.t() or b.transpose(-2, -1)) so the inner sizes are both "
                + m1 + " or both " + m2;
        return new ShapeError(text, explanation, fix);
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }

    private static int[] withLast(int[] shape, int last) {
        int[] s = Arrays.copyOf(shape, shape.length + 1);
        s[shape.length] = last;
        return s;
    }
}
