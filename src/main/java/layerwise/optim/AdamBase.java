package layerwise.optim;

import java.util.List;
import java.util.Map;

import layerwise.tensor.Tensor;

/**
 * Adam's step, shared by {@link Adam} (weight decay added to the gradient) and {@link AdamW} (weight
 * decay applied to the weight directly, "decoupled"). t counts the steps from 1:
 * <pre>
 *   g = -g if maximize
 *   Adam:  g = g + weight_decay · p          AdamW:  p = p · (1 - lr · weight_decay)
 *   m = β1 · m + (1 - β1) · g                (first moment: a running mean of g)
 *   v = β2 · v + (1 - β2) · g · g            (second moment: a running mean of g²)
 *   v̂ = max(v̂, v) if amsgrad, else v
 *   p = p - lr / (1 - β1ᵗ) · m / (√v̂ / √(1 - β2ᵗ) + eps)
 * </pre>
 * The bias corrections 1 - βᵗ are computed in double, as Python does, and rounded once where a kernel
 * takes them.
 */
abstract class AdamBase extends Optimizer {
    private final boolean decoupled;

    AdamBase(List<Tensor> params, double lr, AdamOptions o, boolean decoupled) {
        super(params, "lr", checked(lr, o), "betas", List.of(o.beta1, o.beta2), "eps", o.eps,
                "weight_decay", o.weightDecay != null ? o.weightDecay : decoupled ? 1e-2 : 0.0,
                "amsgrad", o.amsgrad, "maximize", o.maximize);
        this.decoupled = decoupled;
    }

    private static double checked(double lr, AdamOptions o) {
        checkLr(lr);
        checkNonNegative(o.eps, "epsilon", "eps, added to the denominator so it is never 0,");
        for (int i = 0; i < 2; i++) {
            double beta = i == 0 ? o.beta1 : o.beta2;
            check(beta >= 0 && beta < 1, "Invalid beta parameter at index " + i + ": " + pyFloat(beta),
                    "beta" + (i + 1) + " is the share of the running average kept at each step: it must be in [0, 1).",
                    "use PyTorch's default betas(0.9, 0.999), or values below 1");
        }
        if (o.weightDecay != null) checkNonNegative(o.weightDecay, "weight_decay", "weight decay, the pull of each weight towards 0,");
        return lr;
    }

    @Override
    @SuppressWarnings("unchecked")
    void update(float[] p, float[] grad, Map<String, Object> s, int[] shape) {
        double lr = lr(), wd = hyper("weight_decay"), eps = hyper("eps");
        List<Double> betas = (List<Double>) group().get("betas");
        double beta1 = betas.get(0), beta2 = betas.get(1);
        boolean amsgrad = flag("amsgrad"), maximize = flag("maximize");
        Tensor stepTensor = (Tensor) s.computeIfAbsent("step", k -> Tensor.scalar(0f));
        float step = stepTensor.item() + 1;                 // state['step'] is a float32 tensor in 1.13
        s.put("step", Tensor.scalar(step));
        float[] m = buffer(s, "exp_avg", shape);
        float[] v = buffer(s, "exp_avg_sq", shape);
        float[] vmax = amsgrad ? buffer(s, "max_exp_avg_sq", shape) : null;

        float decay = (float) (1 - lr * wd);
        float b1 = (float) beta1, keep1 = (float) (1 - beta1), b2 = (float) beta2, keep2 = (float) (1 - beta2);
        float wdf = (float) wd;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) -(lr / biasCorrection1);
        float bc2Sqrt = (float) Math.sqrt(biasCorrection2);
        float epsf = (float) eps;
        for (int i = 0; i < p.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (decoupled) {
                p[i] = p[i] * decay;
            } else if (wd != 0) {
                g = FloatOps.add(g, wdf, p[i]);
            }
            m[i] = FloatOps.add(m[i] * b1, keep1, g);
            v[i] = FloatOps.addcmul(v[i] * b2, keep2, g, g);
            float second = v[i];
            if (amsgrad) {
                vmax[i] = Math.max(vmax[i], v[i]);
                second = vmax[i];
            }
            float denom = (float) Math.sqrt(second) / bc2Sqrt + epsf;
            p[i] = FloatOps.addcdiv(p[i], stepSize, m[i], denom);
        }
        store(s, "exp_avg", m, shape);
        store(s, "exp_avg_sq", v, shape);
        if (amsgrad) store(s, "max_exp_avg_sq", vmax, shape);
    }
}
