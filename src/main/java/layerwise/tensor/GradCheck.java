package layerwise.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code torch.autograd.gradcheck} for float32: compares the gradient backward() computes with one
 * measured by finite differences, for every element of every input that requires grad.
 *
 * <p>The function's output is reduced to one number with fixed random weights, {@code L = Σ out · v}
 * (v from its own seeded stream, so the global generator is untouched), so one backward gives every
 * analytic gradient dL/dx, and each element's numeric one is the central difference
 * <pre>
 *   dL/dx ≈ (L(x + ε) − L(x − ε)) / 2ε
 * </pre>
 * with L summed in double. Why these numbers: PyTorch checks in float64 with ε = 1e-6; float32 carries
 * about 7 digits, so the difference of two L values loses digits as ε shrinks (error ≈ 2⁻²⁴·|L|/ε) and
 * gains truncation error as ε grows (≈ ε²·|L'''|/6). ε = 1e-3 balances them for values of order 1,
 * leaving a numeric error near 1e-4·|L|, under the tolerances {@code atol = 1e-2, rtol = 1e-2} (a
 * mismatch when |analytic − numeric| &gt; atol + rtol·|numeric|). A wrong formula is off by far more.
 * A point where the function has a kink (relu at 0, a tie of max, |x| at 0) has no derivative to
 * measure: keep inputs away from those, as PyTorch's own tests do.
 */
final class GradCheck {
    static final double EPS = 1e-3;
    static final double ATOL = 1e-2;
    static final double RTOL = 1e-2;

    private GradCheck() {
    }

    static boolean check(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs, double eps, double atol, double rtol) {
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).requiresGrad && inputs.get(i).gradFn == null) checked.add(i);
        }
        if (checked.isEmpty()) {
            throw new ValueError("gradcheck expects at least one input tensor to require gradient, but none of the them have "
                    + "requires_grad=True.", "gradcheck compares gradients with respect to the inputs that require grad.",
                    "pass inputs made with requiresGrad(true), e.g. Tensor.randn(3).requiresGrad(true)");
        }
        Tensor out = fn.apply(inputs);
        if (out == null) {
            throw new ValueError("gradcheck: the function returned null", "It must return the tensor to check.",
                    "return the result of the computation");
        }
        float[] v = weights(out.numel());
        Tensor vt = Tensor.wrap(v, out.dims.clone());
        List<Tensor> saved = new ArrayList<>();
        for (Tensor t : inputs) {
            saved.add(t.grad);
            t.grad = null;
        }
        try {
            if (out.requiresGrad) out.backward(vt);
            for (int i : checked) {
                Tensor x = inputs.get(i);
                Tensor analytic = x.grad == null ? Tensor.zerosLike(x) : x.grad;
                compare(fn, inputs, i, x, analytic.toFloatArray(), v, eps, atol, rtol);
            }
        } finally {
            for (int i = 0; i < inputs.size(); i++) inputs.get(i).grad = saved.get(i);
        }
        return true;
    }

    private static void compare(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs, int which, Tensor x,
                                float[] analytic, float[] v, double eps, double atol, double rtol) {
        int n = x.numel();
        int[] index = new int[x.dims.length];
        int mismatches = 0;
        String first = null;
        for (int e = 0; e < n; e++) {
            int pos = Strided.position(x, index);
            float original = x.storage[pos];
            double step = eps * Math.max(1.0, Math.abs(original));
            x.storage[pos] = (float) (original + step);
            double plus = loss(fn, inputs, v);
            x.storage[pos] = (float) (original - step);
            double minus = loss(fn, inputs, v);
            x.storage[pos] = original;
            double h = (double) (float) (original + step) - (double) (float) (original - step);
            double numeric = (plus - minus) / h;
            double a = analytic[e];
            if (!(Math.abs(a - numeric) <= atol + rtol * Math.abs(numeric))) {
                mismatches++;
                if (first == null) first = describe(which, x, index, a, numeric, atol, rtol);
            }
            next(index, x.dims);
        }
        if (mismatches > 0) {
            throw new AutogradError("Jacobian mismatch for output 0 with respect to input " + which + ",",
                    first + (mismatches > 1 ? " (" + mismatches + " of " + n + " elements differ)" : "")
                            + ". The gradient backward() computes is not the one the function's values change by.",
                    "check the derivative formula of the op that produced this input's gradient; if the function has a kink "
                            + "at this point (relu at 0, a tie of max), move the input away from it");
        }
    }

    private static String describe(int which, Tensor x, int[] index, double analytic, double numeric, double atol, double rtol) {
        return String.format(Locale.ROOT, "input %d (shape %s), element %s: analytical %.6g, numerical %.6g "
                        + "(|difference| %.3g > atol %.0e + rtol %.0e x |numerical|)", which, Shapes.str(x.dims),
                Shapes.str(index.clone()), analytic, numeric, Math.abs(analytic - numeric), atol, rtol);
    }

    private static double loss(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs, float[] v) {
        Tensor out;
        try (Autograd.GradMode off = Autograd.noGrad()) {
            out = fn.apply(inputs);
        }
        float[] o = out.toFloatArray();
        double s = 0;
        for (int i = 0; i < o.length; i++) s += (double) o[i] * v[i];
        return s;
    }

    /** Fixed weights in [-1, 1) from java.util.Random(42): the same every call, and not the global generator. */
    private static float[] weights(int n) {
        java.util.Random r = new java.util.Random(42);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }

    private static void next(int[] index, int[] dims) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < dims[d]) return;
            index[d] = 0;
        }
    }
}
