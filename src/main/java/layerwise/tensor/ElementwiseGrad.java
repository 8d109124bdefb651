package layerwise.tensor;

import static layerwise.tensor.Autograd.OUTPUT;
import static layerwise.tensor.Grads.sumTo;

/**
 * The elementwise ops with their derivatives, side by side: each method runs the forward
 * ({@link Elementwise}) and, when recording, gives the output a node whose formula is written above it.
 * g is dL/d(out), the gradient arriving from above; every result is g times the op's local derivative,
 * summed back to the input's shape where the input was broadcast ({@link Grads#sumTo}).
 */
final class ElementwiseGrad {
    private ElementwiseGrad() {
    }

    private static Tensor[] of(Tensor... grads) {
        return grads;
    }

    // ---------------------------------------------------------------- two tensors, broadcast

    /** out = a + b:  da = g,  db = g. */
    static Tensor add(Tensor a, Tensor b) {
        return Autograd.op("AddBackward0", () -> Elementwise.binary(a, b, Arith.ADD),
                (g, out) -> of(sumTo(g, a.dims), sumTo(g, b.dims)), new Tensor[] {a, b});
    }

    /** out = a - b:  da = g,  db = -g. */
    static Tensor sub(Tensor a, Tensor b) {
        return Autograd.op("SubBackward0", () -> Elementwise.binary(a, b, Arith.SUB),
                (g, out) -> of(sumTo(g, a.dims), b.requiresGrad ? sumTo(g, b.dims).neg() : null), new Tensor[] {a, b});
    }

    /** out = a * b:  da = g * b,  db = g * a. */
    static Tensor mul(Tensor a, Tensor b) {
        return Autograd.op("MulBackward0", () -> Elementwise.binary(a, b, Arith.MUL),
                (g, out) -> of(a.requiresGrad ? sumTo(Elementwise.binary(g, b, Arith.MUL), a.dims) : null,
                        b.requiresGrad ? sumTo(Elementwise.binary(g, a, Arith.MUL), b.dims) : null),
                new Tensor[] {a, b}, a, b);
    }

    /** out = a / b:  da = g / b,  db = -g * a / b². */
    static Tensor div(Tensor a, Tensor b) {
        return Autograd.op("DivBackward0", () -> Elementwise.binary(a, b, Arith.DIV),
                (g, out) -> of(a.requiresGrad ? sumTo(Elementwise.binary(g, b, Arith.DIV), a.dims) : null,
                        b.requiresGrad ? sumTo(Elementwise.binary(g, Elementwise.binary(a, b,
                                (x, y) -> -x / (y * y)), Arith.MUL), b.dims) : null),
                new Tensor[] {a, b}, a, b);
    }

    /** out = a + α·b, one fused multiply-add per element:  da = g,  db = α·g. */
    static Tensor addScaled(Tensor a, Tensor b, float alpha) {
        return Autograd.op("AddBackward0", () -> {
            Tensor out = Tensor.zeros(Shapes.broadcast(a.dims, b.dims));
            Elementwise.copy(out, a);
            addScaledInPlace(out, b, alpha);
            return out;
        }, (g, out) -> of(sumTo(g, a.dims), b.requiresGrad ? sumTo(Elementwise.withScalar(g, Arith.MUL, alpha), b.dims) : null),
                new Tensor[] {a, b});
    }

    /** self[i] = fma(α, b[i], self[i]), b broadcast to self's shape: a loop of its own when both lie contiguous. */
    static void addScaledInPlace(Tensor self, Tensor b, float alpha) {
        if (self.isContiguous() && b.isContiguous() && java.util.Arrays.equals(self.dims, b.dims) && self.storage != b.storage) {
            float[] x = self.storage, y = b.storage;
            int xo = self.offset, yo = b.offset, n = self.numel();
            for (int i = 0; i < n; i++) x[xo + i] = Math.fma(alpha, y[yo + i], x[xo + i]);
            return;
        }
        Elementwise.inPlace(self, b, (x, y) -> Math.fma(alpha, y, x));
    }

    // ---------------------------------------------------------------- a tensor and a number

    /** out = a + c (also a - c):  da = g. */
    static Tensor addScalar(Tensor a, Arith op, float c) {
        String name = op == Arith.SUB ? "SubBackward1" : "AddBackward1";
        return Autograd.op(name, () -> Elementwise.withScalar(a, op, c), (g, out) -> of(g), new Tensor[] {a});
    }

    /** out = a * c:  da = g * c. */
    static Tensor mulScalar(Tensor a, float c) {
        return Autograd.op("MulBackward1", () -> Elementwise.withScalar(a, Arith.MUL, c),
                (g, out) -> of(Elementwise.withScalar(g, Arith.MUL, c)), new Tensor[] {a});
    }

    /** out = a / c:  da = g / c. */
    static Tensor divScalar(Tensor a, float c) {
        return Autograd.op("DivBackward1", () -> Elementwise.withScalar(a, Arith.DIV, c),
                (g, out) -> of(Elementwise.withScalar(g, Arith.DIV, c)), new Tensor[] {a});
    }

    /** out = aᵉ:  da = g · e · aᵉ⁻¹ (0 where e = 0, as torch). */
    static Tensor pow(Tensor a, float e) {
        return Autograd.op("PowBackward0", () -> Elementwise.unary(a, x -> (float) Math.pow(x, e)),
                (g, out) -> of(e == 0 ? Tensor.zerosLike(a) : Elementwise.binary(g, a,
                        (gg, x) -> (float) (gg * e * Math.pow(x, e - 1)))),
                new Tensor[] {a}, a);
    }

    // ---------------------------------------------------------------- one tensor

    /** out = -a:  da = -g. */
    static Tensor neg(Tensor a) {
        return Autograd.op("NegBackward0", () -> Elementwise.unary(a, Unary.NEG), (g, out) -> of(g.neg()), new Tensor[] {a});
    }

    /** out = eᵃ:  da = g · out. */
    static Tensor exp(Tensor a) {
        return Autograd.op("ExpBackward0", () -> Elementwise.unary(a, Unary.EXP),
                (g, out) -> of(Elementwise.binary(g, out, Arith.MUL)), new Tensor[] {a}, OUTPUT);
    }

    /** out = ln a:  da = g / a. */
    static Tensor log(Tensor a) {
        return Autograd.op("LogBackward0", () -> Elementwise.unary(a, Unary.LOG),
                (g, out) -> of(Elementwise.binary(g, a, Arith.DIV)), new Tensor[] {a}, a);
    }

    /** out = √a:  da = g / (2 · out). */
    static Tensor sqrt(Tensor a) {
        return Autograd.op("SqrtBackward0", () -> Elementwise.unary(a, Unary.SQRT),
                (g, out) -> of(Elementwise.binary(g, out, (gg, y) -> gg / (2 * y))), new Tensor[] {a}, OUTPUT);
    }

    /** out = |a|:  da = g · sign(a), sign(0) = 0 (torch's choice at the kink). */
    static Tensor abs(Tensor a) {
        return Autograd.op("AbsBackward0", () -> Elementwise.unary(a, Unary.ABS),
                (g, out) -> of(Elementwise.binary(g, a, (gg, x) -> x > 0 ? gg : x < 0 ? -gg : 0f * gg)), new Tensor[] {a}, a);
    }

    /** out = tanh a:  da = g · (1 - out²). */
    static Tensor tanh(Tensor a) {
        return Autograd.op("TanhBackward0", () -> Elementwise.unary(a, Unary.TANH),
                (g, out) -> of(activation(g, out, Activation.TANH)), new Tensor[] {a}, OUTPUT);
    }

    /** out = σ(a) = 1 / (1 + e⁻ᵃ):  da = g · out · (1 - out). */
    static Tensor sigmoid(Tensor a) {
        return Autograd.op("SigmoidBackward0", () -> Elementwise.unary(a, Unary.SIGMOID),
                (g, out) -> of(activation(g, out, Activation.SIGMOID)), new Tensor[] {a}, OUTPUT);
    }

    /** out = max(0, a):  da = g where out &gt; 0, else 0 (0 at a = 0, as torch). */
    static Tensor relu(Tensor a) {
        return Autograd.op("ReluBackward0", () -> Elementwise.unary(a, Unary.RELU),
                (g, out) -> of(activation(g, out, Activation.RELU)), new Tensor[] {a}, OUTPUT);
    }

    /** out = a where a &gt; 0, else slope · a:  da = g or slope · g (slope at a = 0, as torch). */
    static Tensor leakyRelu(Tensor a, float slope) {
        return Autograd.op("LeakyReluBackward0", () -> Elementwise.unary(a, x -> x < 0 ? x * slope : x),
                (g, out) -> of(Elementwise.binary(g, a, (gg, x) -> x > 0 ? gg : gg * slope)), new Tensor[] {a}, a);
    }

    /** out = min(max(a, lo), hi):  da = g where lo ≤ a ≤ hi, else 0 (torch passes the bounds themselves). */
    static Tensor clamp(Tensor a, float lo, float hi) {
        return Autograd.op("ClampBackward1", () -> Elementwise.unary(a, x -> Elementwise.clamp(x, lo, hi)),
                (g, out) -> of(Elementwise.binary(g, a, (gg, x) -> x >= lo && x <= hi ? gg : 0f)), new Tensor[] {a}, a);
    }

    /** The three activations whose derivative reads only their output y. */
    private enum Activation { TANH, SIGMOID, RELU }

    /**
     * g · f'(y) for tanh (1 − y²), sigmoid (y · (1 − y)) and relu (1 where y &gt; 0): a loop of its own for
     * each when g and y lie contiguous in memory, as they do in a network (a loop shared by every op, calling
     * the formula per element, runs several times slower); the same formula through the strided walk otherwise.
     */
    private static Tensor activation(Tensor g, Tensor y, Activation kind) {
        if (!g.isContiguous() || !y.isContiguous() || !java.util.Arrays.equals(g.dims, y.dims)) {
            return switch (kind) {
                case TANH -> Elementwise.binary(g, y, (gg, v) -> gg * (1 - v * v));
                case SIGMOID -> Elementwise.binary(g, y, (gg, v) -> gg * (1 - v) * v);
                case RELU -> Elementwise.binary(g, y, (gg, v) -> v > 0 ? gg : 0f);
            };
        }
        float[] gv = g.storage, yv = y.storage, d = Storage.allocate(g.dims);
        int go = g.offset, yo = y.offset;
        switch (kind) {
            case TANH -> {
                for (int i = 0; i < d.length; i++) d[i] = gv[go + i] * (1 - yv[yo + i] * yv[yo + i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < d.length; i++) d[i] = gv[go + i] * (1 - yv[yo + i]) * yv[yo + i];
            }
            case RELU -> {
                int i = Simd.ACTIVE ? SimdArith.reluBackward(gv, go, yv, yo, d, d.length) : 0;
                for (; i < d.length; i++) d[i] = yv[yo + i] > 0 ? gv[go + i] : 0f;
            }
        }
        return Tensor.wrap(d, g.dims.clone());
    }

    /** out = a (a copy):  da = g. */
    static Tensor clone(Tensor a) {
        return Autograd.op("CloneBackward0", () -> Tensor.wrap(Strided.toArray(a), a.dims.clone()),
                (g, out) -> of(g), new Tensor[] {a});
    }
}
