package layerwise.tensor;

/**
 * The in-place ops (PyTorch's trailing underscore) and what each means to autograd. Every one follows
 * the same three steps: refuse a leaf that requires grad and bump the version counter
 * ({@link Autograd#beforeInPlace}), write, then make this op the tensor's history when it is in a graph
 * ({@link Autograd#rebase}), with the derivative written beside it (for a fill, 0: the old values are gone).
 */
final class InPlace {
    private InPlace() {
    }

    private static Tensor run(Tensor self, Runnable write, String name, Autograd.Derivative derivative, Tensor... others) {
        Autograd.beforeInPlace(self);
        write.run();
        Autograd.rebase(self, name, derivative, others);
        return self;
    }

    private static Tensor[] none(Tensor self) {
        return new Tensor[] {Tensor.zerosLike(self)};
    }

    static Tensor uniform(Tensor t, double from, double to) {
        return run(t, () -> RandomFill.uniform(t, from, to), "UniformBackward0", (g, out) -> none(t));
    }

    static Tensor normal(Tensor t, double mean, double std) {
        return run(t, () -> RandomFill.normal(t, mean, std), "NormalBackward0", (g, out) -> none(t));
    }

    static Tensor fill(Tensor t, float value) {
        return run(t, () -> Strided.apply(t, t, Views.expand(Tensor.scalar(value), t.dims), Arith.COPY), "FillBackward0",
                (g, out) -> none(t));
    }

    /** t = src (broadcast):  d(old t) = 0,  d(src) = g summed to src's shape. */
    static Tensor copy(Tensor t, Tensor src) {
        return run(t, () -> Elementwise.copy(t, src), "CopyBackwards",
                (g, out) -> new Tensor[] {Tensor.zerosLike(t), Grads.sumTo(g, src.dims)}, src);
    }

    /** One element set:  d(old t) = g, except 0 at that element. */
    static void set(Tensor t, float value, int at, int[] index) {
        int[] where = index.clone();
        run(t, () -> t.storage[at] = value, "IndexPutBackward0", (g, out) -> {
            Tensor d = g.clone();
            d.storage[d.position(where)] = 0f;
            return new Tensor[] {d};
        });
    }

    /** t = t op c for a number c:  d(old t) = slope · g (1 for + and -, c for ·, 1/c for /). */
    static Tensor scalar(Tensor t, Arith op, float c, String name, float slope) {
        return run(t, () -> Elementwise.inPlace(t, Tensor.scalar(c), op), name,
                (g, out) -> new Tensor[] {slope == 1f ? g : g.mul(slope)});
    }

    /** t = t + other:  d(old t) = g,  d(other) = g summed to its shape. */
    static Tensor add(Tensor t, Tensor other) {
        return run(t, () -> Elementwise.inPlace(t, other, Arith.ADD), "AddBackward0",
                (g, out) -> new Tensor[] {g, Grads.sumTo(g, other.dims)}, other);
    }

    /** t = t + α·other, one fused multiply-add per element:  d(old t) = g,  d(other) = α·g. */
    static Tensor addScaled(Tensor t, Tensor other, float alpha) {
        return run(t, () -> ElementwiseGrad.addScaledInPlace(t, other, alpha), "AddBackward0",
                (g, out) -> new Tensor[] {g, Grads.sumTo(g.mul(alpha), other.dims)}, other);
    }

    /** t = t - other:  d(old t) = g,  d(other) = -g. */
    static Tensor sub(Tensor t, Tensor other) {
        return run(t, () -> Elementwise.inPlace(t, other, Arith.SUB), "SubBackward0",
                (g, out) -> new Tensor[] {g, Grads.sumTo(g, other.dims).neg()}, other);
    }

    /** t = t · other:  d(old t) = g · other,  d(other) = g · (old t), kept aside first when other needs it. */
    static Tensor mul(Tensor t, Tensor other) {
        Tensor before = other.requiresGrad && Autograd.isGradEnabled() ? t.clone().detach() : null;
        return run(t, () -> Elementwise.inPlace(t, other, Arith.MUL), "MulBackward0",
                (g, out) -> new Tensor[] {g.mul(other), before == null ? null : Grads.sumTo(g.mul(before), other.dims)}, other);
    }
}
