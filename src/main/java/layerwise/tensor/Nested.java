package layerwise.tensor;

/** Tensor.of for nested Java arrays (like torch.tensor([[...], [...]])): rows must not be ragged. */
final class Nested {
    private Nested() {
    }

    static Tensor of(float[][] data) {
        int rows = data.length;
        int cols = rows == 0 ? 0 : data[0].length;
        float[] flat = Storage.allocate(rows, cols);
        for (int i = 0; i < rows; i++) {
            checkLength(data[i].length, cols, 1);
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return Tensor.of(flat, rows, cols);
    }

    static Tensor of(float[][][] data) {
        return stack(data.length, i -> of(data[i]), 0, 0);
    }

    static Tensor of(float[][][][] data) {
        return stack(data.length, i -> of(data[i]), 0, 0, 0);
    }

    /** Stacks n equally shaped parts along a new first dim; emptyInner is the inner shape when n is 0. */
    private static Tensor stack(int n, java.util.function.IntFunction<Tensor> part, int... emptyInner) {
        int[] inner = emptyInner;
        float[] flat = new float[0];
        for (int i = 0; i < n; i++) {
            Tensor t = part.apply(i);
            if (i == 0) {
                inner = t.dims;
                int[] whole = new int[inner.length + 1];
                whole[0] = n;
                System.arraycopy(inner, 0, whole, 1, inner.length);
                flat = Storage.allocate(whole);
            }
            checkShape(t.dims, inner, 1);
            System.arraycopy(t.storage, 0, flat, i * t.numel(), t.numel());
        }
        int[] shape = new int[inner.length + 1];
        shape[0] = n;
        System.arraycopy(inner, 0, shape, 1, inner.length);
        return Tensor.of(flat, shape);
    }

    private static void checkShape(int[] got, int[] expected, int dimOffset) {
        for (int d = 0; d < expected.length; d++) checkLength(got[d], expected[d], d + dimOffset);
    }

    private static void checkLength(int got, int expected, int dim) {
        if (got != expected) {
            throw new ShapeError("expected sequence of length " + expected + " at dim " + dim + " (got " + got + ")",
                    "Nested arrays must be rectangular: every row at dim " + dim + " needs the same length.",
                    "make every row at dim " + dim + " have " + expected + " elements");
        }
    }
}
