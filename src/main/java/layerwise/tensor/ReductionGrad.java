package layerwise.tensor;

/**
 * The reductions with their derivatives. A sum sends g unchanged to every element it added; a mean sends
 * g / n; var and std send g times their own derivative; max and min send g only to the element that won.
 */
final class ReductionGrad {
    private ReductionGrad() {
    }

    private static Tensor[] of(Tensor g) {
        return new Tensor[] {g};
    }

    /** g of a reduction along dim, with the reduced dim put back as size 1 so it broadcasts against x. */
    private static Tensor keep(Tensor g, Tensor x, int dim, boolean keepdim) {
        return keepdim || x.dims.length == 0 ? g : Views.unsqueeze(g, Shapes.wrapDim(dim, x.dims.length));
    }

    private static int count(Tensor x, int dim) {
        return x.dims.length == 0 ? 1 : x.dims[Shapes.wrapDim(dim, x.dims.length)];
    }

    /** sum():  dx = g everywhere (each element entered the sum once). */
    static Tensor sum(Tensor x) {
        return Autograd.op("SumBackward0", () -> Reductions.all(x, Reductions::sum),
                (g, out) -> of(Views.expand(g, x.dims)), new Tensor[] {x});
    }

    static Tensor sum(Tensor x, int dim, boolean keepdim) {
        return Autograd.op("SumBackward1", () -> Reductions.sum(x, dim, keepdim, false),
                (g, out) -> of(Views.expand(keep(g, x, dim, keepdim), x.dims)), new Tensor[] {x});
    }

    /** mean():  dx = g / n everywhere. */
    static Tensor mean(Tensor x) {
        return Autograd.op("MeanBackward0", () -> Reductions.all(x, Reductions::mean),
                (g, out) -> of(Views.expand(Elementwise.withScalar(g, Arith.DIV, x.numel()), x.dims)), new Tensor[] {x});
    }

    static Tensor mean(Tensor x, int dim, boolean keepdim) {
        return Autograd.op("MeanBackward1", () -> Reductions.sum(x, dim, keepdim, true),
                (g, out) -> of(Views.expand(Elementwise.withScalar(keep(g, x, dim, keepdim), Arith.DIV, count(x, dim)),
                        x.dims)), new Tensor[] {x});
    }

    /** var = Σ(x - m)² / (n - c), c = 1 unbiased:  dx = g · 2 (x - m) / (n - c). */
    static Tensor var(Tensor x, Integer dim, boolean unbiased, boolean keepdim) {
        return Autograd.op("VarBackward0", () -> rawVar(x, dim, unbiased, keepdim),
                (g, out) -> {
                    int n = dim == null ? x.numel() : count(x, dim);
                    float scale = 2f / (n - (unbiased ? 1 : 0));
                    Tensor centred = centred(x, dim);
                    Tensor gk = dim == null ? g : keep(g, x, dim, keepdim);
                    return of(Elementwise.binary(centred, gk, (c, gg) -> gg * scale * c));
                }, new Tensor[] {x}, x);
    }

    /** std = √var:  dx = g · (x - m) / ((n - c) · std). */
    static Tensor std(Tensor x, Integer dim, boolean unbiased, boolean keepdim) {
        return Autograd.op("StdBackward0", () -> Elementwise.unary(rawVar(x, dim, unbiased, keepdim), Unary.SQRT),
                (g, out) -> {
                    int n = dim == null ? x.numel() : count(x, dim);
                    float divisor = n - (unbiased ? 1 : 0);
                    Tensor centred = centred(x, dim);
                    Tensor gOverStd = Elementwise.binary(dim == null ? g : keep(g, x, dim, keepdim),
                            dim == null ? out : keep(out, x, dim, keepdim), (gg, s) -> gg / (divisor * s));
                    return of(Elementwise.binary(centred, gOverStd, Arith.MUL));
                }, new Tensor[] {x}, x, Autograd.OUTPUT);
    }

    private static Tensor rawVar(Tensor x, Integer dim, boolean unbiased, boolean keepdim) {
        return dim == null ? Reductions.all(x, (d, from, n) -> Reductions.var(d, from, n, unbiased))
                : Reductions.along(x, dim, keepdim, (d, from, n) -> Reductions.var(d, from, n, unbiased));
    }

    private static Tensor centred(Tensor x, Integer dim) {
        Tensor m = dim == null ? Reductions.all(x, Reductions::mean) : Reductions.sum(x, dim, true, true);
        return Elementwise.binary(x, m, Arith.SUB);
    }

    /**
     * max() / min() of every element:  dx = g shared evenly among the elements equal to the result
     * (PyTorch's rule for the full reduction: a tie of k elements gives each g / k).
     */
    static Tensor extreme(Tensor x, int sign) {
        String name = sign > 0 ? "MaxBackward1" : "MinBackward1";
        return Autograd.op(name, () -> Reductions.all(x, (d, from, n) -> d[from + Reductions.argExtreme(d, from, n, sign)]),
                (g, out) -> {
                    float v = out.item();
                    Tensor hit = Elementwise.unary(x, a -> a == v || (Float.isNaN(a) && Float.isNaN(v)) ? 1f : 0f);
                    float ties = Reductions.all(hit, Reductions::sum).item();
                    float share = g.item() / ties;
                    return of(Elementwise.withScalar(hit, Arith.MUL, share));
                }, new Tensor[] {x}, x, Autograd.OUTPUT);
    }

    /**
     * max(dim) / min(dim):  dx = g at the index the forward picked (the first of a tie, the index it
     * returns), 0 elsewhere.
     */
    static Tensor extreme(Tensor x, int dim, boolean keepdim, int sign) {
        String name = sign > 0 ? "MaxBackward0" : "MinBackward0";
        return Autograd.op(name, () -> Reductions.along(x, dim, keepdim,
                        (d, from, n) -> d[from + Reductions.argExtreme(d, from, n, sign)]),
                (g, out) -> {
                    int r = x.dims.length;
                    if (r == 0) return of(g.reshape(x.dims));
                    int d = Shapes.wrapDim(dim, r);
                    float[] index = Reductions.along(x, d, true, (v, from, n) -> Reductions.argExtreme(v, from, n, sign))
                            .toFloatArray();
                    float[] gv = g.toFloatArray();
                    int n = x.dims[d];
                    int inner = Shapes.numel(java.util.Arrays.copyOfRange(x.dims, d + 1, r));
                    float[] dx = Storage.allocate(x.dims);
                    for (int o = 0; o < gv.length / Math.max(inner, 1); o++) {
                        for (int i = 0; i < inner; i++) {
                            int k = o * inner + i;
                            dx[(o * n + (int) index[k]) * inner + i] = gv[k];
                        }
                    }
                    return of(Tensor.wrap(dx, x.dims.clone()));
                }, new Tensor[] {x}, x);
    }
}
