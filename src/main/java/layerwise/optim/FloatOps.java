package layerwise.optim;

/**
 * The float32 arithmetic of the PyTorch tensor ops the optimizers are written in, one element at a
 * time. A Python number given to an op (lr, a beta, alpha=...) is computed in double by Python and
 * rounded to float by the kernel, so callers pass {@code (float) (1 - beta1)}, not {@code 1 - (float) beta1}.
 * <pre>
 *   a.add_(b, alpha=s)            fma(s, b, a)           s·b + a rounded once
 *   a.addcmul_(b, c, value=s)     fma(s·b, c, a)         s·b rounded, then (s·b)·c + a rounded once
 *   a.addcdiv_(b, c, value=s)     a + (s·b)/c            each step rounded
 * </pre>
 * PyTorch's CPU kernels (built with FMA) fuse the multiply-add of add and addcmul, in the vector loop and
 * the scalar tail alike; that was measured op by op against torch 1.13 on 40-element tensors, and it is
 * what reproduces PyTorch's bits on the recorded steps (OptimizerParityTest). Division by a number is a
 * true division, not a multiplication by its reciprocal.
 */
final class FloatOps {
    private FloatOps() {
    }

    static float add(float a, float alpha, float b) {
        return Math.fma(alpha, b, a);
    }

    static float addcmul(float a, float value, float b, float c) {
        return Math.fma(value * b, c, a);
    }

    static float addcdiv(float a, float value, float b, float c) {
        return a + value * b / c;
    }
}
