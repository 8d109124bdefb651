package layerwise.optim;

import java.util.List;
import java.util.Map;

import layerwise.tensor.Tensor;

/**
 * RMSprop, like {@code torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0,
 * momentum=0, centered=False, *, maximize=False)}: each weight's step is its gradient over the root of
 * a running mean square of its gradients. Keywords through {@link #options()}.
 * <pre>
 *   g = -g if maximize;  g = g + weight_decay · p
 *   v = α · v + (1 - α) · g · g
 *   centered:  ḡ = α · ḡ + (1 - α) · g,   avg = √(v - ḡ · ḡ) + eps     (a running variance instead)
 *   else:      avg = √v + eps
 *   momentum:  buf = momentum · buf + g / avg,   p = p - lr · buf
 *   else:      p = p - lr · g / avg
 * </pre>
 */
public final class RMSprop extends Optimizer {

    /** The keywords of RMSprop: alpha, eps, weightDecay, momentum, centered, maximize. */
    public static final class Options {
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;
        private boolean maximize;

        private Options() {
        }

        public Options alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        public Options maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    public RMSprop(List<Tensor> params) {
        this(params, 0.01);
    }

    public RMSprop(List<Tensor> params, double lr) {
        this(params, lr, options());
    }

    public RMSprop(List<Tensor> params, double lr, Options o) {
        super(params, "lr", checked(lr, o), "momentum", o.momentum, "alpha", o.alpha, "eps", o.eps,
                "centered", o.centered, "weight_decay", o.weightDecay, "maximize", o.maximize);
    }

    private static double checked(double lr, Options o) {
        checkLr(lr);
        checkNonNegative(o.eps, "epsilon", "eps, added to the denominator so it is never 0,");
        checkNonNegative(o.momentum, "momentum", "momentum, the share of the last step kept,");
        checkNonNegative(o.weightDecay, "weight_decay", "weight decay, the pull of each weight towards 0,");
        checkNonNegative(o.alpha, "alpha", "alpha, the share of the running mean square kept at each step,");
        return lr;
    }

    @Override
    void update(float[] p, float[] grad, Map<String, Object> s, int[] shape) {
        float lr = (float) -lr(), wd = (float) hyper("weight_decay"), eps = (float) hyper("eps");
        float alpha = (float) hyper("alpha"), keep = (float) (1 - hyper("alpha")), momentum = (float) hyper("momentum");
        boolean centered = flag("centered"), maximize = flag("maximize"), withMomentum = hyper("momentum") > 0;
        s.put("step", ((Number) s.getOrDefault("step", 0)).intValue() + 1);
        float[] v = buffer(s, "square_avg", shape);
        float[] buf = withMomentum ? buffer(s, "momentum_buffer", shape) : null;
        float[] mean = centered ? buffer(s, "grad_avg", shape) : null;
        for (int i = 0; i < p.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (wd != 0) g = FloatOps.add(g, wd, p[i]);
            v[i] = FloatOps.addcmul(v[i] * alpha, keep, g, g);
            float avg;
            if (centered) {
                mean[i] = FloatOps.add(mean[i] * alpha, keep, g);
                avg = (float) Math.sqrt(FloatOps.addcmul(v[i], -1f, mean[i], mean[i]));
            } else {
                avg = (float) Math.sqrt(v[i]);
            }
            avg = avg + eps;
            if (withMomentum) {
                buf[i] = FloatOps.addcdiv(buf[i] * momentum, 1f, g, avg);
                p[i] = FloatOps.add(p[i], lr, buf[i]);
            } else {
                p[i] = FloatOps.addcdiv(p[i], lr, g, avg);
            }
        }
        store(s, "square_avg", v, shape);
        if (withMomentum) store(s, "momentum_buffer", buf, shape);
        if (centered) store(s, "grad_avg", mean, shape);
    }
}
