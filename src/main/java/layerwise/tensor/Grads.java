package layerwise.tensor;

/** Shape helpers every backward formula needs. */
final class Grads {
    private Grads() {
    }

    /**
     * Sums g down to {@code shape}, undoing broadcasting: an input of shape (3, 1) added to one of (2, 3, 4)
     * was used once per (2, ·, 4) position, so its gradient is the sum of g over dim 0 (the added leading
     * dim) and dim 2 (where it had size 1), kept as (3, 1).
     */
    static Tensor sumTo(Tensor g, int[] shape) {
        if (java.util.Arrays.equals(g.dims, shape)) return g;
        Tensor r = g;
        int lead = g.dims.length - shape.length;
        for (int d = 0; d < lead; d++) r = r.sum(0);
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1 && r.dims[d] != 1) r = r.sum(d, true);
        }
        return r.dims.length == shape.length ? r : r.reshape(shape);
    }

    /** A zero tensor of x's shape with g written into the window {@code window} picks out of it. */
    static Tensor scatter(int[] shape, Tensor g, java.util.function.UnaryOperator<Tensor> window) {
        Tensor z = Tensor.zeros(shape);
        Elementwise.copy(window.apply(z), g);
        return z;
    }
}
