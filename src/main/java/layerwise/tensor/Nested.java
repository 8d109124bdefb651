package layerwise.tensor;

/** Tensor.of for nested Java arrays (like torch.tensor([[...], [...]])): rows must not be ragged. */
final class Nested {
    private Nested() {
    }

    static Tensor of(float[][] data) {
        int rows = data.length;
        int cols = rows == 0 ? 0 : data[0].length;
        float[] flat = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            checkLength(data[i].length, cols, 1);
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return Tensor.of(flat, rows, cols);
    }

    static Tensor of(float[][][] data) {
        int n = data.length;
        Tensor first = n == 0 ? Tensor.zeros(0, 0) : of(data[0]);
        int[] inner = first.shape;
        float[] flat = new float[n * first.numel()];
        for (int i = 0; i < n; i++) {
            Tensor t = of(data[i]);
            checkShape(t.shape, inner, 1);
            System.arraycopy(t.storage, 0, flat, i * first.numel(), first.numel());
        }
        return Tensor.of(flat, n, inner[0], inner[1]);
    }

    static Tensor of(float[][][][] data) {
        int n = data.length;
        Tensor first = n == 0 ? Tensor.zeros(0, 0, 0) : of(data[0]);
        int[] inner = first.shape;
        float[] flat = new float[n * first.numel()];
        for (int i = 0; i < n; i++) {
            Tensor t = of(data[i]);
            checkShape(t.shape, inner, 1);
            System.arraycopy(t.storage, 0, flat, i * first.numel(), first.numel());
        }
        return Tensor.of(flat, n, inner[0], inner[1], inner[2]);
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
